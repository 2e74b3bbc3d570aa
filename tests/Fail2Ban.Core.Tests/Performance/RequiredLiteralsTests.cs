using System;
using System.Linq;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Tests.Performance;

/// <summary>What the literal analysis derives from a regex tree, and what its prefilter lets through.</summary>
public class RequiredLiteralsTests
{
    private static RequiredLiterals Of(string pattern) => RequiredLiterals.Analyze(PythonRegexParser.Parse(pattern));

    private static LiteralPrefilter Filter(string pattern) => new(Of(pattern));

    [Fact]
    public void Anchored_regex_gives_its_leading_text_as_prefixes()
    {
        var r = Of(@"^[iI](?:llegal|nvalid) user (?P<user>.*?) from \S+$");
        Assert.Equal(new[] { "Illegal user ", "Invalid user ", "illegal user ", "invalid user " }, r.Prefixes!.OrderBy(s => s, System.StringComparer.Ordinal));
        Assert.Contains(r.Clauses, c => c.SequenceEqual(new[] { " from " }));
    }

    [Fact]
    public void Optional_and_repeated_parts_give_nothing_or_their_body()
    {
        Assert.Null(Of(@"^(?:foo)?bar").Prefixes?.FirstOrDefault(p => p == "foo"));
        Assert.Equal(new[] { "bar", "foobar" }, Of(@"^(?:foo)?bar").Prefixes!.OrderBy(s => s, System.StringComparer.Ordinal));
        Assert.Contains(Of(@"x(?:ab)+y").Clauses, c => c.SequenceEqual(new[] { "ab" }));
        Assert.DoesNotContain(Of(@"x(?:ab)*y").Clauses, c => c.Contains("ab"));
    }

    [Fact]
    public void Case_insensitive_letters_are_not_required_but_caseless_characters_are()
    {
        var r = Of(@"(?i)user=admin: 42");
        Assert.DoesNotContain(r.Clauses, c => c.Any(s => s.Contains('u') || s.Contains('a')));
        Assert.Contains(r.Clauses, c => c.SequenceEqual(new[] { ": 42" }));
        Assert.True(Filter(@"(?i)user=admin: 42").MayMatch("USER=ADMIN: 42".AsSpan()));
    }

    [Fact]
    public void Negative_lookarounds_require_nothing_positive_ones_their_text()
    {
        Assert.DoesNotContain(Of(@"a(?!bcd)e").Clauses, c => c.Contains("bcd"));
        Assert.Contains(Of(@"a(?=bcd)").Clauses, c => c.SequenceEqual(new[] { "bcd" }));
    }

    [Fact]
    public void Alternatives_give_one_clause_of_their_best_strings()
    {
        var r = Of(@"(?:Connection closed|Disconnected from \S+) port \d+");
        Assert.Contains(r.Clauses, c => c.OrderBy(s => s, System.StringComparer.Ordinal).SequenceEqual(new[] { "Connection closed", "Disconnected from " }));
    }

    [Fact]
    public void Multiline_regexes_have_no_prefix_rule()
    {
        var tree = PythonRegexParser.Parse(@"^Failed for \S+$", PythonRegexFlags.Multiline);
        Assert.Null(RequiredLiterals.Analyze(tree).Prefixes);
    }

    [Fact]
    public void Prefilter_rules_out_only_texts_without_the_literals()
    {
        var f = Filter(@"^Failed password for (?P<user>\S+) from \S+ port \d+");
        Assert.True(f.MayMatch("Failed password for root from 192.0.2.1 port 22\n".AsSpan()));
        Assert.False(f.MayMatch("Accepted password for root from 192.0.2.1 port 22\n".AsSpan()));
        Assert.False(f.MayMatch("xFailed password for root from 192.0.2.1 port 22\n".AsSpan()));
        Assert.True(f.MayMatchLine("Failed password for root from 192.0.2.1 port 22".AsSpan()));
    }

    [Fact]
    public void Line_test_sees_the_final_newline()
    {
        var f = Filter("end\\n");
        Assert.True(f.MayMatchLine("the end".AsSpan()));
        Assert.False(f.MayMatchLine("the end.".AsSpan()));
        Assert.Equal(f.MayMatch("the end\n".AsSpan()), f.MayMatchLine("the end".AsSpan()));
    }
}
