using System;
using System.IO;
using System.Linq;
using System.Text;

namespace FilterLint.Tests;

/// <summary>
/// <c>filterlint regex</c> takes <c>fail2ban-regex</c>'s command line as its option parser does, prints its
/// report the same way, and refuses what cannot apply with an error naming it.
/// </summary>
public sealed class Fail2BanRegexCompatibilityTests : IDisposable
{
    private const string Zone = "UTC0";
    private const string Filter =
        "[Definition]\nfailregex = ^ \\S+ demo\\[\\d+\\]: failure for <F-USER>\\S+</F-USER> from <HOST>$\nignoreregex = ignore-me\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("filterlint-f2b-cli-").FullName;
    private readonly string _filter;
    private readonly string _log;

    public Fail2BanRegexCompatibilityTests()
    {
        _filter = Path.Combine(_dir, "demo.conf");
        File.WriteAllText(_filter, Filter);
        _log = Path.Combine(_dir, "demo.log");
        File.WriteAllText(_log,
            "2026-11-28 10:00:00 host demo[1]: failure for bob from 192.0.2.7\n" +
            "2026-11-28 10:00:01 host demo[1]: failure for ignore-me from 192.0.2.8\n" +
            "2026-11-28 10:00:02 host demo[1]: failure for bob from\n");
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private const string Counts = "Lines: 3 lines, 1 ignored, 1 matched, 1 missed";

    [Theory]
    [InlineData("-r")]
    [InlineData("--raw")]
    [InlineData("-v")]
    [InlineData("-vv")]
    [InlineData("-rv")]
    [InlineData("--verbosity=2")]
    [InlineData("--verbose-date")]
    [InlineData("--VD")]
    [InlineData("-D")]
    [InlineData("--no-check-all")]
    [InlineData("--check-all")]
    [InlineData("--print-all-ignored")]
    [InlineData("--print-all-missed")]
    [InlineData("--print-all-matched")]
    [InlineData("--print-no-missed")]
    [InlineData("--print-no-ignored")]
    [InlineData("-t")]
    [InlineData("--full-traceback")]
    [InlineData("-l", "info")]
    [InlineData("--log-level=debug")]
    [InlineData("-e", "latin1")]
    [InlineData("--encoding=utf-8")]
    [InlineData("-L", "1")]
    [InlineData("-L1")]
    [InlineData("--usedns", "no")]
    [InlineData("--print-all-mi")]
    public void Every_fail2ban_regex_option_is_accepted_before_and_after_the_arguments(params string[] option)
    {
        var before = CliRunner.Run(new[] { "regex", "--TZ", Zone }.Concat(option).Concat(new[] { _log, _filter }).ToArray());
        var after = CliRunner.Run(new[] { "regex", _log, _filter }.Concat(option).Concat(new[] { "--timezone", Zone }).ToArray());
        Assert.True(before.ExitCode == 0, before.Stderr);
        Assert.True(after.ExitCode == 0, after.Stderr);
        Assert.Contains(Counts, before.Stdout);
        Assert.Contains(Counts, after.Stdout);
    }

    [Fact]
    public void A_flag_after_the_arguments_is_never_taken_as_the_ignoreregex()
    {
        var r = CliRunner.Run("regex", "--TZ", Zone, _log, _filter, "-r");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(Counts, r.Stdout);
        Assert.DoesNotContain("ignoreregex line", r.Stdout);
    }

    [Theory]
    [InlineData("unknown option '-x'", "-x")]
    [InlineData("unknown option '--nope'", "--nope")]
    [InlineData("'-q' (in '-rq')", "-rq")]
    [InlineData("ambiguous option '--print-all'", "--print-all")]
    [InlineData("-m/--journalmatch applies only", "-m", "_SYSTEMD_UNIT=sshd.service")]
    [InlineData("-i/--invert applies only with -o", "-i")]
    [InlineData("--print-no-missed and --print-all-missed", "--print-no-missed", "--print-all-missed")]
    [InlineData("-o/--out and --json", "-o", "ip", "--json")]
    [InlineData("unknown encoding 'klingon'", "-e", "klingon")]
    [InlineData("unknown level 'loud'", "-l", "loud")]
    public void An_option_that_cannot_apply_is_an_error_naming_it(string message, params string[] option)
    {
        var r = CliRunner.Run(new[] { "regex", _log, _filter }.Concat(option).ToArray());
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Ignored_lines_are_listed_by_default_as_fail2ban_regex_lists_them()
    {
        var r = CliRunner.Run("regex", "--TZ", Zone, _log, _filter);
        var lines = r.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.IndexOf("|- Ignored line(s):");
        Assert.True(at > 0, r.Stdout);
        Assert.Equal("|  2026-11-28 10:00:01 host demo[1]: failure for ignore-me from 192.0.2.8", lines[at + 1]);
        Assert.Equal("`-", lines[at + 2]);
        Assert.Equal("|- Missed line(s):", lines[at + 3]);
        Assert.Equal("|  2026-11-28 10:00:02 host demo[1]: failure for bob from", lines[at + 4]);
        Assert.StartsWith("|      line 3, why: ", lines[at + 5]);
        Assert.DoesNotContain("Ignored line(s)", CliRunner.Run("regex", "--TZ", Zone, "--print-no-ignored", _log, _filter).Stdout);
        // at or above the print limit (-L), fail2ban-regex's "too many" line
        var limited = CliRunner.Run("regex", "--TZ", Zone, "-L", "1", _log, _filter);
        Assert.Contains("Ignored line(s): too many to print.  Use --print-all-ignored to print all 1 lines", limited.Stdout);
    }

    [Fact]
    public void Report_sections_follow_fail2ban_regex()
    {
        var r = CliRunner.Run("regex", "--TZ", Zone, _log, _filter);
        Assert.Contains("Use   failregex file : " + _filter + "\n", r.Stdout.Replace("\r", ""));
        Assert.Contains("Use         log file : " + _log, r.Stdout);
        Assert.Contains("\nFailregex: 1 total\n|-  #) [# of hits] regular expression\n|   1) [1] ", r.Stdout.Replace("\r", ""));
        Assert.Contains("\nIgnoreregex: 1 total\n|-  #) [# of hits] regular expression\n|   1) [1] ignore-me\n`-\n", r.Stdout.Replace("\r", ""));
        var literal = CliRunner.Run("regex", "--TZ", Zone, "2026-11-28 10:00:00 x from 192.0.2.1", "from <HOST>$");
        Assert.Contains("Use   failregex line : from <HOST>$", literal.Stdout);
        Assert.Contains("Use      single line : 2026-11-28 10:00:00 x from 192.0.2.1", literal.Stdout);
    }

    [Fact]
    public void Verbose_lists_each_failure_under_its_regex_and_every_date_template()
    {
        var r = CliRunner.Run("regex", "--TZ", Zone, "-v", "--VD", _log, _filter);
        Assert.Contains("|      192.0.2.7  Sat Nov 28 10:00:00 2026", r.Stdout);
        Assert.Contains("|  [0] ", r.Stdout); // templates without hits too
        Assert.Contains("|      # regex:   ", r.Stdout);
    }

    [Fact]
    public void Out_tokens_print_failure_information_only()
    {
        string Out(string token) => CliRunner.Run("regex", "--TZ", Zone, "-o", token, _log, _filter).Stdout.Replace("\r", "");
        Assert.Equal("192.0.2.7\n", Out("ip"));
        Assert.Equal("192.0.2.7\n", Out("id"));
        Assert.Equal("bob\n", Out("user"));
        Assert.Equal("None\n", Out("dns"));
        Assert.Equal("2026-11-28 10:00:00 host demo[1]: failure for bob from 192.0.2.7\n", Out("msg"));
        Assert.Equal("[('', '2026-11-28 10:00:00', ' host demo[1]: failure for bob from 192.0.2.7')]\n", Out("matches"));
        Assert.Equal("['192.0.2.7',\t1795860000.0,\t{'user': 'bob', 'ip4': '192.0.2.7', 'ip6': None, 'dns': None}],\n", Out("row"));
        Assert.Equal("192.0.2.7 bob 1795860000.0 inet4 7.2.0.192. <other>\n", Out("<ip> <F-USER> <time> <family> <ip-rev> <other>"));
        var inverted = CliRunner.Run("regex", "--TZ", Zone, "-o", "ip", "-i", _log, _filter).Stdout.Replace("\r", "");
        Assert.Equal("2026-11-28 10:00:02 host demo[1]: failure for bob from\n", inverted);
    }

    [Fact]
    public void Encoding_decodes_the_log_and_replaces_what_it_cannot_decode()
    {
        var log = Path.Combine(_dir, "latin1.log");
        File.WriteAllBytes(log, Encoding.Latin1.GetBytes("2026-11-28 10:00:00 host demo[1]: failure for \u00e9ve from 192.0.2.9\n"));
        Assert.Equal("\u00e9ve", CliRunner.Run("regex", "--TZ", Zone, "-e", "latin1", "-o", "user", log, _filter).Stdout.Trim());
        var utf8 = CliRunner.Run("regex", "--TZ", Zone, "-o", "user", log, _filter);
        Assert.Equal("\ufffdve", utf8.Stdout.Trim());
        Assert.Equal(0, utf8.ExitCode);
    }

    [Fact]
    public void A_saved_journal_export_is_read_as_the_journal_backend_presents_it()
    {
        var export = Path.Combine(_dir, "journal.json");
        File.WriteAllText(export,
            "{\"__REALTIME_TIMESTAMP\":\"1795860000000000\",\"_HOSTNAME\":\"host\",\"SYSLOG_IDENTIFIER\":\"demo\",\"_PID\":\"1\"," +
            "\"MESSAGE\":\"failure for bob from 192.0.2.7\",\"_SYSTEMD_UNIT\":\"demo.service\"}\n" +
            "{\"__REALTIME_TIMESTAMP\":\"1795860001000000\",\"_HOSTNAME\":\"host\",\"SYSLOG_IDENTIFIER\":\"demo\",\"SYSLOG_PID\":\"2\"," +
            "\"MESSAGE\":[102,97,105,108,117,114,101,32,102,111,114,32,97,108,105,99,101,32,102,114,111,109,32,49,57,50,46,48,46,50,46,56]," +
            "\"_SYSTEMD_UNIT\":\"other.service\"}\n");
        // Journal lines have no date to cut: the line starts with the host name.
        const string regex = @"^\S+ demo\[\d+\]: failure for <F-USER>\S+</F-USER> from <HOST>$";
        var all = CliRunner.Run("regex", "--TZ", Zone, "--log-format", "journal-json", "-o", "row", export, regex);
        Assert.Equal(0, all.ExitCode);
        var rows = all.Stdout.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("['192.0.2.7',\t1795860000.0,", rows[0]);
        Assert.StartsWith("['192.0.2.8',\t1795860001.0,", rows[1]);
        var matched = CliRunner.Run("regex", "--TZ", Zone, "--log-format", "journal-json", "-m", "_SYSTEMD_UNIT=other.service", "-o", "msg", export, regex);
        Assert.Equal("host demo[2]: failure for alice from 192.0.2.8\n", matched.Stdout.Replace("\r", ""));
        var report = CliRunner.Run("regex", "--TZ", Zone, "--log-format", "journal-json", export, regex);
        Assert.Contains("Use   journal export : " + export, report.Stdout);
        Assert.Contains("Lines: 2 lines, 0 ignored, 2 matched, 0 missed", report.Stdout);
    }

    [Fact]
    public void Systemd_journal_options_that_cannot_be_read_are_errors()
    {
        var r = CliRunner.Run("regex", "systemd-journal[oops]", _filter);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("systemd-journal: option 'oops' is not name=value", r.Stderr);
        var both = CliRunner.Run("regex", "--log-format", "journal-json", "systemd-journal", _filter);
        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public void A_missing_include_is_reported_before_the_error_it_causes()
    {
        var filter = Path.Combine(_dir, "needs-common.conf");
        File.WriteAllText(filter, "[INCLUDES]\nbefore = common.conf\n[Definition]\nfailregex = ^%(__prefix_line)sfailure from <HOST>$\n");
        var r = CliRunner.Run("regex", "x", filter);
        Assert.Equal(2, r.ExitCode);
        var lines = r.Stderr.Replace("\r", "").TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"needs-common\.conf\(2,10\): warning F2B1002: included file 'common\.conf'", lines[0]);
        Assert.Matches(@"needs-common\.conf\(4,14\): error F2B1004: unknown interpolation key '__prefix_line'", lines[1]);
    }

    [Fact]
    public void Systemd_journal_without_journalctl_is_a_clear_error()
    {
        // In its own process, with a PATH where no journalctl can be found.
        var info = new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { typeof(Program).Assembly.Location, "regex", "systemd-journal", "from <HOST>$" }) info.ArgumentList.Add(a);
        info.Environment["PATH"] = _dir;
        using var p = System.Diagnostics.Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(2, p.ExitCode);
        Assert.Contains("journalctl was not found", stderr);
        Assert.Contains("--log-format journal-json", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Colour_is_off_when_captured_and_on_with_color_always()
    {
        Assert.DoesNotContain("\u001b[", CliRunner.Run("regex", "--TZ", Zone, _log, _filter).Stdout);
        var colored = CliRunner.Run("regex", "--TZ", Zone, "--color", "always", _log, _filter).Stdout;
        Assert.Contains("\u001b[32m1 matched\u001b[0m", colored);
        Assert.Contains("\u001b[31m1 missed\u001b[0m", colored);
        Assert.Contains("\u001b[36m" + _filter + "(2,", colored);
    }

    [Fact]
    public void Version_and_help_read_as_documented()
    {
        var v = CliRunner.Run("regex", "-V");
        Assert.Equal(0, v.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", v.Stdout);
        var version = CliRunner.Run("--version");
        Assert.Contains("Fail2Ban 1.0.2 and master", version.Stdout);
        var top = CliRunner.Run("--help").Stdout;
        Assert.Contains("regex <LOG> <FILTER> [<IGNOREREGEX>]", top);
        Assert.Contains("Exit codes:", top);
        foreach (var command in new[] { "regex", "lint", "show", "probe" })
            Assert.DoesNotContain("Exit codes:", CliRunner.Run(command, "--help").Stdout);
    }
}
