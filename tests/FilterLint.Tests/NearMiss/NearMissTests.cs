using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Reviewing;
using Fail2Ban.Core.Tests.Infrastructure;

namespace FilterLint.Tests.NearMiss;

/// <summary><c>filterlint regex --near-misses</c>: grouping by shape, ranking, verified fixes.</summary>
public sealed class NearMissTests : IDisposable
{
    private readonly TempConfigTree _tree = new();

    private string Write(string name, IEnumerable<string> lines) => _tree.Write(name, string.Join("\n", lines) + "\n");

    private string Filter(string failregex) => _tree.Write("demo.conf", "[Definition]\nuser = [a-z]{3}\nfailregex = ^\\s*demo\\[\\d+\\]: auth failure for <user> from <HOST>$\n".Replace("<user>", failregex));

    private static IEnumerable<string> Lines(int count, string format) =>
        Enumerable.Range(0, count).Select(i => "2005-08-14 10:" + (i / 60 % 60).ToString("00") + ":" + (i % 60).ToString("00") + " " + string.Format(format, i % 200 + 1, 1000 + i));

    [Fact]
    public void The_lines_a_narrowed_width_loses_are_the_first_group_with_the_width_fix()
    {
        var filter = Filter("%(user)s");
        var log = Write("demo.log", Lines(50, "demo[{1}]: auth failure for bob from 192.0.2.{0}")
            .Concat(Lines(7, "demo[{1}]: auth failure for alice from 198.51.100.{0}"))
            .Concat(Lines(300, "cron[{1}]: session opened for user root by (uid=0)"))
            .Concat(Lines(40, "demo[{1}]: session opened for bob from 192.0.2.{0}")));
        var r = CliRunner.Run("regex", "--near-misses", log, filter);
        Assert.Equal(0, r.ExitCode);
        var first = Section(r.Stdout, 1);
        Assert.StartsWith("#1  7 lines", first);
        Assert.Contains("auth failure for alice", first);
        Assert.Contains("fix: failregex #1: width: '[a-z]{3}' -> '[a-z]{3,}' (written at", first);
        Assert.Contains("demo.conf(2,8)", first);
        Assert.DoesNotContain("alice", Section(r.Stdout, 2));
    }

    [Theory]
    [InlineData("demo[{1}]: AUTH FAILURE for bob from 198.51.100.{0}", "AUTH FAILURE", "fix: failregex #1: case: '' -> '(?i)'")]
    [InlineData("demo[{1}]: auth failure for bob from 198.51.100.{0} port 22", "port 22", "fix: failregex #1: optional field:")]
    public void A_variant_of_the_failures_gets_its_mechanical_fix(string variant, string shown, string fix)
    {
        var filter = Filter("[a-z]+");
        var log = Write("demo.log", Lines(20, "demo[{1}]: auth failure for bob from 192.0.2.{0}")
            .Concat(Lines(5, variant))
            .Concat(Lines(100, "cron[{1}]: session opened for user root by (uid=0)")));
        var first = Section(CliRunner.Run("regex", "--near-misses", log, filter).Stdout, 1);
        Assert.Contains(shown, first);
        Assert.Contains(fix, first);
    }

    [Fact]
    public void Shapes_blur_numbers_ids_and_values_but_keep_words()
    {
        Assert.Equal("mail postfix/smtpd[#]: @: client=*", LineShape.Of("mail postfix/smtpd[4930]: 0439B21C95: client=mx1.example.com[28.1.2.3]"));
        Assert.Equal(LineShape.Of("x postfix/smtpd[1]: EECBAFECBB: reject: RCPT from a[1.2.3.4]: 554 <a@b>: no"),
            LineShape.Of("x postfix/smtpd[22]: 4B3C2A1F9D: reject: RCPT from a[10.2.3.40]: 450 <c@d>: no"));
        Assert.NotEqual(LineShape.Of("x: reject: RCPT from a"), LineShape.Of("x: reject: CONNECT from a"));
        Assert.Equal("postfix/smtpd", LineShape.Daemon("mail postfix/smtpd[4930]: NOQUEUE: reject"));
        Assert.Equal("", LineShape.Daemon("GET /index.html HTTP/1.1"));
    }

    [Fact]
    public void A_missing_log_file_is_an_error()
    {
        var r = CliRunner.Run("regex", "--near-misses", Path.Combine(_tree.Root, "nope.log"), Filter("[a-z]+"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("needs a log file", r.Stderr);
    }

    [SkippableFact]
    public void On_the_corpus_postfix_log_a_narrowed_command_width_puts_the_CONNECT_rejections_first()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var filterD = Path.Combine(Corpus.MasterRoot!, "filter.d");
        // Scratch copies in a temp folder (the narrowed filter needs its include beside it); nothing lands in the repository.
        var narrowed = File.ReadAllText(Path.Combine(filterD, "postfix.conf")).Replace("_cmd = [A-Z]{4,}", "_cmd = [A-Z]{4}");
        Assert.Contains("_cmd = [A-Z]{4}\n", narrowed);
        _tree.Write("narrow/common.conf", File.ReadAllText(Path.Combine(filterD, "common.conf")));
        var filter = _tree.Write("narrow/postfix.conf", narrowed);
        var r = CliRunner.Run("regex", "--near-misses", Path.Combine(Corpus.MasterRoot!, "logs", "postfix"), filter);
        var first = Section(r.Stdout, 1);
        Assert.Contains("reject: CONNECT from", first);
        Assert.Contains("width: '[A-Z]{4}' -> '[A-Z]{4,}'", first);
    }

    /// <summary>The text of group <paramref name="rank"/> (from its "#N" header to the next blank line).</summary>
    private static string Section(string output, int rank)
    {
        var start = output.IndexOf("\n#" + rank + "  ", StringComparison.Ordinal);
        Assert.True(start >= 0, "no group #" + rank + " in:\n" + output);
        var end = output.IndexOf("\n\n", start + 1, StringComparison.Ordinal);
        return output.Substring(start + 1, (end < 0 ? output.Length : end) - start - 1);
    }

    public void Dispose() => _tree.Dispose();
}
