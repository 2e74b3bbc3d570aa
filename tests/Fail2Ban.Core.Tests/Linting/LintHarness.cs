using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>Lints small filters written in the tests, in memory (<c>/cfg/filter.d/NAME.conf</c>).</summary>
internal static class LintHarness
{
    public const string Directory = "/cfg/filter.d/";

    /// <summary>A minimal <c>[Definition]</c> filter around <paramref name="failregex"/> (extra lines added verbatim).</summary>
    public static string Filter(string failregex, string extra = "") =>
        "[Definition]\n" + extra + (extra.Length > 0 && !extra.EndsWith("\n") ? "\n" : "") + "failregex = " + failregex + "\n";

    /// <summary>Lints <paramref name="text"/> as <c>test.conf</c>, with <paramref name="others"/> (name → text) beside it.</summary>
    public static LintReport Lint(string text, IDictionary<string, string>? others = null, LintSettings? settings = null, LintOptions? options = null,
        string name = "test")
    {
        var files = new InMemoryConfigFileSource();
        files.Add(Directory + name + ".conf", text);
        if (others != null) foreach (var kv in others) files.Add(Directory + kv.Key, kv.Value);
        return new FilterLinter(settings, options).LintFile(files, Directory + name + ".conf");
    }

    /// <summary>
    /// The findings of <paramref name="ruleId"/> on upstream master's <c>filter.d/NAME.conf</c>, read from the corpus at run
    /// time (never copied); skips the calling test when the corpus is not there.
    /// </summary>
    public static List<LintFinding>? MasterFindings(string ruleId, string name)
    {
        // The calling test is a SkippableFact/SkippableTheory: without the corpus it is reported as skipped.
        Skip.If(Tests.Infrastructure.Corpus.MasterRoot is null, Tests.Infrastructure.Corpus.SkipReason);
        var root = Tests.Infrastructure.Corpus.MasterRoot!;
        var path = System.IO.Path.Combine(root, "filter.d", name + ".conf");
        return new FilterLinter().LintFile(DiskFiles.Under(root), path).Findings.Where(f => f.RuleId == ruleId).ToList();
    }

    /// <summary>Where <paramref name="fragment"/> first stands in <paramref name="text"/>: line, column and end column (1-based), as a finding locates it.</summary>
    public static (int Line, int Column, int EndColumn) Place(string text, string fragment)
    {
        var offset = text.IndexOf(fragment, System.StringComparison.Ordinal);
        var line = text.Substring(0, offset).Count(c => c == '\n') + 1;
        var column = offset - text.LastIndexOf('\n', offset - 1);
        return (line, column, column + fragment.Length);
    }

    /// <summary>Only the findings of <paramref name="ruleId"/>.</summary>
    public static List<LintFinding> Findings(string ruleId, string text, IDictionary<string, string>? others = null, LintOptions? options = null) =>
        Lint(text, others, null, options).Findings.Where(f => f.RuleId == ruleId).ToList();
}
