using System.IO;
using System.Linq;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Tests.Infrastructure;

namespace Fail2Ban.Core.Tests.Linting.Probing;

/// <summary>
/// The seed defect: Fail2Ban 1.0.2's <c>postfix.conf</c> matches the SMTP command as <c>[A-Z]{4}</c>. The probe
/// shows the <c>CONNECT</c> variant missed, and the fix <c>{4,}</c>, applied and probed again, takes it.
/// </summary>
public sealed class SeedProbeTests
{
    [SkippableFact]
    public void The_seed_shows_connect_missed_and_the_mechanical_fix_takes_it()
    {
        Skip.If(Corpus.DebianRoot is null, "Debian's fail2ban 1.0.2 package not extracted: run scripts/fetch-fail2ban-reference.sh");
        var dir = Path.Combine(Corpus.DebianRoot!, "etc", "fail2ban", "filter.d");
        var files = DiskFiles.Under(dir);
        var options = new LintOptions { CollectProbeTables = true };
        var report = new FilterLinter(null, options).LintFile(files, Path.Combine(dir, "postfix.conf"));
        Assert.Contains(report.ProbeTables.SelectMany(t => t.Rows), r => r.Variation == "token-longer" && r.Violated && r.Line.Contains("CONNECT"));
        var finding = Assert.Single(report.Findings, f => f.RuleId == RuleIds.FixedWidthToken);
        var edit = Assert.Single(finding.Fix!.Edits);
        Assert.Equal("{4,}", edit.NewText);

        // The fix, applied in memory and probed again: no longer token misses anywhere.
        var fixedFiles = DiskFiles.Under(dir);
        var text = File.ReadAllText(edit.File);
        fixedFiles.Add(edit.File, LintFixApplier.Apply(text, new[] { edit }).Text);
        var again = new FilterLinter(null, options).LintFile(fixedFiles, Path.Combine(dir, "postfix.conf"));
        Assert.DoesNotContain(again.ProbeTables.SelectMany(t => t.Rows), r => r.Variation == "token-longer" && r.Violated);
        Assert.DoesNotContain(again.Findings, f => f.RuleId == RuleIds.FixedWidthToken);
    }
}
