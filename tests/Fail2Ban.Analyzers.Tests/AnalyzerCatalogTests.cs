using System;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Analyzers.Tests;

/// <summary>Every catalogued id has a descriptor (with its help link) and a release entry.</summary>
public sealed class AnalyzerCatalogTests
{
    [Fact]
    public void Every_id_has_one_descriptor_with_the_catalogue_help_link_and_severity()
    {
        var descriptors = new FilterFileAnalyzer().SupportedDiagnostics;
        // The catalogue, and the analyzer's own F2B18xx (outside it: not a rule of the filter).
        Assert.Equal(RuleCatalog.All.Select(d => d.Id).Append(AnalyzerDiagnosticIds.FileNotLinted).OrderBy(x => x), descriptors.Select(d => d.Id).OrderBy(x => x));
        descriptors = descriptors.RemoveAll(d => d.Id == AnalyzerDiagnosticIds.FileNotLinted);
        foreach (var d in descriptors)
        {
            var rule = RuleCatalog.Get(d.Id);
            Assert.Equal(rule.HelpUri, d.HelpLinkUri);
            Assert.Equal(rule.Category, d.Category);
            // A rule off by default (severity none) has a descriptor disabled by default, at info when turned on.
            Assert.Equal(rule.DefaultSeverity != LintSeverity.None, d.IsEnabledByDefault);
            if (d.IsEnabledByDefault) Assert.Equal(LintFinding.SeverityName(rule.DefaultSeverity), d.DefaultSeverity.ToString().ToLowerInvariant());
        }
    }

    [Fact]
    public void Every_id_has_a_release_entry()
    {
        var dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "Compiler.sln"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        var folder = Path.Combine(dir!, "analyzers", "Fail2Ban.Analyzers");
        var releases = File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Shipped.md")) + File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"));
        foreach (var rule in RuleCatalog.All)
            Assert.Matches("(?m)^" + rule.Id + @" \| " + rule.Category.Replace(".", @"\.") + " \\| ", releases);
    }
}
