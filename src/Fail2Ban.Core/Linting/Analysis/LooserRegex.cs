using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>A replacement of source text <c>[Offset, Offset + Length)</c> of a regex with <see cref="NewText"/>.</summary>
internal readonly record struct SourceEdit(int Offset, int Length, string NewText)
{
    public int End => Offset + Length;
}

/// <summary>
/// A regex loosened by one or more source edits (<c>bytes</c> → <c>bytes?</c>, <c>GET</c> → <c>[A-Z]+</c>), for the
/// rules that report a too strict regex: the loosened regex generates the proof (a line the filter as written misses
/// and the loosened filter matches, both run in the real matcher, see <see cref="MissedLineSearch"/>) and its edits are
/// the mechanical fix.
/// </summary>
internal sealed class LooserRegex
{
    private readonly LintRegex _original;
    private readonly SourceEdit[] _edits;

    private LooserRegex(LintRegex original, SourceEdit[] edits, LintRegex changed)
    {
        _original = original;
        _edits = edits;
        Changed = changed;
    }

    /// <summary>The loosened regex.</summary>
    public LintRegex Changed { get; }

    /// <summary>
    /// <paramref name="regex"/> with <paramref name="edits"/> (non-overlapping, any order) applied; null when they overlap
    /// or the result does not compile.
    /// </summary>
    public static LooserRegex? Create(FilterVariant variant, LintRegex regex, IEnumerable<SourceEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Offset).ToArray();
        if (ordered.Length == 0) return null;
        for (var i = 1; i < ordered.Length; i++) if (ordered[i].Offset < ordered[i - 1].End) return null;
        LintRegex? changed = regex;
        // Right to left, so the offsets of the earlier edits stay valid.
        for (var i = ordered.Length - 1; i >= 0 && changed != null; i--)
            changed = changed.WithSourceEdit(variant, ordered[i].Offset, ordered[i].Length, ordered[i].NewText);
        return changed is null ? null : new LooserRegex(regex, ordered, changed);
    }

    /// <summary>
    /// The outermost node of the loosened regex whose text starts where <paramref name="originalOffset"/> was (an edit's
    /// start, or text outside the edits), plus <paramref name="within"/> characters into an edit's new text.
    /// </summary>
    public T? NodeAt<T>(int originalOffset, int within = 0) where T : RegexNode
    {
        var offset = originalOffset + within;
        foreach (var e in _edits) if (e.Offset < originalOffset) offset += e.NewText.Length - e.Length;
        return Changed.NodeAtSource<T>(offset);
    }

    /// <summary>
    /// Looks for the proof (generated lines take <paramref name="overrides"/>, given on <see cref="Changed"/>'s nodes) and,
    /// when found, reports <paramref name="message"/> at <paramref name="location"/> with the missed line and the edits as
    /// the fix; <paramref name="change"/> names the loosened form in the evidence ("with bytes? it matches").
    /// </summary>
    public bool Report(VariantLintContext context, string ruleId, LintLocation location, string message, TextOverrides overrides,
        string change)
    {
        if (Prove(context, overrides) is not { } evidence) return false;
        var text = _original.Source.Text;
        var written = string.Join(", ", _edits.Select(e => "'" + text.Substring(e.Offset, e.Length) + "'"));
        var replacements = string.Join(", ", _edits.Select(e => "'" + e.NewText + "'"));
        Report(context, ruleId, location, message, evidence, "with " + change, "Replace " + written + " with " + replacements);
        return true;
    }

    /// <summary>A line the filter as written misses and the loosened one matches (sample lines first), or null.</summary>
    public MissedLineProof? Prove(VariantLintContext context, TextOverrides overrides) =>
        MissedLineSearch.Find(context, _original, Changed, overrides, SampleRewrite(context, overrides));

    /// <summary>
    /// For the proof on a real line: the original and the loosened regex with the edited part marked as a group, so the
    /// matcher tells what that part matched in a sample line and in the generated proof; null unless there is one edit
    /// and the proof needs no particular address (an IPv6 client's line is not an IPv4 line with one part changed).
    /// </summary>
    private MissedLineSearch.Rewrite? SampleRewrite(VariantLintContext context, TextOverrides overrides)
    {
        if (context.SampleLines.Count == 0 || _original.Kind != FilterRegexKind.Fail || _edits.Length != 1 || overrides.Tags.Count > 0) return null;
        var edit = _edits[0];
        var source = _original.Source.Text;
        var original = _original.WithSourceEdit(context.Variant, edit.Offset, edit.Length, Mark(source.Substring(edit.Offset, edit.Length)));
        var loosened = _original.WithSourceEdit(context.Variant, edit.Offset, edit.Length, Mark(edit.NewText));
        return original is null || loosened is null ? null : new MissedLineSearch.Rewrite(original, loosened);
    }

    private static string Mark(string text) => "(?P<" + MissedLineSearch.MarkGroup + ">" + text + ")";

    /// <summary>Reports a proven finding: the missed line as evidence, the edits as the fix titled <paramref name="fixTitle"/>.</summary>
    public void Report(VariantLintContext context, string ruleId, LintLocation location, string message,
        MissedLineProof evidence, string change, string fixTitle)
    {
        var textEdits = _edits.Select(e => _original.EditSource(e.Offset, e.Length, e.NewText)).ToList();
        var fix = textEdits.Any(e => e is null) ? null : new LintFix(fixTitle, textEdits.Select(e => e!).ToArray());
        var explanation = evidence.Missed
            + "; " + change + " it matches and bans " + evidence.Address;
        context.Report(ruleId, message, location, new LintEvidence(LintEvidenceKind.MissedLine, evidence.Line, explanation)
        {
            BannedAddress = evidence.Address,
        }, fix);
    }

    /// <summary>The <c>.conf</c> range from the first edit to the end of the last one.</summary>
    public LintLocation Location()
    {
        var start = _edits[0].Offset;
        return LintRegex.LocateSource(_original.Source, start, _edits.Max(e => e.End) - start);
    }
}
