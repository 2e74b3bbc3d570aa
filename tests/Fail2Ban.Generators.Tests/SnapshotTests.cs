using System.Linq;
using Fail2Ban.Generators.Tests.Infrastructure;

namespace Fail2Ban.Generators.Tests;

/// <summary>
/// Golden files of the generated code for the sample filters. Only our own output is compared; the SDK's
/// regex code (large, SDK-version dependent) is checked by compiling it and by the behaviour tests.
/// </summary>
public sealed class SnapshotTests
{
    internal static GeneratorHarness Samples(string regexMode) => new GeneratorHarness()
        .Property("Fail2BanRegexMode", regexMode)
        .Include("syslog-prefix.conf", RepoFiles.SampleFilter("syslog-prefix.conf"))
        .Filter("mailrelay.conf", RepoFiles.SampleFilter("mailrelay.conf"))
        .Filter("sshd-lite.conf", RepoFiles.SampleFilter("sshd-lite.conf"));

    [Fact]
    public void Mail_relay_filter_with_modes()
    {
        var outcome = Samples("Compiled").Run();
        Assert.Empty(outcome.DiagnosticLines);
        Assert.Empty(outcome.CompileErrors.Select(GeneratorOutcome.Format));
        Snapshot.Match("MailrelayFilter", outcome.Source("Consumer.Filters.MailrelayFilter.g.cs"));
        Snapshot.Match("MailrelayFilter.Regexes.Compiled", outcome.Source("Consumer.Filters.MailrelayFilter.Regexes.g.cs"));
    }

    [Fact]
    public void Sshd_style_filter_with_mlfid()
    {
        var outcome = Samples("Compiled").Run();
        Assert.Empty(outcome.CompileErrors.Select(GeneratorOutcome.Format));
        Snapshot.Match("SshdLiteFilter", outcome.Source("Consumer.Filters.SshdLiteFilter.g.cs"));
        Snapshot.Match("SshdLiteFilter.Regexes.Compiled", outcome.Source("Consumer.Filters.SshdLiteFilter.Regexes.g.cs"));
    }

    [Fact]
    public void Generated_mode_declares_generated_regexes_and_adds_the_sdk_regex_code()
    {
        var outcome = Samples("Generated").Run();
        Assert.Empty(outcome.DiagnosticLines);
        Assert.Empty(outcome.CompileErrors.Select(GeneratorOutcome.Format));
        Snapshot.Match("SshdLiteFilter.Regexes.Generated", outcome.Source("Consumer.Filters.SshdLiteFilter.Regexes.g.cs"));
        var regexCode = outcome.Source("Consumer.Filters.SshdLiteFilter.RegexGenerator.g.cs");
        Assert.Contains("partial class SshdLiteFilter", regexCode);
        Assert.Contains("private static partial global::System.Text.RegularExpressions.Regex FailRegex0()", regexCode);
        // The matcher API does not depend on the regex mode.
        Assert.Equal(Samples("Compiled").Run().Source("Consumer.Filters.SshdLiteFilter.g.cs"),
            outcome.Source("Consumer.Filters.SshdLiteFilter.g.cs"));
    }
}
