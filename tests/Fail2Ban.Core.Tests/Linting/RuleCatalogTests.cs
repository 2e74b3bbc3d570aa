using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Tests.Infrastructure;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>The catalogue is complete and consistent: ids, names, blocks, rule classes, doc pages, README table.</summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public void Ids_are_unique_well_formed_and_in_their_family_block()
    {
        var ids = RuleCatalog.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var d in RuleCatalog.All)
        {
            Assert.Matches(@"^F2B[1-59]\d{3}$", d.Id);
            // F2B9xxx: the engine's own failures (internal errors), outside the rule families.
            if (d.Id[3] == '9') Assert.True(d.IsEngineDiagnostic, d.Id);
            else Assert.Equal((int)d.Family, d.Id[3] - '0');
            Assert.Matches(@"^[a-z]+(-[a-z0-9]+)*$", d.Name);
        }
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(d => d.Name).Distinct().Count());
    }

    [Fact]
    public void Every_RuleIds_constant_and_every_engine_id_is_catalogued()
    {
        foreach (var field in typeof(RuleIds).GetFields())
            Assert.True(RuleCatalog.TryGet((string)field.GetValue(null)!, out _), field.Name);
        foreach (var field in typeof(DiagnosticIds).GetFields())
            Assert.True(RuleCatalog.TryGet((string)field.GetValue(null)!, out var d) && d.IsEngineDiagnostic, field.Name);
    }

    [Fact]
    public void Every_lint_rule_has_one_class_and_every_class_a_catalogued_id()
    {
        var classIds = FilterLinter.Rules.Select(r => r.Id).ToList();
        Assert.Equal(classIds.Count, classIds.Distinct().Count());
        var lintIds = RuleCatalog.All.Where(d => !d.IsEngineDiagnostic || d.Id == RuleIds.RegexTranslated).Select(d => d.Id).OrderBy(x => x);
        Assert.Equal(lintIds, classIds.OrderBy(x => x));
    }

    [Fact]
    public void Every_id_has_a_doc_page_starting_with_its_id_and_the_help_link_points_to_it()
    {
        foreach (var d in RuleCatalog.All)
        {
            var page = Path.Combine(Corpus.RepoRoot, "docs", "rules", d.Id + ".md");
            Assert.True(File.Exists(page), page);
            Assert.StartsWith("# " + d.Id + ": ", File.ReadAllText(page));
            Assert.EndsWith("/docs/rules/" + d.Id + ".md", d.HelpUri);
        }
    }

    [Fact]
    public void Every_rule_has_a_test_file_named_after_its_class()
    {
        foreach (var rule in FilterLinter.Rules)
        {
            var file = Path.Combine(Corpus.RepoRoot, "tests", "Fail2Ban.Core.Tests", "Linting", "Rules", rule.GetType().Name + "Tests.cs");
            Assert.True(File.Exists(file), file);
        }
    }

    [Fact]
    public void The_README_rule_table_is_current()
    {
        var readme = File.ReadAllText(Path.Combine(Corpus.RepoRoot, "README.md"));
        var m = Regex.Match(readme, "<!-- rules:begin -->\n(.*?)<!-- rules:end -->", RegexOptions.Singleline);
        Assert.True(m.Success, "README.md has no <!-- rules:begin --> … <!-- rules:end --> section");
        Assert.Equal(RuleTable(), m.Groups[1].Value);
    }

    /// <summary>The README table as the catalogue writes it (UPDATE by pasting the assertion's expected value).</summary>
    internal static string RuleTable()
    {
        var lines = new System.Text.StringBuilder();
        lines.Append("| id | name | default | what |\n| --- | --- | --- | --- |\n");
        foreach (var d in RuleCatalog.All)
            lines.Append("| [").Append(d.Id).Append("](docs/rules/").Append(d.Id).Append(".md) | ").Append(d.Name).Append(" | ")
                 .Append(LintFinding.SeverityName(d.DefaultSeverity)).Append(" | ").Append(d.Title.Replace("|", "\\|")).Append(" |\n");
        return lines.ToString();
    }
}
