using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Matching;
using Xunit;

namespace Fail2Ban.Core.Tests.Matching;

/// <summary>The code generated matcher classes share: reading lines as Fail2Ban does, lazy matching, times.</summary>
public sealed class GeneratedMatcherSupportTests
{
    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb", new[] { "a", "b" })]
    [InlineData("a\rb\r\r\n\n", new[] { "a\rb", "" })]
    [InlineData("", new string[0])]
    [InlineData("\n\n", new[] { "", "" })]
    public void ReadsLinesAtNewlinesAndTrimsTrailingCarriageReturns(string text, string[] expected) =>
        Assert.Equal(expected, GeneratedMatcherSupport.ReadLines(new StringReader(text)).ToArray());

    [Fact]
    public void ReadsLinesLongerThanItsBuffer()
    {
        var line = new string('x', 10000);
        Assert.Equal(new[] { line, line }, GeneratedMatcherSupport.ReadLines(new StringReader(line + "\n" + line)).ToArray());
    }

    [Fact]
    public void MatchesEachLineLazilyAndInOrder()
    {
        var seen = new List<string>();
        var results = GeneratedMatcherSupport.MatchEach(new[] { "a", "bb", "ccc" }, line => { seen.Add(line); return line.Length; });
        Assert.Empty(seen);
        Assert.Equal(new[] { 1, 2, 3 }, results.ToArray());
        Assert.Equal(new[] { "a", "bb", "ccc" }, seen);
    }

    [Fact]
    public void TimeIsUtcRoundedToTheMillisecond()
    {
        Assert.Null(GeneratedMatcherSupport.Time(null));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, 124, TimeSpan.Zero), GeneratedMatcherSupport.Time(1767571200.1236));
    }

    [Fact]
    public void NoFailureHasNoAddress() => Assert.Null(GeneratedMatcherSupport.Ip(null));
}
