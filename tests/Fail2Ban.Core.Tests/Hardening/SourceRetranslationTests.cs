using System;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Tests.Hardening;

/// <summary>
/// A <see cref="CompiledRegex"/> made as the source generator's matchers make it (the filter's source text and a
/// compiled regex, no translation kept) is retried on the linear machine after a time-out, with the tree of its source
/// translated again, only when that translation gives the very pattern and options the regex runs.
/// No timing is asserted: the limit is made short so the backtracking engine surely runs past it.
/// </summary>
public sealed class SourceRetranslationTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    // The first alternative backtracks exponentially on a run of "a" before failing; the second then matches.
    private const string Exponential = "^(?:(?:a|aa)+!|[a ]+) from <HOST>$";

    private static readonly string Line = new string('a', 60) + " from 192.0.2.7";

    /// <summary>What generated code does: the source, a regex of the given pattern, no <see cref="CompiledRegex.Translated"/>.</summary>
    private static LineResult Run(string source, string pattern, RegexOptions options, int maxLines = 1)
    {
        var translated = FilterRegexTranslator.Translate(source, FilterRegexKind.Fail, useDnsIsNo: false, multiline: maxLines > 1);
        var regex = new CompiledRegex(source, new Regex(pattern, options, Short), translated.GroupNames);
        Assert.Null(regex.Translated);
        var filter = new CompiledFilter("generated", null, new[] { regex }, Array.Empty<CompiledRegex>(), maxLines, null);
        return new FilterMatcher(filter, new MatcherOptions { Now = 1800000000 },
            new DateDetectorSettings { Now = 1800000000, LocalZone = LocalTimeZone.Utc }).ProcessLine(Line);
    }

    private static FilterRegex Translate(string source, bool useDnsIsNo = false, bool multiline = false) =>
        FilterRegexTranslator.Translate(source, FilterRegexKind.Fail, useDnsIsNo, multiline);

    [Theory]
    [InlineData(RegexOptions.None)]
    [InlineData(RegexOptions.Compiled)]
    public void A_regex_made_from_its_source_is_retried_after_a_time_out(RegexOptions extra)
    {
        var t = Translate(Exponential);
        var result = Run(Exponential, t.DotNetPattern, t.Options | extra);
        Assert.Empty(result.TimedOut);
        Assert.Equal("192.0.2.7", Assert.Single(result.Entries).Id!.Text);
    }

    [Fact]
    public void A_multiline_failregex_is_retried_with_its_multiline_translation()
    {
        var t = Translate(Exponential, multiline: true);
        Assert.True((t.Options & RegexOptions.Multiline) != 0);
        var result = Run(Exponential, t.DotNetPattern, t.Options, maxLines: 2);
        Assert.Empty(result.TimedOut);
        Assert.Equal("192.0.2.7", Assert.Single(result.Entries).Id!.Text);
    }

    [Fact]
    public void A_regex_compiled_with_usedns_no_is_retried_with_that_translation()
    {
        var t = Translate(Exponential, useDnsIsNo: true);
        Assert.NotEqual(Translate(Exponential).DotNetPattern, t.DotNetPattern); // <HOST> is ADDR: another pattern
        var result = Run(Exponential, t.DotNetPattern, t.Options);
        Assert.Empty(result.TimedOut);
        Assert.Equal("192.0.2.7", Assert.Single(result.Entries).Id!.Text);
    }

    [Fact]
    public void A_regex_whose_source_translates_to_another_pattern_stays_timed_out()
    {
        // As if the generator had run another version of the engine: same source, a (slightly) different pattern.
        var t = Translate(Exponential);
        var result = Run(Exponential, "(?:)" + t.DotNetPattern, t.Options);
        Assert.Single(result.TimedOut);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void A_regex_whose_source_does_not_translate_stays_timed_out()
    {
        var t = Translate(Exponential);
        var regex = new CompiledRegex("(unbalanced", new Regex(t.DotNetPattern, t.Options, Short), t.GroupNames);
        var filter = new CompiledFilter("generated", null, new[] { regex }, Array.Empty<CompiledRegex>(), 1, null);
        var result = new FilterMatcher(filter, new MatcherOptions { Now = 1800000000 },
            new DateDetectorSettings { Now = 1800000000, LocalZone = LocalTimeZone.Utc }).ProcessLine(Line);
        Assert.Single(result.TimedOut);
        Assert.Empty(result.Entries);
    }
}
