using System.Collections.Generic;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>Evidence lines read like whole lines of the daemon's log: dated, behind its syslog header, words apart.</summary>
public sealed class EvidenceLineTests
{
    /// <summary>A prefregex as common.conf's: an optional host, an optional daemon tag with a pid.</summary>
    private const string SyslogPrefix = "_daemon = authd\nprefregex = ^\\s*(?:\\S+\\s+)?(?:%(_daemon)s(?:\\[\\d+\\])?:\\s+)?<F-CONTENT>.+</F-CONTENT>$\n";

    [Theory]
    [InlineData(@"did not issue (?:[A-Z]{4}[/ ]?)+during connection", "did not issue AAAA during connection")]
    [InlineData(@"failure;\s*logname=", "failure; logname=")]
    [InlineData(@"code 7[/ ]?$", "code 7")]
    [InlineData(@"Failed password for \S+ from", "Failed password for alice from")]
    [InlineData(@"ruser=(?P<user>\S*) rhost=\S+ user=\S+", "ruser= rhost=x user=alice")]
    [InlineData(@"Invalid user (?P<user>\w+) from", "Invalid user alice from")]
    [InlineData(@"uid=\S* tty=", "uid= tty=")]
    [InlineData(@"File does not exist: /\S*(\.php|\.asp)", "File does not exist: /index.php")]
    [InlineData(@"GET /\S*\.cgi", "GET /index.cgi")]
    public void The_plainest_text_keeps_words_apart_and_names_users_and_files(string regex, string expected)
    {
        var tree = PythonRegexParser.Parse(regex);
        Assert.Equal(expected, new RegexTextGenerator(new RegexTreeIndex(tree)).Generate(0)!.Text);
    }

    [Fact]
    public void A_generated_missed_line_carries_a_date_and_the_daemons_syslog_header()
    {
        var text = "[Definition]\n" + SyslogPrefix + "failregex = ^did not issue [A-Z]{4} from <HOST>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, text));
        Assert.Equal("Aug 14 11:59:58 mail authd[12345]: did not issue CONNECT from 192.0.2.1", f.Evidence!.Line);
    }

    [Fact]
    public void Without_a_daemon_name_the_header_is_a_host_name_not_a_made_up_program()
    {
        var text = "[Definition]\n" + SyslogPrefix.Replace("_daemon = authd", "_daemon = \\S*") + "failregex = ^did not issue [A-Z]{4} from <HOST>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, text));
        Assert.Equal("Aug 14 11:59:58 mail did not issue CONNECT from 192.0.2.1", f.Evidence!.Line);
    }

    [Fact]
    public void An_unanchored_failregex_is_shown_with_the_fake_failure_inside_the_request_path_of_a_whole_line()
    {
        // apache-noscript before it was anchored: the path of a 404 (logged decoded, spaces and all) holds a whole fake line.
        var text = LintHarness.Filter(@"[[]client <HOST>[]] File does not exist: /\S*\.php");
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, text));
        Assert.Equal(LintEvidenceKind.InjectedLine, f.Evidence!.Kind);
        Assert.Equal("192.0.2.254", f.Evidence.BannedAddress);
        Assert.Matches(@"^Aug 14 11:59:58 \[client 192\.0\.2\.1\] File does not exist: /\S*\[client 192\.0\.2\.254\] File does not exist: /\S*\.php", f.Evidence.Line);
        Assert.Contains(@"read by \S*", f.Evidence.Explanation);
        Assert.Contains("not the client 192.0.2.1", f.Evidence.Explanation);
    }

    [Fact]
    public void An_unanchored_failregex_with_a_user_name_field_carries_the_fake_in_the_user_name()
    {
        var text = LintHarness.Filter(@"authentication failure; rhost=<HOST>(?: user=\S*)?$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, text));
        Assert.Equal("192.0.2.254", f.Evidence!.BannedAddress);
        Assert.Matches(@"rhost=192\.0\.2\.1 user=.*rhost=192\.0\.2\.254$", f.Evidence.Line);
        Assert.Contains("user name", f.Evidence.Explanation);
    }

    [Fact]
    public void A_failregex_whose_own_lines_cannot_carry_the_fake_is_shown_inside_a_client_field_of_another_message_of_the_log()
    {
        // vsftpd before its anchors: "[user] FAIL LOGIN" ends with the real client, but the PAM line ends with the user name.
        var text = LintHarness.Filter("vsftpd: authentication failure; rhost=<HOST>(?: user=\\S*)?$\n            \\[.+\\] FAIL LOGIN: Client \"<HOST>\"$");
        var findings = LintHarness.Findings(RuleIds.UnanchoredRegex, text);
        var second = Assert.Single(findings, f => f.Location.Line == 3);
        Assert.Equal("192.0.2.254", second.Evidence!.BannedAddress);
        Assert.Matches(@"rhost=192\.0\.2\.1 user=\[\S*\] FAIL LOGIN: Client ""192\.0\.2\.254""$", second.Evidence.Line);
        Assert.Contains("a line failregex #1 matches", second.Evidence.Explanation);
    }

    [Fact]
    public void A_fake_that_no_line_of_the_filter_can_carry_is_shown_in_a_line_another_daemon_writes_to_the_same_syslog_file()
    {
        // A kernel firewall line has no client text; sshd's "Invalid user NAME from …" in the same file has.
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, LintHarness.Filter(@".*\[FW BLOCK\] IN=.* SRC=<HOST>")));
        Assert.Equal("Aug 14 11:59:58 mail sshd[12345]: Invalid user [FW BLOCK] IN= SRC=192.0.2.254 from 198.51.100.7 port 51234", f.Evidence!.Line);
        Assert.Contains("the user name OpenSSH logs", f.Evidence.Explanation);
        // A log whose sample lines are not syslog lines gets no syslog line.
        var samples = Rules.FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = "1403884279 [FW BLOCK] IN=eth0 SRC=192.0.2.7\n" });
        var own = Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, LintHarness.Filter(@".*\[FW BLOCK\] IN=.* SRC=<HOST>"), null, samples));
        Assert.DoesNotContain("sshd", own.Evidence!.Line);
    }

    [Fact]
    public void A_host_name_and_pid_from_common_conf_read_as_a_log_writes_them()
    {
        var common = new Dictionary<string, string> { ["common.conf"] = "[DEFAULT]\n__hostname = \\S+\n__pid_re = (?:\\[\\d+\\])\n" };
        var text = "[INCLUDES]\nbefore = common.conf\n[Definition]\nfailregex = ^\\s*%(__hostname)s vpnd%(__pid_re)s: [A-Z]{4} from <HOST>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, text, common));
        Assert.Equal("Aug 14 11:59:58 mail vpnd[12345]: CONNECT from 192.0.2.1", f.Evidence!.Line);
    }

    [Fact]
    public void A_line_about_the_prefix_keeps_its_text_behind_the_header()
    {
        // sendmail's queue id: the missed line has a longer id where the prefregex reads \w{14}, after the syslog header.
        var text = "[Definition]\n_daemon = sm-mta\nprefregex = ^\\s*(?:\\S+\\s+)?(?:%(_daemon)s(?:\\[\\d+\\])?:\\s+)?(?:\\w{14}: )?<F-CONTENT>.+</F-CONTENT>$\n"
            + "failregex = ^ruleset=check_rcpt, relay=\\[<HOST>\\], reject=550$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, text));
        Assert.Matches(@"^Aug 14 11:59:58 mail sm-mta\[12345\]: \w{15,}: ruleset=check_rcpt, relay=\[192\.0\.2\.1\], reject=550$", f.Evidence!.Line);
    }

    [Fact]
    public void An_error_log_line_gets_its_date_inside_the_brackets_that_open_it()
    {
        // Fail2Ban cuts the date out of "[Sun Aug 14 …] [error] [client …]": the regex reads "[]", the evidence shows the date.
        var text = LintHarness.Filter(@"^\[\] \[error\] \[client <HOST>\] File does not exist: /[A-Z]{4}$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, text));
        Assert.StartsWith("[Sun Aug 14 11:59:58.123456 2005] [error] [client 192.0.2.1] File does not exist: /", f.Evidence!.Line);
    }

    [Fact]
    public void With_a_sample_log_a_generated_line_takes_the_header_of_a_real_line()
    {
        // The daemon name is a regex (no plain text to write), the sample log shows the real header.
        var text = "[Definition]\n" + SyslogPrefix.Replace("_daemon = authd", "_daemon = auth(?:-\\w+)?/\\w+")
            + "failregex = ^did not issue [A-Z]{4} from <HOST>$\n";
        var log = "# failJSON: { \"time\": \"2005-03-10T13:33:30\", \"match\": true, \"host\": \"192.0.2.7\" }\n"
            + "Mar 10 13:33:30 gandalf auth-in/smtpd[3937]: did not issue QUIT from 192.0.2.7\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, text, null, Rules.FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log })));
        Assert.Equal("Mar 10 13:33:30 gandalf auth-in/smtpd[3937]: did not issue CONNECT from 192.0.2.1", f.Evidence!.Line);
    }

    [Fact]
    public void With_a_sample_log_an_undated_line_takes_the_stamp_the_log_writes()
    {
        var text = LintHarness.Filter(@"^ SMTP: did not issue [A-Z]{4} from <HOST>$", "datepattern = ^\\[%%d/%%b/%%Y %%H:%%M:%%S\\]\n");
        var log = "# failJSON: { \"time\": \"2017-05-17T19:43:42\", \"match\": true, \"host\": \"192.0.2.7\" }\n"
            + "[17/May/2017 19:43:42] SMTP: did not issue QUIT from 192.0.2.7\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, text, null, Rules.FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log })));
        Assert.Equal("[17/May/2017 19:43:42] SMTP: did not issue CONNECT from 192.0.2.1", f.Evidence!.Line);
    }

    [Fact]
    public void Without_a_sample_log_a_line_is_dated_in_the_filters_own_datepattern()
    {
        var text = LintHarness.Filter(@"^ SMTP: did not issue [A-Z]{4} from <HOST>$", "datepattern = ^\\[%%d/%%b/%%Y %%H:%%M:%%S\\]\n");
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, text));
        Assert.Equal("[14/Aug/2005 11:59:58] SMTP: did not issue CONNECT from 192.0.2.1", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^\[%d/%b/%Y %H:%M:%S\]", "[14/Aug/2005 11:59:58]")]
    [InlineData(@"^%Y-%m-%dT%H:%M:%S(?:\.%f)?", "2005-08-14T11:59:58")]
    [InlineData(@"{^LN-BEG}EPOCH", "1124020798")]
    [InlineData(@"^%ExY%Exm%Exd %ExH:%ExM:%ExS", "20050814 11:59:58")]
    public void A_datepattern_is_written_as_the_probe_time(string datePattern, string expected)
    {
        Assert.Equal(expected, Assert.Single(Fail2Ban.Core.Linting.Probing.DatePatternStamp.Of(datePattern)));
    }

    [Fact]
    public void Without_a_sample_log_a_line_from_an_inline_prefix_gets_the_daemons_syslog_header()
    {
        // common.conf's __prefix_line written in the failregex itself (no prefregex): the plainest prefix is empty.
        var text = "[Definition]\n_daemon = authd\nfailregex = ^\\s*(?:\\S+ )?(?:%(_daemon)s(?:\\[\\d+\\])?:)?\\s*did not issue [A-Z]{4} from <HOST>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, text));
        Assert.Equal("Aug 14 11:59:58 mail authd[12345]: did not issue CONNECT from 192.0.2.1", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^warning: [-._\w]+\[<HOST>\]: [A-Z]{4} rejected$", "warning: unknown[192.0.2.1]: CONNECT rejected")]
    [InlineData(@"^warning: host=.*\[<HOST>\]: [A-Z]{4} rejected$", "warning: host=[192.0.2.1]: CONNECT rejected")]
    public void A_client_name_before_its_bracketed_address_reads_as_an_unresolved_one(string failregex, string expected)
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, LintHarness.Filter(failregex)));
        Assert.EndsWith(expected, f.Evidence!.Line);
    }
}
