using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// Looks for proof that a regex is too strict: a log line the filter as written misses while the filter
/// with a proposed change matches it. Sample lines are tried first (a real missed line is the best
/// proof); otherwise lines are generated from the changed regex. Both filters run in the real matcher.
/// </summary>
/// <summary>
/// A line the filter misses and the changed filter matches, with the address it then bans: a sample line as it is
/// (<see cref="FromSample"/>), a sample line with one part written otherwise (<see cref="Rewrite"/> says which), or a
/// line generated from the regex.
/// </summary>
internal sealed record MissedLineProof(string Line, string Address, bool FromSample, string? Rewrite = null)
{
    /// <summary>How the evidence names the line: "this sample line is missed", "the filter misses this line" …</summary>
    public string Missed => FromSample ? "this sample line is missed"
        : Rewrite is { } r ? "this sample line, with " + r + ", is missed"
        : "the filter misses this line";
}

internal static class MissedLineSearch
{
    /// <summary>The group that marks the loosened part of a regex, to read what it matched in a real line.</summary>
    public const string MarkGroup = "f2blintmark";

    /// <summary>The regex as written and as loosened, each with the edited part marked as <see cref="MarkGroup"/>.</summary>
    internal sealed record Rewrite(LintRegex Original, LintRegex Loosened);

    /// <summary>Sample lines tried for a rewrite (the proof is looked for on each, in the matcher).</summary>
    private const int MaxRewrittenSamples = 400;

    public static MissedLineProof? Find(VariantLintContext context, LintRegex target, LintRegex changed,
        TextOverrides overrides, Rewrite? rewrite = null)
    {
        var original = context.Probe;
        var fixedProbe = original.WithRegex(target, changed);
        foreach (var line in context.SampleLines)
        {
            var hits = fixedProbe.RunLogLine(line);
            if (hits.Count == 0 || (target.Kind == FilterRegexKind.Fail && hits.All(h => h.RegexIndex != target.Index))) continue;
            if (original.RunLogLine(line).Count > 0) continue;
            return new MissedLineProof(line, hits[0].Id!.Text, true);
        }
        var through = target.Kind == FilterRegexKind.Fail
            ? new[] { target }
            : context.Variant.FailRegexes.ToArray();
        foreach (var fail in through)
        {
            var found = fixedProbe.Synthesize(fail, overrides,
                l => l.Failures.Any(f => f.RegexIndex == fail.Index) && original.Run(l.Text).Count == 0);
            if (found == null) continue;
            // Better: a real line the regex matches, with the edited part's text as the generated proof has it.
            if (rewrite != null && fail.Index == target.Index && Rewritten(context, target, fixedProbe, rewrite, found.Text) is { } real) return real;
            var address = found.AddressesFrom(fail.Index).First();
            var index = fail.Index;
            // Dressed here, where the fixed filter is known: the dressed line must still be missed, and matched once fixed.
            var line = context.DressProof(found.Text, l => original.RunLogLine(l).Count == 0
                && fixedProbe.RunLogLine(l).Any(h => h.RegexIndex == index && h.Id?.Text == address));
            return new MissedLineProof(line, address, false);
        }
        return null;
    }

    private static MissedLineProof? Rewritten(VariantLintContext context, LintRegex target, FilterProbe fixedProbe,
        Rewrite rewrite, string proof)
    {
        var original = context.Probe;
        var wanted = original.WithRegex(target, rewrite.Loosened).Run(proof).FirstOrDefault(h => h.RegexIndex == target.Index)?.Data.GetString(MarkGroup);
        if (wanted is null) return null;
        var marked = original.WithRegex(target, rewrite.Original);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in context.SampleLines.Take(MaxRewrittenSamples))
        {
            var hit = marked.RunLogLine(line).FirstOrDefault(h => h.RegexIndex == target.Index);
            if (hit?.Data.GetString(MarkGroup) is not { Length: > 0 } matched || matched == wanted) continue;
            var found = 0;
            for (var at = line.IndexOf(matched, StringComparison.Ordinal); at >= 0 && found < 4; at = line.IndexOf(matched, at + 1, StringComparison.Ordinal), found++)
            {
                var candidate = line.Substring(0, at) + wanted + line.Substring(at + matched.Length);
                if (!tried.Add(candidate) || original.RunLogLine(candidate).Count > 0) continue;
                var banned = fixedProbe.RunLogLine(candidate).FirstOrDefault(h => h.RegexIndex == target.Index);
                if (banned?.Id is { } id) return new MissedLineProof(candidate, id.Text, false, "'" + matched + "' written '" + wanted + "'");
            }
        }
        return null;
    }

    /// <summary>The evidence for a found line: "the filter misses this line; with <paramref name="fixedText"/> it matches and bans …".</summary>
    public static LintEvidence Evidence(MissedLineProof found, string fixedText) =>
        new(LintEvidenceKind.MissedLine, found.Line,
            found.Missed + "; with " + fixedText
            + " it matches and bans " + found.Address) { BannedAddress = found.Address };
}
