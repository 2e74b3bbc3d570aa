using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1039: a <c>&lt;F-NAME&gt;…&lt;/F-NAME&gt;</c> capture (or a named group) whose body ends or starts with a
/// literal separator (<c>:</c>, <c>,</c>, <c>;</c>), so every captured value carries it (a recipient captured
/// as <c>&lt;x@y&gt;:</c>), in ban actions, statistics and user counting. Reported with the value the real
/// matcher captures on a generated line; the fix moves the separator outside the tag.
/// </summary>
internal sealed class CaptureIncludesSeparatorRule : LintRule
{
    /// <summary>Separators a value does not end with: punctuation, a sentence's full stop, a space.</summary>
    private const string EndSeparators = ":,;. ";

    /// <summary>Separators a value does not start with (a leading dot may be meant: <c>.php</c>).</summary>
    private const string StartSeparators = ":,; ";

    /// <summary>Closing quotes: a separator when the capture does not also open with the same quote.</summary>
    private const string Quotes = "'\"";

    /// <summary>Groups Fail2Ban fills itself (addresses, the prefregex's content): their shape is the tag's, not the filter's.</summary>
    private static readonly HashSet<string> FrameworkGroups = new() { "host", "ip4", "ip6", "dns", "addr", "cidr", "subnet", "content" };

    public override string Id => RuleIds.CaptureIncludesSeparator;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var group in regex.Regex.Root.DescendantsAndSelf().OfType<GroupNode>())
            {
                if (!group.IsCapturing || group.Name is not { } name || FrameworkGroups.Contains(name)) continue;
                if (group.Origin is { } origin && origin.Kind != TagExpansionKind.CustomOpen) continue;
                if (group.Body is not SequenceNode { Items.Count: > 1 } body) continue;
                var opening = body.Items[0] is LiteralNode { Origin: null } first ? first : null;
                if (body.Items[body.Items.Count - 1] is LiteralNode { Origin: null } last && EndsWithSeparator(last.Value, opening))
                    Check(context, regex, group, last, atEnd: true);
                else if (opening != null && StartSeparators.IndexOf(opening.Value[0]) >= 0)
                    Check(context, regex, group, opening, atEnd: false);
            }
        }
    }

    private static bool EndsWithSeparator(string value, LiteralNode? opening)
    {
        if (value.Length == 0) return false;
        var last = value[value.Length - 1];
        return EndSeparators.IndexOf(last) >= 0 || (Quotes.IndexOf(last) >= 0 && opening?.Value[0] != last);
    }

    private void Check(VariantLintContext context, LintRegex regex, GroupNode group, LiteralNode literal, bool atEnd)
    {
        var name = group.Name!;
        var separator = atEnd ? literal.Value[literal.Value.Length - 1] : literal.Value[0];
        bool Carries(string? value) => value is { Length: > 1 } v && (atEnd ? v[v.Length - 1] : v[0]) == separator;
        var through = regex.Kind == FilterRegexKind.Fail ? new[] { regex } : context.Variant.FailRegexes.ToArray();
        foreach (var fail in through)
        {
            var line = context.Probe.Synthesize(fail, null, l => l.Failures.Any(f => Carries(f.Data.GetString(name))), steer: group);
            if (line is null) continue;
            var value = line.Failures.Select(f => f.Data.GetString(name)).First(Carries)!;
            var tag = TagOf(regex, group);
            var shown = Shown(separator);
            var message = (tag ?? "group '" + name + "'") + " captures the " + shown + " " + (atEnd ? "after" : "before")
                + " the value, so every captured " + name + " carries it (here '" + value + "'). Move the " + shown + " "
                + (atEnd ? "after the closing tag" : "before the opening tag");
            var explanation = "the matcher captures " + name + " = '" + value + "' on this line";
            var raw = literal.GetText(regex.Regex.Expanded);
            var separatorText = SeparatorText(raw, separator, atEnd);
            var located = raw.EndsWith(separatorText, StringComparison.Ordinal) || raw.StartsWith(separatorText, StringComparison.Ordinal)
                ? new PatternSpan(atEnd ? literal.Span.End - separatorText.Length : literal.Span.Start, separatorText.Length)
                : literal.Span;
            context.Report(Id, message, regex.Locate(located), new LintEvidence(LintEvidenceKind.MatchedLine, line.Text, explanation),
                Fix(regex, group, separatorText, separator, atEnd));
            return;
        }
    }

    private static string Shown(char separator) => separator switch
    {
        ' ' => "space",
        '\'' => "quote (')",
        '"' => "quote (\")",
        _ => "'" + separator + "'",
    };

    /// <summary>The opening tag (<c>&lt;F-RCPT&gt;</c>) when the group was written as one.</summary>
    private static string? TagOf(LintRegex regex, GroupNode group) =>
        group.Origin is { Kind: TagExpansionKind.CustomOpen } open ? open.Tag : null;

    /// <summary>
    /// Moves the separator (as written: <paramref name="separatorText"/> is <c>:</c> or <c>\:</c>) across the tag
    /// (or parenthesis) next to it, when both are written together on one line.
    /// </summary>
    private static LintFix? Fix(LintRegex regex, GroupNode group, string separatorText, char separator, bool atEnd)
    {
        // A repeated group would repeat the moved separator differently: no mechanical fix.
        if (regex.Tree.Parent(group) is QuantifierNode) return null;
        PatternSpan boundary;
        if (atEnd)
        {
            var close = regex.Regex.TagExpansions.FirstOrDefault(e => e.Kind == TagExpansionKind.CustomClose && e.ExpandedSpan.End == group.Span.End);
            var closeSource = close?.SourceSpan ?? regex.ToSource(new PatternSpan(group.Span.End - 1, 1));
            boundary = PatternSpan.FromBounds(closeSource.Start - separatorText.Length, closeSource.End);
        }
        else
        {
            var openSource = group.Origin is { Kind: TagExpansionKind.CustomOpen } open
                ? open.SourceSpan
                : regex.ToSource(PatternSpan.FromBounds(group.Span.Start, group.Body.Span.Start));
            boundary = PatternSpan.FromBounds(openSource.Start, openSource.End + separatorText.Length);
        }
        if (boundary.Start < 0 || boundary.End > regex.Source.Text.Length) return null;
        var written = regex.Source.Text.Substring(boundary.Start, boundary.Length);
        var n = separatorText.Length;
        if (atEnd ? !written.StartsWith(separatorText, StringComparison.Ordinal) : !written.EndsWith(separatorText, StringComparison.Ordinal)) return null;
        var moved = atEnd ? written.Substring(n) + separatorText : separatorText + written.Substring(0, written.Length - n);
        var edit = regex.EditSource(boundary.Start, boundary.Length, moved);
        return edit is null ? null : new LintFix("Move the " + Shown(separator) + " out of the capture", new[] { edit });
    }

    /// <summary>The separator as written at the end (or start) of the literal: <c>:</c>, or <c>\:</c> when escaped.</summary>
    private static string SeparatorText(string raw, char separator, bool atEnd)
    {
        var escaped = "\\" + separator;
        if (atEnd) return raw.EndsWith(escaped, StringComparison.Ordinal) ? escaped : separator.ToString();
        return raw.StartsWith(escaped, StringComparison.Ordinal) ? escaped : separator.ToString();
    }
}
