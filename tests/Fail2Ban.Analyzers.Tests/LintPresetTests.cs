using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Fail2Ban.Core.Linting;
using Microsoft.CodeAnalysis;

namespace Fail2Ban.Analyzers.Tests;

/// <summary>
/// The <c>.globalconfig</c> presets shipped in the package (<c>Fail2BanLintPreset=recommended|strict</c>):
/// one line per catalogued rule, written by <see cref="Expected"/> (<c>UPDATE_SNAPSHOTS=1</c> rewrites them
/// when a rule is added), and applied by the compiler as documented.
/// </summary>
public sealed class LintPresetTests
{
    private static string PresetPath(string name)
    {
        var dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "Compiler.sln"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        return Path.Combine(dir!, "analyzers", "Fail2Ban.Analyzers", "build", "presets", name + ".globalconfig");
    }

    /// <summary>
    /// recommended: the default severities, except that a forgeable or evadable ban (the Unsafe family) is an
    /// error. strict: every rule on; warnings and errors are errors, notes (info, or off by default) warnings
    /// or suggestions.
    /// </summary>
    private static string Severity(string preset, LintRuleDescriptor rule) => (preset, rule.DefaultSeverity) switch
    {
        ("strict", LintSeverity.None) => "suggestion",
        ("strict", LintSeverity.Info) => "warning",
        ("strict", _) => "error",
        (_, LintSeverity.Warning) when rule.Family == RuleFamily.Unsafe => "error",
        (_, LintSeverity.None) => "none",
        (_, LintSeverity.Info) => "suggestion",
        (_, LintSeverity.Warning) => "warning",
        _ => "error",
    };

    private static string Expected(string preset)
    {
        var text = new StringBuilder();
        text.Append("# Fail2Ban.Analyzers preset '").Append(preset).Append("': <Fail2BanLintPreset>").Append(preset).Append("</Fail2BanLintPreset>.\n");
        text.Append(preset == "strict"
            ? "# Every rule on: warnings and errors are errors, notes are warnings, rules off by default are suggestions.\n"
            : "# The default severities, except that a forgeable or evadable ban (Fail2Ban.Unsafe) is an error.\n");
        text.Append("# Written by tests/Fail2Ban.Analyzers.Tests/LintPresetTests.cs (UPDATE_SNAPSHOTS=1 dotnet test). A project's own\n");
        text.Append("# .globalconfig overrides any line (global_level -1 here).\n");
        text.Append("is_global = true\nglobal_level = -1\n\n");
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal))
            text.Append("# ").Append(rule.Name).Append(" (").Append(rule.Category).Append(")\n")
                .Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(Severity(preset, rule)).Append('\n');
        return text.ToString();
    }

    [Theory]
    [InlineData("recommended")]
    [InlineData("strict")]
    public void Presets_set_every_catalogued_rule(string preset)
    {
        var path = PresetPath(preset);
        var expected = Expected(preset);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), path + " is missing (UPDATE_SNAPSHOTS=1 dotnet test writes it)");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    private const string Filter = "[Definition]\nfailregex = ^Failed login from <HOST>\n            ^\\w{4} refused for <HOST>$\n";

    [Fact]
    public async Task Recommended_makes_unsafe_findings_errors_and_keeps_the_rest()
    {
        var plain = await AnalyzerHarness.Run(new[] { ("/p/f.conf", Filter, (string?)"true") });
        var preset = await AnalyzerHarness.Run(new[] { ("/p/f.conf", Filter, (string?)"true") }, File.ReadAllText(PresetPath("recommended")));
        var unbounded = plain.Single(d => d.Id == RuleIds.HostWithoutRightBoundary);
        Assert.Equal(DiagnosticSeverity.Warning, unbounded.Severity);
        Assert.Equal(DiagnosticSeverity.Error, preset.Single(d => d.Id == RuleIds.HostWithoutRightBoundary).Severity);
        Assert.Equal(DiagnosticSeverity.Warning, preset.Single(d => d.Id == RuleIds.FixedWidthToken).Severity);
    }

    [Fact]
    public async Task Strict_makes_every_warning_an_error()
    {
        var diagnostics = await AnalyzerHarness.Run(new[] { ("/p/f.conf", Filter, (string?)"true") }, File.ReadAllText(PresetPath("strict")));
        Assert.Contains(diagnostics, d => d.Id == RuleIds.FixedWidthToken);
        var warnings = diagnostics.Where(d => RuleCatalog.Get(d.Id).DefaultSeverity == LintSeverity.Warning).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(DiagnosticSeverity.Error, diagnostics.Single(d => d.Id == RuleIds.FixedWidthToken).Severity);
    }
}
