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
/// F2B4002: a filter without a prefregex whose failregexes (at least three) all start with the same long
/// regex prefix. Fail2Ban tries the failregexes one after the other, so it matches that prefix once per
/// failregex on every line (N times on a line none of them matches); a
/// <c>prefregex = PREFIX&lt;F-CONTENT&gt;.+&lt;/F-CONTENT&gt;$</c> would match it once. The prefix is the run of
/// leading top-level elements of the syntax trees whose Python text is identical in every failregex.
/// Reported once per filter (the modes that qualify are listed), only with a line the real matcher
/// runs through all failregexes without a match while the prefix matches it. No fix: a prefregex changes
/// the text ignoreregexes see (F2B2004).
/// </summary>
internal sealed class SharedPrefixWithoutPrefRegexRule : LintRule
{
    private const int MinFailRegexes = 3;

    /// <summary>Python regex characters a prefix needs to be worth a prefregex (more than <c>^</c> or <c>^\s*</c>).</summary>
    private const int MinPrefixLength = 20;

    private const int GeneratedAttempts = 6;
    private const int OptionalParts = 12;
    private const int MaxSampleLines = 200;
    private const int MaxShownPrefix = 100;

    /// <summary>Texts put after the prefix: ordinary messages no failregex is expected to match.</summary>
    private static readonly string[] UnrelatedMessages =
    {
        "session opened for user nobody by (uid=0)",
        "connection closed by peer",
        "~filterlint-probe~",
    };

    public override string Id => RuleIds.SharedPrefixWithoutPrefRegex;

    /// <summary>A common prefix found in one variant.</summary>
    private sealed record SharedPrefix(VariantLintContext Context, int Elements, string Text, int FailRegexCount);

    /// <summary>The variants of the filter that qualify, in mode order (the rule decides at the last mode).</summary>
    private sealed class QualifyingVariants
    {
        public List<SharedPrefix> Found { get; } = new();
    }

    public override void CheckVariant(VariantLintContext context)
    {
        var state = context.FilterState<QualifyingVariants>(Id);
        if (Find(context) is { } found) state.Found.Add(found);
        if (!context.Variant.IsLastMode || state.Found.Count == 0 || context.ReportedForFilter(Id)) return;
        context.MarkReportedForFilter(Id);
        foreach (var candidate in state.Found)
        {
            if (Evidence(candidate) is not { } evidence) continue;
            var message = Message(candidate, state.Found);
            var location = Locate(candidate);
            // Reported through every qualifying mode at one place with one message: the collector keeps one finding listing them.
            foreach (var q in state.Found) q.Context.Report(Id, message, location, evidence);
            return;
        }
    }

    /// <summary>The longest run of leading top-level elements identical in every failregex, if long enough.</summary>
    private static SharedPrefix? Find(VariantLintContext context)
    {
        var variant = context.Variant;
        var fails = variant.FailRegexes;
        if (variant.PrefRegex != null || fails.Count < MinFailRegexes) return null;
        var items = fails.Select(TopLevelElements).ToList();
        // Every failregex keeps at least one element of its own after the prefix.
        var limit = items.Min(i => i.Count) - 1;
        var first = fails[0].Regex.Expanded;
        var shared = 0;
        while (shared < limit)
        {
            var text = items[0][shared].GetText(first);
            var same = true;
            for (var j = 1; j < items.Count && same; j++) same = items[j][shared].GetText(fails[j].Regex.Expanded) == text;
            if (!same) break;
            shared++;
        }
        if (shared == 0) return null;
        var start = items[0][0].Span.Start;
        var prefix = first.Substring(start, items[0][shared - 1].Span.End - start);
        return prefix.Length < MinPrefixLength ? null : new SharedPrefix(context, shared, prefix, fails.Count);
    }

    private static IReadOnlyList<RegexNode> TopLevelElements(LintRegex regex) =>
        regex.Regex.Root is SequenceNode s ? s.Items : new[] { regex.Regex.Root };

    private static string Message(SharedPrefix found, List<SharedPrefix> all)
    {
        var source = PrefixSource(found);
        var shown = source.Length > MaxShownPrefix ? source.Substring(0, MaxShownPrefix) + "…" : source;
        var modes = all.Any(f => f.Context.Variant.Mode != null)
            ? " (mode " + string.Join(", ", all.Select(f => f.Context.Variant.Mode)) + ")"
            : "";
        return "all " + found.FailRegexCount + " failregexes start with the same " + found.Text.Length
            + "-character regex prefix and the filter has no prefregex" + modes
            + ": Fail2Ban matches that prefix once per failregex on every line, " + found.FailRegexCount
            + " times on a line none of them matches. Match it once with 'prefregex = " + shown
            + "<F-CONTENT>.+</F-CONTENT>$' and write the failregexes for the rest (ignoreregexes then see only the F-CONTENT text)";
    }

    /// <summary>The prefix as written in the first failregex's config value (tags not yet expanded).</summary>
    private static string PrefixSource(SharedPrefix found)
    {
        var fail = found.Context.Variant.FailRegexes[0];
        var span = fail.ToSource(ExpandedSpan(found));
        var end = Math.Min(span.End, fail.Source.Text.Length);
        return fail.Source.Text.Substring(0, Math.Max(0, end));
    }

    private static PatternSpan ExpandedSpan(SharedPrefix found)
    {
        var items = TopLevelElements(found.Context.Variant.FailRegexes[0]);
        return PatternSpan.FromBounds(items[0].Span.Start, items[found.Elements - 1].Span.End);
    }

    /// <summary>
    /// Where the prefix starts in the first failregex. A prefix written elsewhere (an interpolated
    /// <c>%(__prefix_line)s</c>, maybe from common.conf) is located at the failregex's own text: the first
    /// text written on the line that holds the rest of the failregex.
    /// </summary>
    private static LintLocation Locate(SharedPrefix found)
    {
        var fail = found.Context.Variant.FailRegexes[0];
        var source = fail.Source;
        var span = fail.ToSource(ExpandedSpan(found));
        var start = source.LocationAt(span.Start);
        var rest = source.LocationAt(Math.Min(span.End, Math.Max(0, source.Text.Length - 1)));
        if (start is not { } s || rest is not { } r || (s.File == r.File && s.Line == r.Line))
            return LintRegex.LocateSource(source, span.Start, span.Length);
        foreach (var segment in source.Segments)
            if (segment.Start.File == r.File && segment.Start.Line == r.Line)
                return LintRegex.LocateSource(source, segment.Offset, 1);
        return LintRegex.LocateSource(source, span.Start, span.Length);
    }

    /// <summary>A line the prefix matches and no failregex does, judged by the real matcher: a sample line, else a generated one.</summary>
    private static LintEvidence? Evidence(SharedPrefix found)
    {
        var context = found.Context;
        var variant = context.Variant;
        Regex prefix;
        try
        {
            var options = RegexOptions.CultureInvariant | (variant.IsMultiLine ? RegexOptions.Multiline : RegexOptions.None);
            prefix = new Regex(PythonRegexTranslator.Translate(found.Text), options, FilterVariant.ProbeTimeout);
        }
        catch (Exception e) when (e is Diagnostics.Fail2BanException or ArgumentException)
        {
            return null;
        }
        var compiled = variant.Compile();
        var dates = FilterProbe.NewDates(variant);
        var explanation = "this line is tried against all " + found.FailRegexCount + " failregexes and matches none: their shared prefix is matched "
            + found.FailRegexCount + " times; with a prefregex it would be matched once";
        foreach (var line in context.SampleLines.Take(MaxSampleLines))
            if (MatchesPrefixOnly(compiled, dates, prefix, line, true))
                return new LintEvidence(LintEvidenceKind.SampleLine, line, explanation);
        foreach (var line in Generated(found))
            if (MatchesPrefixOnly(compiled, dates, prefix, line, false))
                return new LintEvidence(LintEvidenceKind.MissedLine, line, explanation);
        return null;
    }

    /// <summary>
    /// The first failregex's generated text up to the end of the prefix, followed by an unrelated message.
    /// Heads with one optional part of the prefix included come first, longest first (a syslog header with
    /// its daemon reads better than the empty text an all-optional prefix also matches); then seeded ones.
    /// </summary>
    private static IEnumerable<string> Generated(SharedPrefix found)
    {
        var fail = found.Context.Variant.FailRegexes[0];
        var last = TopLevelElements(fail)[found.Elements - 1];
        var prefixSpan = ExpandedSpan(found);
        var generator = new RegexTextGenerator(fail.Tree);
        string? Head(GeneratedText? text)
        {
            if (text is null || !text.Nodes.TryGetValue(last, out var range)) return null;
            var head = text.Text.Substring(0, range.End);
            return head.IndexOf('\n') >= 0 ? null : head;
        }
        var optionals = fail.Regex.Root.DescendantsAndSelf().OfType<QuantifierNode>()
            .Where(q => q.Min == 0 && (q.Max ?? 2) >= 1 && prefixSpan.Contains(q.Span)).Take(OptionalParts);
        var heads = new List<string>();
        if (Head(generator.Generate(0, OwnOptionalsIncluded(fail, found, generator))) is { } own) heads.Add(own);
        heads.AddRange(optionals.Select(q => Head(generator.Generate(0, null, q))).OfType<string>().OrderByDescending(h => h.Length));
        for (var attempt = 0; attempt < GeneratedAttempts; attempt++)
            if (Head(generator.Generate(attempt)) is { } h) heads.Add(h);
        foreach (var head in heads.Distinct(StringComparer.Ordinal))
            foreach (var message in UnrelatedMessages) yield return head + message;
    }

    /// <summary>
    /// Texts for the optional top-level parts of the prefix that hold text written in the filter itself (the
    /// daemon name in <c>__prefix_line</c>): included, they make the line look like the filter's own log.
    /// </summary>
    private static TextOverrides OwnOptionalsIncluded(LintRegex fail, SharedPrefix found, RegexTextGenerator generator)
    {
        var overrides = new TextOverrides();
        var segments = fail.Source.Segments;
        if (segments.Count == 0) return overrides;
        var own = segments[segments.Count - 1].Start.File;
        foreach (var element in TopLevelElements(fail).Take(found.Elements))
        {
            if (element is not QuantifierNode { Min: 0 } q) continue;
            var span = fail.ToSource(q.Span);
            var written = segments.Any(g => g.Start.File == own && g.Offset < span.End && g.Offset + g.Length > span.Start);
            if (written && generator.GenerateNode(q, q) is { } text) overrides.Nodes[q] = text;
        }
        return overrides;
    }

    /// <summary>The matcher reports nothing, ignores nothing and times out nowhere on the line, and the prefix matches its text.</summary>
    private static bool MatchesPrefixOnly(CompiledFilter compiled, DateDetector dates, Regex prefix, string line, bool fromLog)
    {
        var matcher = FilterProbe.NewMatcher(compiled, dates);
        var result = fromLog ? matcher.ProcessLine(line) : matcher.ProcessLine(line, FilterProbe.ProbeTime, FilterProbe.ProbeTimeText);
        if (result.Error != null || result.Entries.Count > 0 || result.IgnoreRegexMatched || result.TimedOut.Count > 0) return false;
        var buffer = result.Tuple.Before + result.Tuple.After;
        try
        {
            return prefix.IsMatch(buffer);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
