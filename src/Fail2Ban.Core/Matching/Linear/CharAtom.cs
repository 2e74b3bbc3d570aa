using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Matching.Linear;

/// <summary>
/// Which characters one atom of a pattern (a literal character, a class, <c>.</c>) matches, decided by .NET's regex
/// engine on the atom as <see cref="Patterns.DotNetRegexWriter"/> translates it: the linear matcher then agrees with
/// the backtracking one on every character (classes, case folding, DOTALL). Answers are cached; thread-safe.
/// </summary>
internal sealed class CharAtom
{
    private readonly Regex _regex;
    private readonly bool[] _ascii = new bool[128];
    private readonly ConcurrentDictionary<char, bool> _others = new();

    public CharAtom(string dotNetPattern, RegexOptions options)
    {
        _regex = new Regex(@"\A(?:" + dotNetPattern + @")\z", options & ~RegexOptions.Multiline);
        for (var c = 0; c < 128; c++) _ascii[c] = _regex.IsMatch(((char)c).ToString());
    }

    public bool Matches(char c) => c < 128 ? _ascii[c] : _others.GetOrAdd(c, ch => _regex.IsMatch(ch.ToString()));
}
