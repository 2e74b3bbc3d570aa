using System;
using System.Diagnostics;
using System.IO;
using Fail2Ban.Core.Diagnostics;

namespace FilterLint.Tests.Lint;

/// <summary>
/// <c>filterlint lint</c> on hostile filters, as a CI job linting a pull request runs it: located errors, no stack
/// trace, no hang, and no line of a file that is not a Fail2Ban config ever printed.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Secret = "S3CR3T-do-not-print";
    private readonly TempConfigTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string FilterIncluding(string includePath) =>
        _tree.Write("filter.d/inc.conf", "[INCLUDES]\nbefore = " + includePath + "\n\n[Definition]\nfailregex = ^Login failed from <HOST>$\n");

    [Theory]
    [InlineData("root:" + Secret + ":19000:0:99999:7:::\nbob:$6$" + Secret + "\n")] // /etc/shadow-shaped
    [InlineData("PATH=/usr/bin\0TOKEN=" + Secret + "\0HOME=/root\0")] // /proc/self/environ-shaped
    [InlineData("just one line " + Secret)]
    public void An_include_that_is_no_config_is_named_and_none_of_its_lines_printed(string content)
    {
        var secret = _tree.Write("private/secret", content);
        var filter = FilterIncluding(secret);
        foreach (var format in new[] { "text", "json", "sarif" })
        {
            var result = CliRunner.Run("lint", "--format", format, filter);
            Assert.Equal(2, result.ExitCode); // a filter Fail2Ban cannot read exits 2
            Assert.DoesNotContain(Secret, result.Stdout + result.Stderr);
            Assert.Contains("secret", result.Stdout);
            Assert.Contains("F2B1001", result.Stdout);
        }
    }

    [SkippableFact]
    public void Proc_self_environ_is_not_printed()
    {
        Skip.IfNot(File.Exists("/proc/self/environ"), "no /proc/self/environ on this system");
        Environment.SetEnvironmentVariable("FILTERLINT_TEST_SECRET", Secret);
        var result = CliRunner.Run("lint", FilterIncluding("/proc/self/environ"));
        Assert.Equal(2, result.ExitCode); // a filter Fail2Ban cannot read exits 2
        Assert.DoesNotContain(Secret, result.Stdout + result.Stderr);
        Assert.Contains("/proc/self/environ(1,1): error F2B1001", result.Stdout);
    }

    [SkippableFact]
    public void Devices_and_fifos_are_refused_without_reading_them()
    {
        Skip.If(OperatingSystem.IsWindows() || !File.Exists("/dev/zero"), "needs /dev/zero and mkfifo");
        var zero = CliRunner.Run("lint", FilterIncluding("/dev/zero"));
        Assert.Contains("/dev/zero(1,1): error F2B1001: not a regular file", zero.Stdout);
        var fifo = Path.Combine(_tree.Root, "fifo");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        Skip.IfNot(File.Exists(fifo), "mkfifo failed");
        var result = CliRunner.Run("lint", FilterIncluding(fifo)); // would block forever if opened
        Assert.Contains("error F2B1001: not a regular file", result.Stdout);
    }

    [Fact]
    public void An_include_past_the_size_limit_is_refused()
    {
        var big = Path.Combine(_tree.Root, "big.conf");
        File.WriteAllText(big, "[Definition]\n" + new string('#', (int)EngineLimits.MaxConfigFileBytes) + "\n");
        var result = CliRunner.Run("lint", FilterIncluding(big));
        Assert.Contains("big.conf(1,1): error F2B1009: the file is larger than", result.Stdout);
    }

    [Fact]
    public void Deep_nesting_is_a_located_error_with_a_short_excerpt()
    {
        var filter = _tree.Write("filter.d/deep.conf",
            "[Definition]\nfailregex = ^" + new string('(', 10_000) + "a" + new string(')', 10_000) + " <HOST>$\n");
        var result = CliRunner.Run("lint", filter);
        Assert.Equal(2, result.ExitCode); // a filter Fail2Ban cannot read exits 2
        Assert.Contains("deep.conf(2," + ("failregex = ^".Length + EngineLimits.MaxRegexNesting + 1) + "): error F2B1009: groups nested more than 492", result.Stdout);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
    }
}
