using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2004: the text an ignoreregex is tested against depends on how many failregexes the filter has
/// (spec 3.4). After a failregex matched, Fail2Ban always tests the ignoreregexes against the text that
/// failregex saw (the prefregex's <c>F-CONTENT</c>); with fewer ignoreregexes than failregexes minus 2 it
/// first also searches them in the whole line (date cut out). So a content-written ignoreregex works in
/// every variant, a whole-line one only in some. Two findings, each only with a line run through the real matcher:
/// an ignoreregex written for the whole line that, in a variant without the early check, matches a
/// failure line and still does not ignore it; and an ignoreregex whose verdict on a line differs between
/// modes because the early check applies in some modes only.
/// </summary>
internal sealed class IgnoreRegexTextRule : LintRule
{

    private const int RandomAttempts = 8;
    private const int OptionalParts = 8;

    public override string Id => RuleIds.IgnoreRegexTextDependsOnFailRegexCount;

    /// <summary>The variants of the filter seen so far (the rule decides once it has seen the last mode).</summary>
    private sealed class SeenVariants
    {
        public List<VariantLintContext> Contexts { get; } = new();
    }

    public override void CheckVariant(VariantLintContext context)
    {
        var seen = context.FilterState<SeenVariants>(Id);
        seen.Contexts.Add(context);
        if (!context.Variant.IsLastMode) return;
        var runs = seen.Contexts.Where(c => c.Variant.IgnoreRegexes.Count > 0).Select(c => new VariantRun(c)).ToList();
        if (runs.Count == 0) return;
        // One finding per ignoreregex: a mode-dependent one says more than "never applies" in some modes.
        var modeDependent = new HashSet<string>(StringComparer.Ordinal);
        if (runs.Count > 1)
            foreach (var key in runs.SelectMany(r => r.Variant.IgnoreRegexes).Select(Key).Distinct().ToList())
                if (CheckAcrossModes(runs, key)) modeDependent.Add(key);
        foreach (var run in runs)
        {
            if (run.ChecksWholeLineFirst || run.Variant.IsMultiLine || !run.HasContent) continue;
            foreach (var ignore in run.Variant.IgnoreRegexes)
                if (!modeDependent.Contains(Key(ignore))) CheckContentOnly(run, ignore);
        }
    }

    /// <summary>The same ignoreregex in several modes: same text written at the same place.</summary>
    private static string Key(LintRegex ignore) => ignore.Source.Text + "\u0000" + ignore.Source.LocationAt(0);

    /// <summary>(a): a whole-line ignoreregex that, tested against F-CONTENT only, lets a failure line through.</summary>
    private void CheckContentOnly(VariantRun run, LintRegex ignore)
    {
        var compiled = run.Compiled.IgnoreRegexes[ignore.Index];
        foreach (var (line, fromLog) in Candidates(run, ignore))
        {
            var verdict = run.Verdict(line, fromLog);
            if (verdict.Failures.Count == 0 || verdict.IgnoreHits.Count > 0 || !IsMatch(compiled.Regex, verdict.Buffer)) continue;
            var content = run.ContentOf(verdict.Buffer);
            if (content is null) continue;
            var message = "Fail2Ban tests this ignoreregex only against the prefregex's F-CONTENT text, after a failregex matched "
                + "(it searches the whole line first only when the filter has more than " + (run.Variant.IgnoreRegexes.Count + 2)
                + " failregexes): it matches the whole line here but never the text it is tested against. "
                + "Write it for the F-CONTENT text, without the prefix";
            var address = verdict.Failures[0].Id!.Text;
            var explanation = ignore.Label + " matches this whole line, but is tested against the F-CONTENT text '" + content.TrimEnd('\n')
                + "' only: the filter reports a failure for " + address + " instead of ignoring the line";
            run.Context.Report(Id, message, ignore.OwnLocation(),
                new LintEvidence(fromLog ? LintEvidenceKind.SampleLine : LintEvidenceKind.MissedLine, line, explanation) { BannedAddress = address });
            return;
        }
    }

    /// <summary>
    /// (b): a line that one mode ignores through this ignoreregex and another reports, because of where it is
    /// checked. Only an early-check mode can be the ignoring one (the late check runs in every mode), but both
    /// directions are tried: the matcher, not this reasoning, decides.
    /// </summary>
    private bool CheckAcrossModes(List<VariantRun> runs, string key)
    {
        var holding = runs.Where(r => r.Variant.IgnoreRegexes.Any(i => Key(i) == key)).ToList();
        var early = holding.Where(r => r.ChecksWholeLineFirst).ToList();
        var late = holding.Where(r => !r.ChecksWholeLineFirst).ToList();
        if (early.Count == 0 || late.Count == 0) return false;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in holding)
        {
            var ignore = source.Variant.IgnoreRegexes.First(i => Key(i) == key);
            foreach (var (line, fromLog) in Candidates(source, ignore))
            {
                if (!tried.Add((fromLog ? "L" : "G") + line)) continue;
                foreach (var ignoring in holding)
                {
                    if (!IgnoresThrough(ignoring, key, line, fromLog)) continue;
                    var other = ignoring.ChecksWholeLineFirst ? late : early;
                    foreach (var reporting in other)
                    {
                        var verdict = reporting.Verdict(line, fromLog);
                        if (verdict.Failures.Count == 0 || verdict.IgnoreHits.Count > 0) continue;
                        ReportModeDependent(holding, early, late, ignore, line, fromLog, ignoring, reporting, verdict.Failures[0].Id!.Text);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /// <summary>The line is a failure in this mode, and this mode's ignoreregex <paramref name="key"/> ignores it.</summary>
    private static bool IgnoresThrough(VariantRun run, string key, string line, bool fromLog)
    {
        var index = run.Variant.IgnoreRegexes.First(i => Key(i) == key).Index;
        var verdict = run.Verdict(line, fromLog);
        return verdict.Failures.Count == 0 && verdict.IgnoreHits.Contains(index) && run.VerdictWithoutIgnores(line, fromLog).Failures.Count > 0;
    }

    private void ReportModeDependent(List<VariantRun> holding, List<VariantRun> early, List<VariantRun> late, LintRegex ignore,
        string line, bool fromLog, VariantRun ignoring, VariantRun reporting, string address)
    {
        var lateText = late.All(r => r.HasContent && !r.Variant.IsMultiLine)
            ? "only in the prefregex's F-CONTENT text, after a failregex matched"
            : "only after a failregex matched, in the text that failregex saw";
        var message = "the text this ignoreregex is tested against depends on the mode: in mode " + Modes(early)
            + " (fewer ignoreregexes than failregexes minus 2) Fail2Ban also searches it in the whole line before the prefregex; in mode "
            + Modes(late) + " " + lateText + ". Write it for that text, which every mode checks";
        var explanation = "mode " + ignoring.Variant.Mode + " ignores this line through " + ignore.Label + "; mode " + reporting.Variant.Mode
            + " reports a failure for " + address;
        var evidence = new LintEvidence(fromLog ? LintEvidenceKind.SampleLine : LintEvidenceKind.MissedLine, line, explanation) { BannedAddress = address };
        foreach (var run in holding)
        {
            var own = run.Variant.IgnoreRegexes.First(i => Key(i) == Key(ignore));
            run.Context.Report(Id, message, own.OwnLocation(), evidence);
        }
    }

    private static string Modes(List<VariantRun> runs) => string.Join(", ", runs.Select(r => r.Variant.Mode));

    /// <summary>
    /// Lines worth trying: the sample log's lines, lines generated from the ignoreregex, the failregexes'
    /// witness lines, and mixed ones (prefix of one, F-CONTENT of the other). The matcher judges them all.
    /// </summary>
    private static IEnumerable<(string Line, bool FromLog)> Candidates(VariantRun run, LintRegex ignore)
    {
        foreach (var line in run.Context.SampleLines) yield return (line, true);
        var generated = Generated(ignore).ToList();
        foreach (var text in generated) yield return (text, false);
        var witnesses = new List<ProbeLine>();
        foreach (var fail in run.Variant.FailRegexes)
            if (run.Context.Probe.Witness(fail) is { } w)
            {
                witnesses.Add(w);
                yield return (w.Text, false);
            }
        if (!run.HasContent) yield break;
        foreach (var text in generated)
        {
            var split = run.SplitAtContent(text);
            foreach (var w in witnesses)
            {
                var end = w.ContentOffset + w.FailText.Text.Length;
                if (end > w.Text.Length) continue;
                if (split is { } s)
                {
                    yield return (s.Prefix + w.FailText.Text + s.Suffix, false);
                    yield return (w.Text.Substring(0, w.ContentOffset) + s.Content + w.Text.Substring(end), false);
                }
                else
                {
                    // The ignoreregex was written for the content: put its text where the witness's content was.
                    yield return (w.Text.Substring(0, w.ContentOffset) + text + w.Text.Substring(end), false);
                }
            }
        }
    }

    /// <summary>Texts generated from the regex: the plainest, with each optional part, then seeded variations.</summary>
    private static IEnumerable<string> Generated(LintRegex regex)
    {
        var generator = new RegexTextGenerator(regex.Tree);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<GeneratedText?> All()
        {
            yield return generator.Generate(0);
            foreach (var q in regex.Regex.Root.DescendantsAndSelf().OfType<QuantifierNode>()
                         .Where(q => q.Min == 0 && q.Origin is null && (q.Max ?? 2) >= 1).Take(OptionalParts))
                yield return generator.Generate(0, null, q);
            for (var a = 1; a <= RandomAttempts; a++) yield return generator.Generate(a);
        }
        foreach (var g in All())
            if (g != null && g.Text.Length > 0 && seen.Add(g.Text)) yield return g.Text.TrimEnd('\n');
    }

    private static bool IsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>What the matcher says about a line.</summary>
    private sealed record Verdict(IReadOnlyList<Failure> Failures, IReadOnlyList<int> IgnoreHits, string Buffer);

    /// <summary>One variant run through the real matcher, with and without its ignoreregexes; verdicts cached per line.</summary>
    private sealed class VariantRun
    {
        private readonly CompiledFilter _withoutIgnores;
        private readonly DateDetector _dates;
        private readonly Dictionary<(string, bool), Verdict> _verdicts = new();
        private readonly Dictionary<(string, bool), Verdict> _bareVerdicts = new();

        public VariantRun(VariantLintContext context)
        {
            Context = context;
            Compiled = context.Variant.Compile();
            _withoutIgnores = new CompiledFilter(Compiled.Name, Compiled.PrefRegex, Compiled.FailRegexes, Array.Empty<CompiledRegex>(),
                Compiled.MaxLines, Compiled.DatePattern);
            _dates = FilterProbe.NewDates(Variant);
            HasContent = Variant.PrefRegex?.Regex.Tree.Groups.Any(g => g.Name == "content") == true;
        }

        public VariantLintContext Context { get; }

        public FilterVariant Variant => Context.Variant;

        public CompiledFilter Compiled { get; }

        /// <summary>Spec 3.4: ignoreregexes are searched in the whole buffer before the prefregex.</summary>
        public bool ChecksWholeLineFirst => Variant.IgnoreRegexes.Count > 0 && Variant.IgnoreRegexes.Count < Variant.FailRegexes.Count - 2;

        /// <summary>The prefregex captures an <c>F-CONTENT</c> text the failregexes (and late ignoreregexes) see.</summary>
        public bool HasContent { get; }

        public Verdict Verdict(string line, bool fromLog) => Get(_verdicts, Compiled, line, fromLog);

        public Verdict VerdictWithoutIgnores(string line, bool fromLog) => Get(_bareVerdicts, _withoutIgnores, line, fromLog);

        /// <summary>The prefregex's F-CONTENT text in a buffer string, or null when it does not match or captures nothing.</summary>
        public string? ContentOf(string buffer)
        {
            if (Compiled.PrefRegex is not { } pref) return null;
            try
            {
                var m = pref.Regex.Match(buffer);
                var g = m.Success ? m.Groups["content"] : null;
                return g is { Success: true, Length: > 0 } ? g.Value : null;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }

        /// <summary>A generated line cut around the prefregex's F-CONTENT text.</summary>
        public (string Prefix, string Content, string Suffix)? SplitAtContent(string line)
        {
            if (Compiled.PrefRegex is not { } pref) return null;
            try
            {
                var m = pref.Regex.Match(line + "\n");
                var g = m.Success ? m.Groups["content"] : null;
                if (g is not { Success: true, Length: > 0 } || g.Index + g.Length > line.Length) return null;
                return (line.Substring(0, g.Index), g.Value, line.Substring(g.Index + g.Length));
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }

        private Verdict Get(Dictionary<(string, bool), Verdict> cache, CompiledFilter filter, string line, bool fromLog)
        {
            if (cache.TryGetValue((line, fromLog), out var cached)) return cached;
            var matcher = FilterProbe.NewMatcher(filter, _dates);
            LineResult? result = null;
            if (fromLog)
                result = matcher.ProcessLine(line);
            else
                foreach (var part in line.Split('\n')) result = matcher.ProcessLine(part, FilterProbe.ProbeTime, FilterProbe.ProbeTimeText);
            var failures = result!.Entries.Where(e => e.Id is not null && !e.IsNoFail).ToList();
            var tuple = result.Tuple;
            var verdict = new Verdict(failures, result.IgnoreRegexHits.ToList(), tuple.Before + tuple.After + "\n");
            cache[(line, fromLog)] = verdict;
            return verdict;
        }
    }
}
