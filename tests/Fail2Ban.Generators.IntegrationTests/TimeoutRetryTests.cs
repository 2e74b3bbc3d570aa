using System.Text.RegularExpressions;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Corpus.Filters;

namespace Fail2Ban.Generators.IntegrationTests;

/// <summary>
/// Generated matchers keep no Python syntax tree, yet a line whose regex runs past its time limit (2 s in generated
/// code) gets Fail2Ban's verdict from the linear-time retry, as in the engine: Core translates the regex's source
/// again on the first time-out and checks it gives the very pattern the generated regex runs. Where the machine
/// cannot run the pattern (a look-ahead), the line stays reported as timed out. No timing is asserted.
/// </summary>
public sealed class TimeoutRetryTests
{
    private static readonly DateDetectorSettings Utc = new() { LocalZone = LocalTimeZone.Parse("UTC") };

    // Exponential backtracking on the first alternative: surely past 2 s.
    private static readonly string Exponential = new string('a', 60) + " from 192.0.2.7";

    [Fact]
    public void A_generated_failregex_that_times_out_still_bans_the_host_fail2ban_bans()
    {
        var regex = Assert.Single(TimeoutRetriedFilter.GetCompiledFilter().FailRegexes);
        Assert.Null(regex.Translated); // generated code keeps no tree: the path under test
        Assert.Throws<RegexMatchTimeoutException>(() => regex.Regex.Match(Exponential + "\n"));

        var result = new TimeoutRetriedFilter(options: new MatcherOptions(), dateSettings: Utc).Match(Exponential);
        Assert.True(result.Success, "the timed-out line should be decided by the retry");
        Assert.Equal("192.0.2.7", result.Host);
        Assert.Empty(result.Line!.TimedOut);
    }

    [Fact]
    public void A_generated_failregex_with_a_lookahead_keeps_the_timed_out_report()
    {
        var result = new TimeoutLookaheadFilter(options: new MatcherOptions(), dateSettings: Utc).Match(Exponential);
        Assert.False(result.Success);
        Assert.NotNull(result.Line);
        Assert.Single(result.Line!.TimedOut);
    }

#if FAIL2BAN_CORPUS
    [Fact]
    public void Generated_postfix_bans_the_recipient_with_16000_spaces_as_fail2ban_bans_it()
    {
        // Fail2Ban 1.0.2 takes 37 s on this line (the prefregex's .+?…\s*$ is quadratic in the spaces) and bans 192.0.2.1.
        // postfix is built in Generated mode: the regex is the SDK's RegexGenerator code.
        var line = "Nov 28 10:00:00 mail postfix/smtpd[123]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <u@x>: " +
                   "Relay access denied; from=<a@b> to=<" + new string(' ', 16000) + "u@x> proto=ESMTP helo=<x>";
        var result = new PostfixFilter(options: new MatcherOptions(), dateSettings: Utc).Match(line);
        Assert.True(result.Success, "the timed-out line should be decided by the retry");
        Assert.Equal("192.0.2.1", result.Host);
        Assert.Empty(result.Line!.TimedOut);
    }
#endif
}
