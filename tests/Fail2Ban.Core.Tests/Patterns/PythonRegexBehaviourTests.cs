using System.Collections.Generic;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Tests.Patterns;

/// <summary>
/// The translated .NET regex behaves as Python 3.11 on subjects where Python and a naive .NET
/// reading differ. Expectations were produced by CPython 3.11.7 (<c>re.search</c>: span, then every
/// group by number, <c>~</c> = did not participate).
/// </summary>
public class PythonRegexBehaviourTests
{
    [Theory]
    [InlineData("foo\\Z", "foo\u000A", "none")]
    [InlineData("foo\\Z", "foo", "0-3")]
    [InlineData("^a{,2}$", "aa", "0-2")]
    [InlineData("^a{,2}$", "a{,2}", "none")]
    [InlineData("^a{,}$", "aaa", "0-3")]
    [InlineData("[^[]+", "ab[c", "0-2")]
    [InlineData("^[a-z-[aeiou]]+$", "bcd", "none")]
    [InlineData("^[a-z-[aeiou]]+$", "b]", "0-2")]
    [InlineData("^\\s$", "\u001C", "0-1")]
    [InlineData("^\\S+", "a\u001Fb", "0-1")]
    [InlineData("^[\\s]$", "\u001D", "0-1")]
    [InlineData("^[^\\s]$", "\u001E", "none")]
    [InlineData("^[\\S]$", "\u001E", "none")]
    [InlineData("^\\w$", "\u00B2", "0-1")]
    [InlineData("^\\w$", "\u0301", "none")]
    [InlineData("^\\w$", "\u203F", "none")]
    [InlineData("a\\b", "a\u0301", "0-1")]
    [InlineData("a\\B", "a\u0301", "none")]
    [InlineData("\\bx", "\u00B2x", "none")]
    [InlineData("\\B", "", "none")]
    [InlineData("\\B", "-", "0-0")]
    [InlineData("x?\\B", "", "none")]
    [InlineData("^[^\\W\\d]$", "\u00B2", "0-1")]
    [InlineData("^[\\W]$", "\u0301", "0-1")]
    [InlineData("^[\\Wa]+$", "-a-", "0-3")]
    [InlineData("^[^\\Wa]+$", "bc", "0-2")]
    [InlineData("^[^\\Wa]+$", "ba", "none")]
    [InlineData("^(a)(?P<n>b)(c)$", "abc", "0-3 1=a;2=b;3=c")]
    [InlineData("(?P<n>a)(b)\\2", "abb", "0-3 1=a;2=b")]
    [InlineData("(?P<n>a)(b)\\2", "aba", "none")]
    [InlineData("(?P<n>a)(b)?(?(2)c|d)", "abc", "0-3 1=a;2=b")]
    [InlineData("(?P<n>a)(b)?(?(2)c|d)", "ad", "0-2 1=a;2=~")]
    [InlineData("(?P<n>a)?(?(n)b|c)", "c", "0-1 1=~")]
    [InlineData("(?iu)ab", "AB", "0-2")]
    [InlineData("^a*+a", "aaa", "none")]
    [InlineData("^(?:ab)++$", "abab", "0-4")]
    [InlineData("a\\_b", "a_b", "0-3")]
    [InlineData("\\x1D", "a\u001Db", "1-2")]
    [InlineData("^{x}$", "{x}", "0-3")]
    [InlineData("^a{1$", "a{1", "0-3")]
    [InlineData("^x{2,}y", "xxxy", "0-4")]
    [InlineData("^a{}$", "a{}", "0-3")]
    [InlineData("(?P<x>a)(?P=x)", "aa", "0-2 1=a")]
    [InlineData("^\\d+$", "\u0663\u0664", "0-2")]
    [InlineData("(?a)^\\w+$", "\u00E9", "none")]
    [InlineData("^(?a:\\w)(?u:\\w)$", "a\u00E9", "0-2")]
    [InlineData("(?i)stra\\u00dfe", "STRASSE", "none")]
    [InlineData("(?x) a b # comment", "ab", "0-2")]
    [InlineData("(?s)a.b", "a\u000Ab", "0-3")]
    [InlineData("(?m)^b$", "a\u000Ab\u000A", "2-3")]
    [InlineData("(?<=\\d{3})x", "123x", "3-4")]
    [InlineData("\\101\\0", "A\u0000", "0-2")]
    [InlineData("[\\101-\\103]+", "ABC", "0-3")]
    [InlineData("\\u00e9\\U0001F600?", "\u00E9", "0-1")]
    public void MatchesLikePython(string python, string subject, string expected)
    {
        var tree = PythonRegexParser.Parse(python);
        var regex = new Regex(DotNetRegexWriter.Write(tree), RegexOptions.CultureInvariant);
        var m = regex.Match(subject);
        Assert.Equal(expected, Describe(m, tree));
    }

    private static string Describe(Match m, RegexTree tree)
    {
        if (!m.Success) return "none";
        var text = m.Index + "-" + (m.Index + m.Length);
        var groups = new List<string>();
        foreach (var g in tree.Groups)
        {
            var group = m.Groups[g.Name ?? PythonRegexTranslator.UnnamedGroupName(g.Number)];
            groups.Add(g.Number + "=" + (group.Success ? group.Value : "~"));
        }
        return groups.Count == 0 ? text : text + " " + string.Join(";", groups);
    }
}
