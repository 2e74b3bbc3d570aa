using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Tests.Hardening;

/// <summary>A date template that backtracks catastrophically is bounded, and the line reported as timed out.</summary>
[Collection(DateTemplateTimeLimit.Collection)]
public sealed class DateTimeoutTests
{
    [Fact]
    public void A_line_whose_date_search_times_out_is_reported_not_processed_as_undated()
    {
        // A pattern no other test uses, so its template is made (and cached) here with a short limit.
        var files = new InMemoryConfigFileSource().Add("/f/d.conf",
            "[Definition]\ndatepattern = ^(?:(a+)+)timeout-test-b%%Y\nfailregex = ^x <HOST>$\n");
        FilterMatcher matcher;
        var saved = DateTemplate.MatchTimeout;
        try
        {
            DateTemplate.MatchTimeout = System.TimeSpan.FromMilliseconds(200);
            var compiled = FilterCompiler.Compile(FilterReader.ReadFile(files, "/f/d.conf"));
            matcher = new FilterMatcher(compiled, new MatcherOptions { Now = 1800000000 },
                new DateDetectorSettings { Now = 1800000000, LocalZone = LocalTimeZone.Utc });
        }
        finally
        {
            DateTemplate.MatchTimeout = saved;
        }
        var slow = matcher.ProcessLine(new string('a', 40) + "!");
        Assert.Equal(new[] { FilterMatcher.DateTimedOutSource }, slow.TimedOut);
        Assert.True(matcher.TryProcessLine(new string('a', 40) + "?", out var reported)); // not a quiet miss
        Assert.Contains(FilterMatcher.DateTimedOutSource, reported!.TimedOut);
        var fast = matcher.ProcessLine("x 192.0.2.7");
        Assert.Empty(fast.TimedOut);
        Assert.Equal("192.0.2.7", Assert.Single(fast.Entries).Id!.Text);
    }
}
