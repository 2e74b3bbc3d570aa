using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Fail2Ban.Generators.IntegrationTests;

/// <summary>
/// The sample consumer (samples/LogWatch, filters compiled in by the generator) prints the same JSON Lines as
/// <c>filterlint regex --json</c> reading the same .conf files at run time.
/// </summary>
public sealed class SampleJsonTests
{
    private static readonly string Configuration = typeof(SampleJsonTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    [Theory]
    [InlineData("mailrelay", "mailrelay", "UTC")]
    [InlineData("mailrelay[mode=auth]", "mailrelay", "UTC")]
    [InlineData("mailrelay[mode=ddos]", "mailrelay", "CET-01CEST-02,M3.5.0,M10.5.0")]
    [InlineData("mailrelay[mode=aggressive]", "mailrelay", "UTC")]
    [InlineData("sshd-lite", "sshd-lite", "CET-01CEST-02,M3.5.0,M10.5.0")]
    public void LogWatch_json_equals_filterlint_regex_json(string filter, string log, string zone)
    {
        var root = Corpus.RepoRoot;
        var logPath = Path.Combine(root, "samples", "LogWatch", "logs", log + ".log");
        var logWatch = Path.Combine(root, "samples", "LogWatch", "bin", Configuration, "net10.0", "linux-x64", "LogWatch.dll");
        var filterlint = Path.Combine(root, "src", "FilterLint", "bin", Configuration, "net10.0", "filterlint.dll");
        Assert.True(File.Exists(logWatch), "not built: " + logWatch);
        Assert.True(File.Exists(filterlint), "not built: " + filterlint);
        var confFilter = Path.Combine(root, "samples", "LogWatch", "filters", filter.Replace(log, log + ".conf"));

        var expected = Run(filterlint, "regex", "--json", "--now", "1764324000", "--timezone", zone, logPath, confFilter);
        var actual = Run(logWatch, "--json", filter, logPath, "--now", "1764324000", "--timezone", zone);
        Assert.Equal(expected, actual);
        Assert.Contains("\"match\":true", actual);
    }

    /// <summary>The same on Fail2Ban's own Postfix and sshd sample logs (read from the corpus at test time).</summary>
    [SkippableTheory]
    [InlineData("mailrelay[mode=aggressive]", "mailrelay", "postfix")]
    [InlineData("sshd-lite", "sshd-lite", "sshd")]
    public void LogWatch_json_equals_filterlint_regex_json_on_corpus_logs(string filter, string conf, string corpusLog)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var root = Corpus.RepoRoot;
        var logPath = Path.Combine(Corpus.MasterRoot, "logs", corpusLog);
        var logWatch = Path.Combine(root, "samples", "LogWatch", "bin", Configuration, "net10.0", "linux-x64", "LogWatch.dll");
        var filterlint = Path.Combine(root, "src", "FilterLint", "bin", Configuration, "net10.0", "filterlint.dll");
        var confFilter = Path.Combine(root, "samples", "LogWatch", "filters", filter.Replace(conf, conf + ".conf"));
        const string zone = "CET-01CEST-02,M3.5.0,M10.5.0";
        var expected = Run(filterlint, "regex", "--json", "--now", "1124013600", "--timezone", zone, logPath, confFilter);
        var actual = Run(logWatch, "--json", filter, logPath, "--now", "1124013600", "--timezone", zone);
        Assert.True(expected.Split('\n').Length > 100, "the corpus log was not read");
        Assert.Equal(expected, actual);
    }

    private static string Run(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), dll + " did not finish");
        Assert.True(process.ExitCode == 0, dll + " exited " + process.ExitCode + ": " + error.Result);
        return output.Result;
    }
}
