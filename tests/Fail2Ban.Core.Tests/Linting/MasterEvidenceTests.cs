using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Tests.Infrastructure;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>
/// The evidence on upstream master's filters reads as the daemon's log and says what Fail2Ban does: every missed or
/// injected line is a whole line whose date the filter's date detection finds, and the filter, read again from disk in
/// the finding's mode and logtype, does with it what the evidence states (bans the forged address; does not ban the one
/// only the fix would ban).
/// </summary>
public sealed class MasterEvidenceTests
{
    [SkippableFact]
    public void Every_missed_or_injected_line_is_a_whole_dated_log_line_that_the_filter_treats_as_stated()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        // With their sample logs, as `filterlint lint` finds them beside filter.d.
        var logs = Path.Combine(Corpus.MasterRoot!, "logs");
        Skip.If(!Directory.Exists(logs), "no sample logs beside " + Corpus.MasterRoot + "/filter.d (the corpus in ../shared has them)");
        var samples = new SampleLogSource(n => File.Exists(Path.Combine(logs, n)) ? File.ReadAllText(Path.Combine(logs, n)) : null,
            n => Path.Combine(logs, n));
        var (findings, _, _, _) = CorpusLintGuardTests.LintMaster(new LintOptions { Samples = samples });
        var files = DiskFiles.Under(Corpus.MasterRoot!);
        var checkedLines = 0;
        var fixedLines = 0;
        foreach (var finding in findings)
        {
            if (finding.Evidence is not { Kind: LintEvidenceKind.MissedLine or LintEvidenceKind.InjectedLine } evidence) continue;
            if (evidence.Line.Contains('\n') || evidence.BannedAddress is not { } address) continue;
            var options = new Dictionary<string, string>();
            if (finding.Modes.Count > 0) options["mode"] = finding.Modes[0];
            if (finding.LogTypes.Count > 0) options["logtype"] = finding.LogTypes[0];
            var resolved = FilterReader.ReadFile(files, Path.Combine(Corpus.MasterRoot!, "filter.d", finding.Filter.EndsWith(".conf") ? finding.Filter : finding.Filter + ".conf"), options);
            var dates = new DateDetector(resolved.DatePattern?.Text, new DateDetectorSettings { Now = FilterProbe.ProbeTime });
            Assert.True(dates.Match(evidence.Line) is not null, finding + "\nundated: " + evidence.Line);
            var reported = FilterProbe.NewMatcher(FilterCompiler.Compile(resolved), dates).ProcessLine(evidence.Line).Entries
                .Where(e => e.Id is not null && !e.IsNoFail).Select(e => e.Id!.Text).ToList();
            if (evidence.Kind == LintEvidenceKind.InjectedLine) Assert.True(reported.Contains(address), finding + "\ndoes not ban " + address + ": " + evidence.Line);
            else
            {
                Assert.False(reported.Contains(address), finding + "\nalready bans " + address + ": " + evidence.Line);
                // And the line proves the fix: the filter with the finding's mechanical fix applied bans the address.
                if (finding.Fix is { } fix && Fixed(files, fix, finding.Filter, options) is { } repaired)
                {
                    var after = FilterProbe.NewMatcher(FilterCompiler.Compile(repaired), new DateDetector(repaired.DatePattern?.Text, new DateDetectorSettings { Now = FilterProbe.ProbeTime }))
                        .ProcessLine(evidence.Line).Entries.Where(e => e.Id is not null && !e.IsNoFail).Select(e => e.Id!.Text);
                    Assert.True(after.Contains(address), finding + "\nthe fixed filter does not ban " + address + ": " + evidence.Line);
                    fixedLines++;
                }
            }
            checkedLines++;
        }
        // Substance: master has some twenty such lines (missed NTLM, HTTP/2.0, IPv6 endpoints, forged addresses …).
        Assert.True(checkedLines >= 15, checkedLines + " evidence lines checked");
        Assert.True(fixedLines >= 3, fixedLines + " missed lines checked against the fixed filter");
    }

    /// <summary>The filter read with <paramref name="fix"/>'s edits applied to the files they name (all of filter.d in memory).</summary>
    private static ResolvedFilter? Fixed(IConfigFileSource disk, LintFix fix, string filter, IReadOnlyDictionary<string, string> options)
    {
        var dir = Path.Combine(Corpus.MasterRoot!, "filter.d");
        var files = new InMemoryConfigFileSource();
        foreach (var path in Directory.GetFiles(dir))
        {
            var full = Path.GetFullPath(path);
            var edits = fix.Edits.Where(e => Path.GetFullPath(e.File) == full).ToList();
            var text = File.ReadAllText(full);
            files.Add(full, edits.Count == 0 ? text : LintFixApplier.Apply(text, edits).Text);
        }
        if (fix.Edits.Any(e => !File.Exists(e.File))) return null;
        return FilterReader.ReadFile(files, Path.GetFullPath(Path.Combine(dir, filter.EndsWith(".conf") ? filter : filter + ".conf")), options);
    }
}
