using System;
using System.IO;
using System.Linq;
using System.Text;

namespace FilterLint.Tests;

/// <summary><c>filterlint regex</c> on small inputs written here, including hostile ones.</summary>
public sealed class RegexCommandTests : IDisposable
{
    private const string Zone = "UTC0";
    private readonly string _dir = Directory.CreateTempSubdirectory("filterlint-regex-cmd-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteFilter(string name, string text) => WriteFile(name, Encoding.UTF8.GetBytes(text));

    private const string FailureFilter = "[Definition]\nfailregex = ^ \\S+ demo\\[\\d+\\]: failure for <F-USER>\\S+</F-USER> from <HOST>$\nignoreregex = ignore-me\n";

    [Fact]
    public void Counts_lines_like_fail2ban_regex_and_explains_a_miss()
    {
        var filter = WriteFilter("demo.conf", FailureFilter);
        var log = WriteFile("demo.log", Encoding.UTF8.GetBytes(
            "2026-11-28 10:00:00 host demo[1]: failure for bob from 192.0.2.7\n" +
            "# a comment, not counted\n" +
            "\n" +
            "2026-11-28 10:00:01 host demo[1]: failure for ignore-me from 192.0.2.8\n" +
            "2026-11-28 10:00:02 host demo[1]: failure for bob from\n"));
        var r = CliRunner.Run("regex", "--timezone", Zone, "--now", "2026-11-28T12:00:00Z", log, filter);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Lines: 3 lines, 1 ignored, 1 matched, 1 missed", r.Stdout);
        // the ignored line's failregex match is dropped before it is counted, as in fail2ban-regex
        Assert.Contains("|   1) [1] ", r.Stdout);
        // the miss is explained: which failregex, which part of it, written where, failed on what text
        Assert.Matches(@"why: closest failregex #1 \(.*demo\.conf\(2,13\)\).*then ' from ' \(written at .*demo\.conf\(2,\d+\)\) fails at the end of the line", r.Stdout);
    }

    /// <summary>
    /// A multi-line match re-counts the earlier line it consumed as matched; like fail2ban-regex (checked
    /// with 1.0.2 on these lines), that line then leaves the list of missed lines.
    /// </summary>
    [Fact]
    public void A_line_a_later_multi_line_match_consumes_is_not_listed_as_missed()
    {
        var filter = WriteFilter("ml.conf", "[Definition]\nfailregex = ^\\s*first part\\n\\s*second part from <HOST>$\nmaxlines = 2\n");
        var log = WriteFile("ml.log", Encoding.UTF8.GetBytes(
            "Jan 23 21:59:59 first part\n" +
            "Jan 23 21:59:59 second part from 192.0.2.1\n" +
            "Jan 23 21:59:59 unrelated\n"));
        var r = CliRunner.Run("regex", "--timezone", Zone, "--now", "2026-11-28T12:00:00Z", log, filter);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Lines: 3 lines, 0 ignored, 2 matched, 1 missed", r.Stdout);
        var missed = r.Stdout.Substring(r.Stdout.IndexOf("|- Missed line(s):", StringComparison.Ordinal));
        Assert.Contains("|  Jan 23 21:59:59 unrelated", missed);
        Assert.DoesNotContain("first part", missed.Split('\n').Where(l => !l.Contains("why:", StringComparison.Ordinal)).Aggregate("", (a, b) => a + b + "\n"));
    }

    /// <summary>The line a multi-line match consumes is found by its number also across comment lines.</summary>
    [Fact]
    public void A_consumed_line_before_a_comment_leaves_the_missed_list()
    {
        var filter = WriteFilter("ml2.conf", "[Definition]\nfailregex = ^\\s*first part\\n\\s*second part from <HOST>$\nmaxlines = 2\n");
        var log = WriteFile("ml2.log", Encoding.UTF8.GetBytes(
            "Jan 23 21:59:59 first part\n" +
            "# a comment\n" +
            "Jan 23 21:59:59 second part from 192.0.2.1\n"));
        var r = CliRunner.Run("regex", "--timezone", Zone, "--now", "2026-11-28T12:00:00Z", "--print-all-matched", log, filter);
        Assert.Contains("Lines: 2 lines, 0 ignored, 2 matched, 0 missed", r.Stdout);
        Assert.DoesNotContain("Missed line(s)", r.Stdout);
        // fail2ban-regex lists the consumed line among the matched ones, before the line that completed the match
        Assert.Contains("|- Matched line(s):\n|  Jan 23 21:59:59 first part\n|  Jan 23 21:59:59 second part from 192.0.2.1\n`-", r.Stdout.Replace("\r", ""));
    }

    [Fact]
    public void Json_gives_one_object_per_line_with_the_verdict()
    {
        var filter = WriteFilter("demo.conf", FailureFilter);
        var log = WriteFile("demo.log", Encoding.UTF8.GetBytes(
            "2026-11-28 10:00:00 host demo[1]: failure for bob from 2001:DB8::1\n" +
            "2026-11-28 10:00:01 host demo[1]: unrelated\n"));
        var r = CliRunner.Run("regex", "--json", "--timezone", Zone, log, filter);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("{\"line\":1,\"match\":true,\"ignored\":false,\"regex\":0,\"host\":\"2001:db8::1\",\"ip\":\"2001:DB8::1\"," +
                     "\"user\":\"bob\",\"fid\":null,\"time\":\"2026-11-28T10:00:00\"}", lines[0]);
        Assert.Equal("{\"line\":2,\"match\":false,\"ignored\":false,\"regex\":null,\"host\":null,\"ip\":null,\"user\":null,\"fid\":null,\"time\":null}", lines[1]);
    }

    /// <summary>
    /// The long line is 2 M characters: the log is past RegexCommand.ParallelFromBytes (1 MB, the parallel reader)
    /// and the line far past the 64 K buffer the in-place search keeps. 10 MB proved no more and, on a loaded
    /// machine, ran past the regex time limit (exit 1).
    /// </summary>
    [Fact]
    public void Binary_bytes_invalid_utf8_and_a_huge_line_are_counted_and_processing_goes_on()
    {
        var filter = WriteFilter("demo.conf", FailureFilter);
        var bytes = new MemoryStream();
        void Add(string s) { var b = Encoding.UTF8.GetBytes(s); bytes.Write(b, 0, b.Length); }
        Add("2026-11-28 10:00:00 host demo[1]: failure for bob from 192.0.2.1\n");
        bytes.Write(new byte[] { 0, 1, 2, 0xFF, 0xFE, 0xC3, (byte)'\n' });
        Add(new string('x', 2 * 1024 * 1024) + "\n");
        Add("2026-11-28 10:00:03 host demo[1]: failure for \u00e9ve from 192.0.2.2\n");
        var log = WriteFile("hostile.log", bytes.ToArray());
        var r = CliRunner.Run("regex", "--timezone", Zone, "--print-no-missed", log, filter);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Lines: 4 lines, 0 ignored, 2 matched, 2 missed", r.Stdout);
        Assert.Contains("not UTF-8", r.Stderr);
    }

    [Fact]
    public void A_catastrophic_regex_the_linear_search_cannot_run_times_out_is_reported_and_the_run_goes_on()
    {
        var log = WriteFile("redos.log", Encoding.UTF8.GetBytes(
            "2026-11-28 10:00:00 " + new string('a', 30) + ": !!\n" +
            "2026-11-28 10:00:01 aaa: 192.0.2.9\n"));
        // The look-ahead keeps the search without backtracking out: the line stays undecided.
        const string regex = @"^ (?:\w+\s?)*(?=\w)\w: <HOST>$";
        var r = CliRunner.Run("regex", "--timezone", Zone, "--print-no-missed", log, regex);
        Assert.Equal(1, r.ExitCode); // an undecided line makes the result incomplete
        Assert.Contains("Lines: 2 lines, 0 ignored, 1 matched, 1 missed", r.Stdout);
        Assert.Contains("time limit", r.Stderr);
        Assert.Contains("line(s) 1 (first regex", r.Stderr);
        var json = CliRunner.Run("regex", "--timezone", Zone, "--json", log, regex);
        var first = json.Stdout.Split('\n')[0];
        Assert.Contains("\"timedOut\":[\"^ (?:\\\\w+\\\\s?)*(?=\\\\w)\\\\w: <HOST>$\"]", first);
        Assert.DoesNotContain("timedOut", json.Stdout.Split('\n')[1]);
    }

    [Fact]
    public void A_catastrophic_regex_that_times_out_is_decided_without_backtracking()
    {
        var log = WriteFile("redos2.log", Encoding.UTF8.GetBytes(
            "2026-11-28 10:00:00 " + new string('a', 30) + ": !!\n" +
            "2026-11-28 10:00:01 " + new string('a', 30) + ": 192.0.2.8\n" +
            "2026-11-28 10:00:02 aaa: 192.0.2.9\n"));
        var r = CliRunner.Run("regex", "--timezone", Zone, "--json", log, @"^ (?:\w+\s?)*\w: <HOST>$");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("timedOut", r.Stdout);
        Assert.DoesNotContain("time limit", r.Stderr);
        Assert.Contains("192.0.2.8", r.Stdout);
        Assert.Contains("192.0.2.9", r.Stdout);
    }

    [Fact]
    public void A_regex_dotnet_cannot_run_is_a_located_error_naming_the_construct()
    {
        var filter = WriteFilter("bad.conf", "[Definition]\nfailregex = ^x (?P<a>\\d+) <HOST>\n            ^y (?<=a+)b <HOST>\n");
        var r = CliRunner.Run("regex", "--timezone", Zone, "2026-11-28 10:00:00 y ab 192.0.2.1", filter);
        Assert.Equal(2, r.ExitCode);
        var message = r.Stderr.Trim();
        Assert.Matches(@"bad\.conf\(3,1[0-9]\): error F2B101\d: .*look-?behind", message);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Missing_filter_and_bad_options_exit_2_with_a_message()
    {
        var r = CliRunner.Run("regex", "--config", _dir, "some line", "nosuchfilter[mode=aggressive");
        Assert.Equal(2, r.ExitCode);
        Assert.Matches("error F2B10[0-9][0-9]: ", r.Stderr);
        var tz = CliRunner.Run("regex", "--timezone", "Not/AZone", "x", "x <HOST>");
        Assert.Equal(2, tz.ExitCode);
        Assert.DoesNotContain("   at ", tz.Stderr);
    }
}
