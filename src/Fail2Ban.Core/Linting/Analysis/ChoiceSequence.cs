namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// A small seeded pseudo-random sequence (xorshift) for the text generator's choices: the same seed
/// always gives the same lines, so findings and their evidence are reproducible.
/// </summary>
internal sealed class ChoiceSequence
{
    private ulong _state;

    public ChoiceSequence(int seed) => _state = 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)seed * 0xBF58476D1CE4E5B9UL) | 1;

    /// <summary>A number in <c>[0, count)</c>.</summary>
    public int Next(int count)
    {
        _state ^= _state << 13;
        _state ^= _state >> 7;
        _state ^= _state << 17;
        return count <= 1 ? 0 : (int)(_state % (ulong)count);
    }
}
