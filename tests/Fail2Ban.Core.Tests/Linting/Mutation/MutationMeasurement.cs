using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Mutation;

/// <summary>What linting one planted defect gave.</summary>
internal sealed record MutantResult(FilterMutant Mutant, bool Real, bool RecalledWithSamples, bool RecalledWithout, int NewElsewhere, string RecallingRules);

/// <summary>
/// Generalisation of the linter to defects it was not tuned on: plants <see cref="FilterMutator"/>'s defects into upstream
/// master's filters that have a sample log (read in place from the corpus), keeps the mutants whose defect is real by the
/// matcher (a sample line stops meeting its failJSON: missed, another host, another time, or, for an injection mutant,
/// a sample line with <c>from </c><see cref="InjectedAddress"/> appended is banned for another host than its own: the
/// injected address, or a piece of text the widened regex now takes as the host) and counts recall: a finding
/// on the mutated line that the unmutated filter does not have there (same rule, same line), with and without samples.
/// </summary>
internal sealed class MutationMeasurement
{
    public const string InjectedAddress = "198.51.100.66";

    private readonly string _root;
    private readonly InMemoryConfigFileSource _files;

    public MutationMeasurement(string corpusRoot)
    {
        _root = corpusRoot;
        _files = DiskFiles.Under(Path.Combine(corpusRoot, "filter.d"));
    }

    public int BaselineFindings { get; private set; }

    /// <summary>The filters of <c>filter.d</c> with a sample log of the same name, sorted.</summary>
    public IReadOnlyList<string> FiltersWithSamples() =>
        Directory.GetFiles(Path.Combine(_root, "filter.d"), "*.conf")
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Where(n => File.Exists(Path.Combine(_root, "logs", n)))
            .OrderBy(n => n, StringComparer.Ordinal).ToList();

    public List<MutantResult> Run(IEnumerable<string> filters, Action<string>? log = null)
    {
        var results = new List<MutantResult>();
        foreach (var name in filters)
        {
            var path = Path.Combine(_root, "filter.d", name + ".conf");
            var original = File.ReadAllText(path);
            var withSamples = Lint(path, original, Samples(false));
            BaselineFindings += withSamples.Count(f => f.RuleId != RuleIds.SampleExpectationNotMet);
            var without = Lint(path, original, null);
            List<LintFinding>? injected = null;
            foreach (var mutant in FilterMutator.Mutate(name, original))
            {
                bool real;
                var mutS = Lint(path, mutant.Text, Samples(false));
                if (mutant.Injection)
                {
                    injected ??= Lint(path, original, Samples(true), onlySamples: true);
                    var before = SampleKeys(injected);
                    real = SampleKeys(Lint(path, mutant.Text, Samples(true), onlySamples: true))
                        .Any(k => !before.Contains(k) && k.Contains(", got "));
                }
                else
                {
                    var before = SampleKeys(withSamples);
                    real = SampleKeys(mutS).Any(k => !before.Contains(k) && !k.EndsWith("]", StringComparison.Ordinal));
                }
                if (!real) { results.Add(new MutantResult(mutant, false, false, false, 0, "")); continue; }
                var recallS = NewOnLine(withSamples, mutS, path, mutant.Line);
                var recallN = NewOnLine(without, Lint(path, mutant.Text, null), path, mutant.Line);
                var elsewhere = mutS.Count(f => f.RuleId != RuleIds.SampleExpectationNotMet && !On(f, path, mutant.Line) &&
                                                !withSamples.Any(b => b.RuleId == f.RuleId && b.Location.Line == f.Location.Line && b.Location.File == f.Location.File));
                var result = new MutantResult(mutant, true, recallS.Count > 0, recallN.Count > 0, elsewhere,
                    string.Join(",", recallS.Concat(recallN).Distinct().OrderBy(r => r, StringComparer.Ordinal)));
                log?.Invoke((result.RecalledWithSamples ? "recalled " : "MISSED   ") + (result.RecalledWithout ? "-S:recalled " : "-S:MISSED   ") + mutant + (result.RecallingRules.Length > 0 ? "  [" + result.RecallingRules + "]" : ""));
                results.Add(result);
            }
            _files.Add(path, original);
        }
        return results;
    }

    private List<LintFinding> Lint(string path, string text, SampleLogSource? samples, bool onlySamples = false)
    {
        _files.Add(path, text);
        var settings = onlySamples ? new LintSettings() : LintSettings.Default;
        if (onlySamples)
            foreach (var rule in RuleCatalog.All)
                if (rule.Id != RuleIds.SampleExpectationNotMet) settings.Set(rule.Id, LintSeverity.None);
        return new FilterLinter(settings, new LintOptions { Samples = samples }).LintFile(_files, path).Findings.ToList();
    }

    private SampleLogSource Samples(bool inject) => new(
        n =>
        {
            var p = Path.Combine(_root, "logs", n);
            if (!File.Exists(p)) return null;
            var text = File.ReadAllText(p);
            return inject ? Inject(text) : text;
        },
        n => Path.Combine(_root, "logs", n));

    /// <summary>Every log line (not the comments with the failJSON) with the attacker's address appended.</summary>
    private static string Inject(string log) =>
        string.Join("\n", log.Split('\n').Select(l => l.TrimEnd('\r')).Select(l => l.Length == 0 || l[0] == '#' ? l : l + " from " + InjectedAddress));

    /// <summary>F2B5002's findings as comparable keys; a finding only about several regexes matching ends with "]".</summary>
    private static HashSet<string> SampleKeys(IEnumerable<LintFinding> findings) => new(
        findings.Where(f => f.RuleId == RuleIds.SampleExpectationNotMet)
            .Select(f => f.Location.File + ":" + f.Location.Line + ":" + f.Message), StringComparer.Ordinal);

    private static bool On(LintFinding f, string path, int line) =>
        f.Location.File == path && f.Location.Line <= line && line <= Math.Max(f.Location.Line, f.Location.EndLine);

    private static List<string> NewOnLine(List<LintFinding> baseline, List<LintFinding> mutated, string path, int line)
    {
        var before = new HashSet<string>(baseline.Where(f => On(f, path, line)).Select(f => f.RuleId), StringComparer.Ordinal);
        return mutated.Where(f => On(f, path, line) && !before.Contains(f.RuleId)).Select(f => f.RuleId).Distinct().ToList();
    }

    /// <summary>Per mutation class: mutants planted, real ones, recalled with samples, recalled without, new findings elsewhere.</summary>
    public static string Table(IReadOnlyList<MutantResult> results, int baseline)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Format("{0,-24} {1,7} {2,5} {3,9} {4,8} {5,9}", "class", "mutants", "real", "recall+S", "recall-S", "elsewhere"));
        foreach (var cls in FilterMutator.Classes)
        {
            var rows = results.Where(r => r.Mutant.Class == cls).ToList();
            if (rows.Count > 0) sb.AppendLine(Row(cls, rows));
        }
        sb.AppendLine(Row("total", results.ToList()));
        sb.AppendLine("baseline findings on the unmutated filters (with samples, F2B5002 aside): " + baseline);
        return sb.ToString();
    }

    private static string Row(string name, List<MutantResult> rows)
    {
        var real = rows.Where(r => r.Real).ToList();
        return string.Format("{0,-24} {1,7} {2,5} {3,9} {4,8} {5,9}", name, rows.Count, real.Count,
            Pct(real.Count(r => r.RecalledWithSamples), real.Count), Pct(real.Count(r => r.RecalledWithout), real.Count), real.Sum(r => r.NewElsewhere));
    }

    private static string Pct(int n, int of) => of == 0 ? "-" : n + " " + (100 * n / of) + "%";
}
