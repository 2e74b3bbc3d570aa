using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2005: a regex or datepattern written for JSON (<c>"key": "value"</c>) that requires a literal space after a
/// key's <c>":</c> or after the <c>,</c> between members. JSON writers differ: most write compact JSON
/// (<c>"key":"value"</c>), Python's default writes <c>"key": "value"</c>, so the lines of the other form are
/// missed. Only the required-space form is reported (<c>\s*</c> accepts both). For a regex the proof is a compact
/// line the filter misses and the fixed regex matches, both run in the real matcher; the fix is <c>":\s*</c>.
/// </summary>
internal sealed class JsonFixedSpacingRule : LintRule
{
    public override string Id => RuleIds.JsonFixedSpacing;

    public override void CheckVariant(VariantLintContext context)
    {
        var json = false;
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore || !IsJson(regex)) continue;
            json = true;
            var spaces = RequiredSpaces(regex).ToList();
            if (spaces.Count > 0) CheckRegex(context, regex, spaces);
        }
        // A datepattern holds one member at most: it is JSON when the filter's regexes are.
        if (json && context.Variant.Filter.DatePattern is { } datePattern) CheckDatePattern(context, datePattern);
    }

    /// <summary>
    /// JSON, not prose with a quoted word (<c>user "bob": failed</c>): an object's <c>{"</c>, or two <c>"key":</c>
    /// members in the regex's literals.
    /// </summary>
    private static bool IsJson(LintRegex regex)
    {
        var members = 0;
        foreach (var literal in regex.Regex.Root.DescendantsAndSelf().OfType<LiteralNode>())
        {
            if (literal.Origin != null) continue;
            if (literal.Value.Contains("{\"")) return true;
            var raw = literal.GetText(regex.Regex.Expanded);
            for (var i = 0; i + 1 < raw.Length; i++)
                if (raw[i] == '"' && raw[i + 1] == ':' && IsKeyEnd(raw, i)) members++;
        }
        return members >= 2;
    }

    /// <summary>A required space in JSON text: its offset in the searched text and the compact replacement of <see cref="Written"/>.</summary>
    private readonly record struct JsonSpace(int Offset, string Written, string Flexible);

    /// <summary>The required spaces of the regex's JSON members, as source offsets (only those written literally in one place).</summary>
    private static IEnumerable<JsonSpace> RequiredSpaces(LintRegex regex)
    {
        var expanded = regex.Regex.Expanded;
        var literals = regex.Regex.Root.DescendantsAndSelf().OfType<LiteralNode>().Where(l => l.Origin is null).ToList();
        foreach (var literal in literals)
        {
            var text = literal.GetText(expanded);
            foreach (var space in Find(text))
                if (InSource(regex, new PatternSpan(literal.Span.Start + space.Offset, space.Written.Length), space.Written) is { } offset)
                    yield return space with { Offset = offset };
            // "key":\s+ (or ": +"): at least one white space required after the colon.
            if (text.EndsWith("\":", StringComparison.Ordinal) && IsKeyEnd(text, text.Length - 2)
                && NextItem(regex, literal) is { } next && RequiresWhiteSpace(regex, next))
            {
                var written = next.GetText(expanded);
                if (InSource(regex, next.Span, written) is { } offset) yield return new JsonSpace(offset, written, "\\s*");
            }
        }
    }

    /// <summary>The source offset of an expanded span when the source holds exactly <paramref name="written"/> there.</summary>
    private static int? InSource(LintRegex regex, PatternSpan span, string written)
    {
        var source = regex.ToSource(span);
        return source.Length == written.Length && string.CompareOrdinal(regex.Source.Text, source.Start, written, 0, source.Length) == 0
            ? source.Start
            : null;
    }

    private static RegexNode? NextItem(LintRegex regex, LiteralNode literal) =>
        regex.Tree.Parent(literal) is SequenceNode sequence && sequence.Items.ToList().IndexOf(literal) is var i && i >= 0 && i + 1 < sequence.Items.Count
            ? sequence.Items[i + 1]
            : null;

    /// <summary><c>\s</c>, <c>\s+</c>, <c> +</c>, <c>\s{1,}</c>: one or more white space characters and nothing else.</summary>
    private static bool RequiresWhiteSpace(LintRegex regex, RegexNode node)
    {
        var atom = node is QuantifierNode { Min: >= 1 } q ? q.Body : node;
        if (atom.Origin != null || regex.Tree.AtomSet(atom) is not { } set) return false;
        return set.Contains(' ') && set.All(char.IsWhiteSpace);
    }

    /// <summary>
    /// <c>"key": </c> (a key of word characters, its closing quote, possibly escaped, colon and space) and <c>, </c>
    /// before the next member's quote (after a value's end, or at the start of a literal that follows a value group).
    /// </summary>
    private static IEnumerable<JsonSpace> Find(string text)
    {
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] == '"' && text[i + 1] == ':' && text[i + 2] == ' ' && IsKeyEnd(text, i))
                yield return new JsonSpace(i + 1, ": ", ":\\s*");
            else if (text[i] == ',' && text[i + 1] == ' ' && NextIsQuote(text, i + 2) && (i == 0 || text[i - 1] is '"' or '}' or ']' || char.IsDigit(text[i - 1])))
                yield return new JsonSpace(i, ", ", ",\\s*");
        }
    }

    private static bool NextIsQuote(string text, int i) => text[i] == '"' || (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"');

    private static bool HasMember(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
            if (text[i] == '"' && text[i + 1] == ':' && IsKeyEnd(text, i)) return true;
        return false;
    }

    /// <summary>Whether the quote at <paramref name="quote"/> closes a key: <c>"</c> then word characters (quotes may be escaped: <c>\"key\"</c>).</summary>
    private static bool IsKeyEnd(string text, int quote)
    {
        var k = quote - 1;
        if (k >= 0 && text[k] == '\\') k--;
        var wordEnd = k;
        while (k >= 0 && (char.IsLetterOrDigit(text[k]) || text[k] is '_' or '-' or '.')) k--;
        return k >= 0 && k < wordEnd && text[k] == '"';
    }

    private void CheckRegex(VariantLintContext context, LintRegex regex, List<JsonSpace> spaces)
    {
        // Edit from the end, so earlier offsets stay valid.
        var changed = regex;
        foreach (var space in spaces.OrderByDescending(s => s.Offset))
        {
            changed = changed.WithSourceEdit(context.Variant, space.Offset, space.Written.Length, space.Flexible);
            if (changed is null) return;
        }
        var found = MissedLineSearch.Find(context, regex, changed, new TextOverrides());
        if (found is not { } evidence) return;
        var first = spaces.OrderBy(s => s.Offset).First();
        var message = Describe(first) + " a compact JSON line (\"key\":\"value\", as most JSON loggers write) is missed. Use "
            + string.Join(" and ", spaces.Select(s => s.Flexible.Trim()).Distinct()) + " to accept both forms";
        var explanation = (evidence.FromSample ? "this sample line is missed" : "the filter misses this compact line")
            + "; with \\s* it matches and bans " + evidence.Address;
        context.Report(Id, message, LintRegex.LocateSource(regex.Source, first.Offset, first.Written.Length),
            new LintEvidence(LintEvidenceKind.MissedLine, evidence.Line, explanation) { BannedAddress = evidence.Address },
            Fix(spaces.Select(s => regex.EditSource(s.Offset, s.Written.Length, s.Flexible))));
    }

    private static string Describe(JsonSpace first) =>
        (first.Written[0] == ',' ? "this JSON pattern requires a space after ','" : "this JSON pattern requires a space after a key's '\":'")
        + " (Python's json.dumps style), so";

    private static LintFix? Fix(IEnumerable<LintTextEdit?> edits)
    {
        var list = edits.ToList();
        return list.Any(e => e is null) ? null : new LintFix("Accept both JSON spacings with \\s*", list.Select(e => e!).ToList());
    }

    /// <summary>The datepattern is not a failregex: a compact line is checked with the date detector (the probe's "now" date rendered in it).</summary>
    private void CheckDatePattern(VariantLintContext context, LocatedString datePattern)
    {
        if (!HasMember(datePattern.Text)) return;
        var spaces = Find(datePattern.Text).ToList();
        if (spaces.Count == 0) return;
        var flexible = datePattern.Text;
        foreach (var space in spaces.OrderByDescending(s => s.Offset))
            flexible = flexible.Substring(0, space.Offset) + space.Flexible + flexible.Substring(space.Offset + space.Written.Length);
        var evidence = DateEvidence(datePattern.Text, flexible);
        if (evidence is null) return;
        var first = spaces[0];
        var message = Describe(first).Replace("this JSON pattern", "this JSON datepattern") + " no time is found in a compact JSON line "
            + "(\"key\":\"value\", as most JSON loggers write). Use " + first.Flexible.Trim() + " to accept both forms";
        var edits = spaces.Select(s => EditAt(datePattern, s)).ToList();
        context.Report(Id, message, LintRegex.LocateSource(datePattern, first.Offset, first.Written.Length),
            new LintEvidence(LintEvidenceKind.MissedLine, evidence, "the datepattern finds no time in this compact line; with \\s* it finds one"),
            Fix(edits));
    }

    private static LintTextEdit? EditAt(LocatedString text, JsonSpace space)
    {
        var start = text.LocationAt(space.Offset);
        var end = text.LocationAt(space.Offset + space.Written.Length - 1);
        if (start is not { } s || end is not { } e || s.File != e.File || s.Line != e.Line || e.Column - s.Column != space.Written.Length - 1) return null;
        return new LintTextEdit(s.File, s.Line, s.Column, space.Written, space.Flexible);
    }

    /// <summary>
    /// A compact JSON text holding the probe's date in the datepattern's shape, that the flexible datepattern
    /// finds a time in and the written one does not; null when none is found.
    /// </summary>
    private static string? DateEvidence(string written, string flexible)
    {
        var rendered = RenderDate(written);
        if (rendered is null) return null;
        var compact = rendered;
        foreach (var space in Find(rendered).OrderByDescending(s => s.Offset))
            compact = compact.Substring(0, space.Offset) + space.Written.Replace(" ", "") + compact.Substring(space.Offset + space.Written.Length);
        try
        {
            var line = "{" + compact + "}";
            var settings = new Dates.DateDetectorSettings { Now = FilterProbe.ProbeTime };
            if (new Dates.DateDetector(written, settings).Match(line) != null) return null;
            return new Dates.DateDetector(flexible, settings).Match(line) != null ? line : null;
        }
        catch (Exception e) when (e is Diagnostics.Fail2BanException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Values of the date directives for the probe's "now" (2005-08-14 12:00:00 UTC).</summary>
    private static readonly Dictionary<char, string> DirectiveValues = new()
    {
        ['Y'] = "2005", ['y'] = "05", ['m'] = "08", ['d'] = "14", ['e'] = "14", ['H'] = "12", ['I'] = "12", ['M'] = "00",
        ['S'] = "00", ['f'] = "000000", ['b'] = "Aug", ['B'] = "August", ['a'] = "Sun", ['A'] = "Sunday", ['p'] = "PM",
        ['z'] = "+0000", ['Z'] = "UTC", ['s'] = "1124020800",
    };

    /// <summary>
    /// The text a datepattern matches for the probe's date (<see cref="Probing.DatePatternStamp.Text"/>). Null for a
    /// pattern this cannot render.
    /// </summary>
    private static string? RenderDate(string datePattern) =>
        datePattern.Contains('{') || datePattern.Contains('\n') ? null : Probing.DatePatternStamp.Text(datePattern, DirectiveValues);
}
