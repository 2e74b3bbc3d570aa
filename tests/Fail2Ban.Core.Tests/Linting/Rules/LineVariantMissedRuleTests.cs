using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class LineVariantMissedRuleTests
{
    private const string PidJoined = "__pid_re = (?:\\[\\d+\\])\n";

    private const string Manager = @"^(?:NOTICE|SECURITY|WARNING)%(__pid_re)s \S+: Host <HOST> failed to authenticate as '[^']*'$";

    private static LintOptions Samples(string log) => FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log });

    [Fact]
    public void A_level_joined_to_its_pid_misses_the_padded_level_and_points_at_the_pid()
    {
        var text = LintHarness.Filter(Manager, PidJoined);
        var f = Assert.Single(LintHarness.Findings(RuleIds.LineVariantMissed, text));
        // Without a sample log the padded level is a suggestion, located where the \s* goes: the pid part.
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Equal(2, f.Location.Line);
        Assert.Contains("NOTICE [", f.Evidence!.Line);
        Assert.Contains("missed", f.Evidence.Explanation);
        // The fix the probe verified: \s* before the pid group, in __pid_re's own line.
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((2, "\\s*("), (edit.Line, edit.NewText));
    }

    [Fact]
    public void A_level_written_alone_is_the_daemons_fixed_text_and_is_not_varied()
    {
        Assert.Empty(LintHarness.Findings(RuleIds.LineVariantMissed, LintHarness.Filter(@"^ALERT - \S+ \(attacker '<HOST>'\)$")));
    }

    [Fact]
    public void A_level_that_may_be_padded_is_not_reported()
    {
        Assert.Empty(LintHarness.Findings(RuleIds.LineVariantMissed, LintHarness.Filter(Manager, "__pid_re = (?:\\s*\\[\\d+\\])\n")));
    }

    [Fact]
    public void A_sample_log_that_never_pads_the_level_is_no_premise()
    {
        var log = "2016-06-09 00:01:02 NOTICE[22382] manager.c: Host 192.0.2.7 failed to authenticate as 'admin'\n";
        Assert.Empty(LintHarness.Findings(RuleIds.LineVariantMissed, LintHarness.Filter(Manager, PidJoined), null, Samples(log)));
    }

    [Fact]
    public void A_space_the_sample_log_shows_padded_between_the_same_words_is_reported_with_that_line()
    {
        // The first failregex reports the padded sample line; the second writes the same words with one space.
        var text = LintHarness.Filter("^\\s*Login\\s+failed for user '[^']*' from <HOST>$\n            ^\\s*Login failed from <HOST> after too many attempts$");
        var log = "2024-08-18 21:08:39 Login  failed for user 'bob' from 192.0.2.7\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.LineVariantMissed, text, null, Samples(log)));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal(3, f.Location.Line);
        Assert.Contains("Login  failed from 192.0.2.1 after too many attempts", f.Evidence!.Line);
        Assert.Contains("Login  failed for user 'bob'", f.Message);
        Assert.Equal("\\s+", Assert.Single(f.Fix!.Edits).NewText);
    }

    [Fact]
    public void A_single_space_nothing_shows_padded_is_not_varied()
    {
        var text = LintHarness.Filter("^\\s*Login\\s+failed for user '[^']*' from <HOST>$\n            ^\\s*Login failed from <HOST> after too many attempts$");
        var log = "2024-08-18 21:08:39 Login failed for user 'bob' from 192.0.2.7\n";
        Assert.Empty(LintHarness.Findings(RuleIds.LineVariantMissed, text, null, Samples(log)));
    }

    [Fact]
    public void White_space_the_daemon_leaves_at_the_end_of_lines_is_reported_at_the_end_anchor()
    {
        var text = LintHarness.Filter("^\\s*Login failed from <HOST>\\s*$\n            ^\\s*Access denied for <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.LineVariantMissed, text, null, Samples("2024-08-18 21:08:39 Login failed from 192.0.2.7 \n")));
        Assert.Equal(3, f.Location.Line);
        Assert.EndsWith("Access denied for 192.0.2.1 ", f.Evidence!.Line);
        Assert.Equal("\\s*$", Assert.Single(f.Fix!.Edits).NewText);
        // Space after a label that ends the line is an empty last field, not the daemon's habit.
        text = LintHarness.Filter("^\\s*Login failed from <HOST> user=\\S*\\s*$\n            ^\\s*Access denied for <HOST>$");
        Assert.Empty(LintHarness.Findings(RuleIds.LineVariantMissed, text, null, Samples("2024-08-18 21:08:39 Login failed from 192.0.2.7 user= \n")));
    }

    private const string InvalidUser = "^\\s*Invalid user <F-USER>\\S+</F-USER> from <HOST>$\n            ^\\s*Invalid user\\s+from <HOST> port \\d+$";

    [Fact]
    public void An_empty_user_name_the_sample_log_shows_is_reported_at_the_user_field()
    {
        var log = "2024-08-18 21:08:39 Invalid user  from 192.0.2.7 port 22\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.LineVariantMissed, LintHarness.Filter(InvalidUser), null, Samples(log)));
        Assert.Equal((2, 30), (f.Location.Line, f.Location.Column));
        Assert.Contains("Invalid user  from 192.0.2.1", f.Evidence!.Line);
        Assert.Contains("user  from", f.Message);
        Assert.Equal("*", Assert.Single(f.Fix!.Edits).NewText);
    }

    [Fact]
    public void An_empty_user_name_is_not_reported_without_a_sample_log_or_where_the_sample_holds_it_as_a_line_not_to_match()
    {
        Assert.Empty(LintHarness.Findings(RuleIds.LineVariantMissed, LintHarness.Filter("^\\s*Invalid user <F-USER>\\S+</F-USER> from <HOST>$")));
        // The line with the empty name is in the sample log, but the filter does not report it: the sample shows what must not match.
        var log = "2024-08-18 21:08:39 Invalid user bob from 192.0.2.8\n2024-08-18 21:08:40 Invalid user  from 192.0.2.7\n";
        Assert.Empty(LintHarness.Findings(RuleIds.LineVariantMissed, LintHarness.Filter("^\\s*Invalid user <F-USER>\\S+</F-USER> from <HOST>$"), null, Samples(log)));
    }

    [SkippableTheory]
    [InlineData("sshd")]
    [InlineData("asterisk")]
    [InlineData("monit")]
    [InlineData("suhosin")]
    [InlineData("tine20")]
    public void Master_filters_are_not_reported(string name)
    {
        Assert.Empty(LintHarness.MasterFindings(RuleIds.LineVariantMissed, name)!);
    }
}
