namespace Fail2Ban.Core.Tests.Linting.Mutation;

/// <summary>
/// One defect planted in a filter: <paramref name="Class"/> names the defect's nature, <paramref name="Line"/> is the
/// 1-based line of the <c>.conf</c> file it changes (the line a finding must be on to recall it), <paramref name="Text"/>
/// the whole mutated file. An injection mutant is real when a line with an attacker's address appended is banned
/// for another host; the others when a sample line stops meeting its failJSON.
/// </summary>
internal sealed record FilterMutant(string Filter, string Class, int Line, string Before, string After, string Text, bool Injection)
{
    public override string ToString() => Filter + ":" + Line + " " + Class + ": " + Before.Trim() + "  =>  " + After.Trim();
}
