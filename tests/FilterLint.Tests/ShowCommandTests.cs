using System.Text.Json;

namespace FilterLint.Tests;

/// <summary><c>filterlint show</c>: output formats, located errors and exit codes.</summary>
public sealed class ShowCommandTests
{
    [Fact]
    public void HumanOutputSaysWhereEachValueCameFrom()
    {
        using var tree = new TempConfigTree();
        tree.Write("filter.d/common.conf", "[DEFAULT]\n_daemon = \\S*\n");
        var path = tree.Write("filter.d/demo.conf",
            "[INCLUDES]\nbefore = common.conf\n[Definition]\nmode = normal\nfailregex = ^%(_daemon)s fail <HOST>\n            ^second <HOST>\nmaxlines = 2\n");
        var r = CliRunner.Run("show", "-c", tree.Root, "demo");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("failregex: from [Definition] " + path + "(5,1), 2 entries", r.Stdout);
        Assert.Contains("  " + path + "(5,13): ^\\S* fail <HOST>", r.Stdout);
        Assert.Contains("  " + path + "(6,13): ^second <HOST>", r.Stdout);
        Assert.Contains("maxlines: from [Definition] " + path + "(7,1)", r.Stdout);
        Assert.Contains("prefregex: (not set)", r.Stdout);
        Assert.Contains(tree.Root + "/filter.d/common.conf", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void JsonOutputIsOneObjectWithTheSevenKeys()
    {
        using var tree = new TempConfigTree();
        tree.Write("filter.d/demo.conf", "[Definition]\nfailregex = a <HOST>\n  b <HOST>\ndatepattern = %%Y\n  {^LN-BEG}\nmaxlines = 3\n");
        var r = CliRunner.Run("show", "--json", "--config", tree.Root, "demo[mode=x]");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("prefregex").ValueKind);
        Assert.Equal(2, root.GetProperty("failregex").GetArrayLength());
        Assert.Equal(3, root.GetProperty("maxlines").GetInt32());
        Assert.Equal("%Y\n{^LN-BEG}", root.GetProperty("datepattern").GetString());
        Assert.Equal(0, root.GetProperty("journalmatch").GetArrayLength());
    }

    [Fact]
    public void FilterGivenAsPathOutsideFilterDIsReadAsAFile()
    {
        using var tree = new TempConfigTree();
        var path = tree.Write("own/my.conf", "[Definition]\nfailregex = mine <HOST>\n");
        var r = CliRunner.Run("show", "--json", path);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("mine <HOST>", doc.RootElement.GetProperty("failregex")[0].GetString());
    }

    [Fact]
    public void BrokenFilterIsALocatedErrorWithExitCode2AndNoStackTrace()
    {
        using var tree = new TempConfigTree();
        var path = tree.Write("filter.d/bad.conf", "[Definition]\nfailregex = %(missing)s\n");
        var r = CliRunner.Run("show", "--json", "-c", tree.Root, "bad");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith(path + "(2,13): error F2B1004: ", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void SyntaxErrorsUseTheConfigSyntaxId()
    {
        using var tree = new TempConfigTree();
        var path = tree.Write("filter.d/bad.conf", "failregex = x\n");
        var r = CliRunner.Run("show", "-c", tree.Root, "bad");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(path + "(1,1): error F2B1001: ", r.Stderr);
    }

    [Fact]
    public void UnknownFilterIsAnError()
    {
        using var tree = new TempConfigTree();
        var r = CliRunner.Run("show", "-c", tree.Root, "nosuchfilter");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error F2B1007", r.Stderr);
    }

    [Fact]
    public void MalformedOptionsAreAnError()
    {
        using var tree = new TempConfigTree();
        tree.Write("filter.d/demo.conf", "[Definition]\n");
        var r = CliRunner.Run("show", "-c", tree.Root, "demo[mode]");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error F2B1006", r.Stderr);
    }

    [Fact]
    public void MissingIncludeIsAWarningOnStderrAndExitCode1()
    {
        using var tree = new TempConfigTree();
        var path = tree.Write("filter.d/demo.conf", "[INCLUDES]\nbefore = gone.conf\n[Definition]\nfailregex = x <HOST>\n");
        var r = CliRunner.Run("show", "--json", "-c", tree.Root, "demo");
        // resolved as Fail2Ban does (the include is ignored), but reported as a problem
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith(path + "(2,10): warning F2B1002: ", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
    }

    [Fact]
    public void MalformedOptionListIsALocatedError()
    {
        using var tree = new TempConfigTree();
        tree.Write("filter.d/demo.conf", "[Definition]\nfailregex = x <HOST>\n");
        var r = CliRunner.Run("show", "-c", tree.Root, "demo[mode=aggressive");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("<command line>(1,5): error F2B1006: ", r.Stderr);
    }

    [Fact]
    public void InvalidCommandLineExitsWith2()
    {
        Assert.Equal(2, CliRunner.Run("show").ExitCode);
        Assert.Equal(2, CliRunner.Run("show", "--nope", "x").ExitCode);
    }

    [Fact]
    public void HelpDocumentsExitCodes()
    {
        // Once, in the top-level help (not repeated by every command's).
        var top = CliRunner.Run("--help");
        Assert.Equal(0, top.ExitCode);
        Assert.Contains("Exit codes: 0 = success", top.Stdout);
        var r = CliRunner.Run("show", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("Exit codes:", r.Stdout);
        Assert.Contains("--json", r.Stdout);
    }
}
