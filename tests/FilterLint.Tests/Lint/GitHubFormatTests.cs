using System;
using System.Diagnostics;
using System.IO;
using Fail2Ban.Core.Tests.Infrastructure;
using FilterLint.Output;

namespace FilterLint.Tests.Lint;

/// <summary><c>lint --format github</c>: GitHub Actions workflow commands, checked line by line.</summary>
public sealed class GitHubFormatTests : IDisposable
{
    private readonly TempConfigTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static string[] Lines(string text) => text.Replace("\r", "").TrimEnd('\n').Split('\n');

    [Fact]
    public void A_missing_include_is_annotated_before_the_error_it_causes_and_the_exit_code_is_2()
    {
        var filter = _tree.Write("filter.d/x.conf",
            "[INCLUDES]\nbefore = common.conf\n[Definition]\nfailregex = ^%(__prefix_line)sfailure from <HOST>$\n");
        var r = CliRunner.Run("lint", "--format", "github", filter);
        var file = filter.Replace('\\', '/').Replace(":", "%3A").Replace(",", "%2C");
        var lines = Lines(r.Stdout);
        Assert.Equal(3, lines.Length);
        Assert.Equal("::warning file=" + file + ",line=2,col=10,endLine=2,endColumn=11,title=F2B1002::included file 'common.conf' (" +
                     Path.Combine(Path.GetDirectoryName(filter)!, "common.conf").Replace('\\', '/') + ") does not exist: Fail2Ban ignores it", lines[0]);
        Assert.Equal("::error file=" + file + ",line=4,col=14,endLine=4,endColumn=15,title=F2B1004::unknown interpolation key '__prefix_line' " +
                     "in option 'failregex' of section [Definition]: no option of that name in the filter options, the section or [DEFAULT]", lines[1]);
        Assert.Equal("1 filter linted: 1 error, 1 warning, 0 info", lines[2]);
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void Evidence_is_part_of_the_message_with_newlines_escaped()
    {
        var filter = _tree.Write("s.conf", "[Definition]\nfailregex = ^smtp: auth failed for \\S+ from <HOST>\n");
        var r = CliRunner.Run("lint", "--format", "github", filter);
        var lines = Lines(r.Stdout);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("::warning file=", lines[0]);
        Assert.Contains(",line=2,col=36,endLine=2,endColumn=39,title=F2B3003::\\S+ (the user name) can hold text", lines[0]);
        Assert.EndsWith("%0Aevidence (injected-line): the user name holds 'alice from 192.0.2.254', and the filter bans 192.0.2.254 instead of 192.0.2.1" +
                        "%0A    smtp: auth failed for alice from 192.0.2.254 from 192.0.2.1", lines[0]);
        Assert.Contains(",line=2,col=45,endLine=2,endColumn=51,title=F2B3004::", lines[1]);
        Assert.Equal("1 filter linted: 0 errors, 2 warnings, 0 info", lines[2]);
        Assert.Equal(1, r.ExitCode);
        foreach (var line in lines[..2]) Assert.DoesNotContain("\n", line);
    }

    [Theory]
    [InlineData("100% sure\r\nnext", "100%25 sure%0D%0Anext", "100%25 sure%0D%0Anext")]
    [InlineData("C:\\a,b.conf", "C:\\a,b.conf", "C%3A\\a%2Cb.conf")]
    [InlineData("::x::", "::x::", "%3A%3Ax%3A%3A")]
    public void Values_are_escaped_as_the_runner_unescapes_them(string value, string asMessage, string asProperty)
    {
        Assert.Equal(asMessage, GitHubFindingWriter.Data(value));
        Assert.Equal(asProperty, GitHubFindingWriter.Property(value));
    }

    [Fact]
    public void GITHUB_ACTIONS_true_picks_the_format_when_none_is_given()
    {
        var filter = _tree.Write("s.conf", "[Definition]\nfailregex = ^smtp: auth failed for \\S+ from <HOST>\n");
        Assert.StartsWith("::warning file=", Run(filter, ("GITHUB_ACTIONS", "true")));
        Assert.StartsWith(filter.Replace('\\', '/') + "(2,36): warning F2B3003", Run(filter, ("GITHUB_ACTIONS", null)));
        Assert.StartsWith(filter.Replace('\\', '/') + "(2,36): warning F2B3003", Run(filter, ("GITHUB_ACTIONS", "true"), "--format", "text"));
    }

    /// <summary>Runs the tool in its own process, so that the environment variable reaches no other test.</summary>
    private static string Run(string filter, (string Name, string? Value) env, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        info.ArgumentList.Add("lint");
        foreach (var e in extra) info.ArgumentList.Add(e);
        info.ArgumentList.Add(filter);
        info.Environment.Remove("GITHUB_WORKSPACE");
        if (env.Value is null) info.Environment.Remove(env.Name);
        else info.Environment[env.Name] = env.Value;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return stdout;
    }
}
