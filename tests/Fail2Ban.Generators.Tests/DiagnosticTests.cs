using System.Linq;
using Fail2Ban.Generators.Tests.Infrastructure;

namespace Fail2Ban.Generators.Tests;

/// <summary>Filters that do not resolve or translate become errors located in their .conf, and generate nothing.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void Broken_failregex_is_an_error_at_its_conf_line_and_column()
    {
        const string conf =
            "[Definition]\n" +
            "failregex = ^Login failed from <HOST>$\n" +
            "            ^Bad password (for <F-USER>\\S+</F-USER> from <HOST>$\n";
        var outcome = new GeneratorHarness().Filter("broken.conf", conf).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        // The unclosed "(" is the 15th character of the regex written at line 3, column 13.
        Assert.StartsWith("/consumer/filters/broken.conf(3,27): error F2B1010: ", line);
        Assert.Empty(outcome.HintNames);
    }

    [Fact]
    public void Failregex_without_host_or_id_group_is_located_at_the_regex()
    {
        const string conf =
            "# a filter whose second regex captures no failure id\n" +
            "[Definition]\n" +
            "failregex = ^Login failed from <HOST>$\n" +
            "            ^Login failed for <F-USER>\\S+</F-USER>$\n";
        var outcome = new GeneratorHarness().Filter("noid.conf", conf).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/consumer/filters/noid.conf(4,13): error F2B1012: ", line);
    }

    [Fact]
    public void Unknown_interpolation_is_located_where_it_is_written()
    {
        const string conf =
            "[Definition]\n" +
            "failregex = ^%(_prefix)s Login failed from <HOST>$\n";
        var outcome = new GeneratorHarness().Filter("interp.conf", conf).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.Matches(@"^/consumer/filters/interp\.conf\(2,\d+\): error F2B1004: ", line);
    }

    [Fact]
    public void A_broken_filter_does_not_stop_the_others()
    {
        var outcome = new GeneratorHarness()
            .Filter("broken.conf", "[Definition]\nfailregex = ^(unclosed <HOST>\n")
            .Filter("good.conf", "[Definition]\nfailregex = ^Login failed from <HOST>$\n")
            .Run();
        Assert.Single(outcome.DiagnosticLines);
        Assert.Contains("Consumer.Filters.GoodFilter.g.cs", outcome.HintNames);
        Assert.DoesNotContain(outcome.HintNames, h => h.Contains("Broken"));
        Assert.Empty(outcome.CompileErrors);
    }

    [Fact]
    public void Invalid_regex_mode_and_class_name_are_reported()
    {
        var outcome = new GeneratorHarness()
            .Property("Fail2BanRegexMode", "Interpreted")
            .Filter("a.conf", "[Definition]\nfailregex = ^x <HOST>$\n", className: "not a name")
            .Run();
        Assert.Contains(outcome.DiagnosticLines, l => l.StartsWith("error F2B1904: Fail2BanRegexMode 'Interpreted'"));
        Assert.Contains(outcome.DiagnosticLines, l => l.StartsWith("/consumer/filters/a.conf(1,1): error F2B1904: Fail2BanClassName"));
    }

    [Fact]
    public void Two_filters_with_one_class_name_are_reported_on_both()
    {
        var outcome = new GeneratorHarness()
            .Filter("web-auth.conf", "[Definition]\nfailregex = ^x <HOST>$\n")
            .Filter("/consumer/other/web_auth.conf", "[Definition]\nfailregex = ^y <HOST>$\n")
            .Run();
        Assert.True(2 == outcome.DiagnosticLines.Count(l => l.Contains("error F2B1903")), string.Join("\n", outcome.DiagnosticLines));
    }

    [Fact]
    public void Malformed_filter_options_metadata_is_reported_on_the_filter()
    {
        var outcome = new GeneratorHarness()
            .Filter("a.conf", "[Definition]\nfailregex = ^x <HOST>$\n", options: "mode=\"normal\"extra")
            .Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/consumer/filters/a.conf(1,1): error F2B1006: ", line);
    }

    [Fact]
    public void Old_language_versions_are_reported_or_fall_back_to_compiled_regexes()
    {
        var harness = new GeneratorHarness().Property("Fail2BanRegexMode", "Generated").Filter("a.conf", "[Definition]\nfailregex = ^x <HOST>$\n");
        var csharp10 = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10);
        var outcome = harness.Run(GeneratorHarness.Compilation().RemoveAllSyntaxTrees()
            .AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class P { }", csharp10)), csharp10);
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/consumer/filters/a.conf(1,1): info F2B1901: ", line);
        Assert.Contains("C# 11", line);
        Assert.DoesNotContain(outcome.HintNames, h => h.EndsWith(".RegexGenerator.g.cs"));
        Assert.Empty(outcome.CompileErrors.Select(GeneratorOutcome.Format));   // the fallback code is C# 10-clean

        var csharp8 = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8);
        outcome = harness.Run(GeneratorHarness.Compilation().RemoveAllSyntaxTrees()
            .AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class P { }", csharp8)), csharp8);
        Assert.Contains(outcome.DiagnosticLines, l => l.StartsWith("/consumer/filters/a.conf(1,1): error F2B1904: ") && l.Contains("C# 9"));
        Assert.Empty(outcome.HintNames);
    }

    [Fact]
    public void Untagged_additional_files_are_ignored()
    {
        var outcome = new GeneratorHarness().Untagged("notes.conf", "not even ini").Run();
        Assert.Empty(outcome.DiagnosticLines);
        Assert.Empty(outcome.HintNames);
    }
}
