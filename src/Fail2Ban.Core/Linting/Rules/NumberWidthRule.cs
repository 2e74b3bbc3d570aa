using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2015: a process id or a port matched with a fixed or bounded number of digits (<c>\[[0-9]{2,5}\]</c>,
/// <c>&lt;HOST&gt;:\d\d\d\d\d</c>). These numbers grow: Linux pids go up to 7 digits (pid_max 4194304) and
/// client ports have 4 or 5 digits depending on the stack and NAT, so the lines with the other widths are
/// missed. Counters grow too: a source line number (<c>on line \d{1,2}</c>, <c>file.c:\d</c>), a connection or
/// operation number (<c>conn=\d</c>), a size or count (<c>\d{1,2} bytes</c>, <c>size=\d</c>, an access log's
/// response size after the status) must accept any width. Only digit runs in such a position are judged; years,
/// status codes and hashes are fixed by nature and skipped. Reported only with proof (a line missed by the
/// filter and matched with <c>\d+</c>).
/// </summary>
internal sealed class NumberWidthRule : LintRule
{
    private const string Replacement = @"\d+";

    private enum NumberKind
    {
        ProcessId,
        Port,
        Counter,
    }

    /// <summary>Labels of numbers that count up without bound: line numbers, connection and operation numbers, sizes, counts.</summary>
    private static readonly string[] CounterLabels =
        { "line", "conn", "connection", "session", "fd", "op", "msgid", "size", "len", "length", "count", "attempts", "tries", "retries", "nrcpts" };

    /// <summary>Units written after a count or a size (<c>\d+ bytes</c>, <c>\d+ seconds</c>).</summary>
    private static readonly string[] CounterUnits =
        { "byte", "second", "sec", "ms", "minute", "hour", "time", "attempt", "tries", "failure", "connection", "request", "line" };

    /// <summary>A source file name and separator before a line number (<c>sofia_reg.c:</c>, <c>mod_auth.c.</c>, <c>login.php:</c>).</summary>
    private static readonly System.Text.RegularExpressions.Regex SourceFileBefore = new(
        @"\w\.(?:c|cc|cpp|h|py|php|pl|pm|rb|go|java|js|erl|lua)[:.(]$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>An access log's quoted request and status code, before the response size (<c>"GET / HTTP/1.1" 401 </c>).</summary>
    private static readonly System.Text.RegularExpressions.Regex StatusBefore = new(
        @"""\s?[1-5]\d\d\s$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public override string Id => RuleIds.NumberWidth;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var seq in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
                foreach (var run in DigitRuns(regex, seq))
                    Check(context, regex, run);
        }
    }

    /// <summary>A run of consecutive digit items (<c>\d</c>, <c>[0-9]{2,5}</c> …) with its total width bounds.</summary>
    private readonly record struct DigitRun(RegexNode First, RegexNode Last, int Min, int? Max);

    private static IEnumerable<DigitRun> DigitRuns(LintRegex regex, SequenceNode seq)
    {
        var items = seq.Items;
        for (var i = 0; i < items.Count; i++)
        {
            if (DigitItem(regex, items[i]) is not { } first) continue;
            var (min, max) = first;
            var j = i;
            while (j + 1 < items.Count && DigitItem(regex, items[j + 1]) is { } next)
            {
                j++;
                min += next.Min;
                max = max is { } m && next.Max is { } n ? m + n : null;
            }
            yield return new DigitRun(items[i], items[j], min, max);
            i = j;
        }
    }

    /// <summary>The width bounds of a digit class or a repeated digit class written in the filter, else null.</summary>
    private static (int Min, int? Max)? DigitItem(LintRegex regex, RegexNode node)
    {
        if (node.Origin != null) return null;
        if (node is CharClassNode && IsDigitSet(regex.Tree.AtomSet(node))) return (1, 1);
        if (node is QuantifierNode { Body: CharClassNode body } q && IsDigitSet(regex.Tree.AtomSet(body))) return (q.Min, q.Max);
        return null;
    }

    private static bool IsDigitSet(ProbeCharSet? set) => set != null && set.All(char.IsDigit) && "0123456789".All(set.Contains);

    private void Check(VariantLintContext context, LintRegex regex, DigitRun run)
    {
        if (Position(regex, run) is not { } kind) return;
        var sample = MissedNumber(kind, run.Min, run.Max);
        if (sample is null) return;
        var source = regex.ToSource(PatternSpan.FromBounds(run.First.Span.Start, run.Last.Span.End));
        var written = regex.Source.Text.Substring(source.Start, source.Length);
        var proof = ProvenSourceEdit.Find<QuantifierNode>(context, regex, source.Start, source.Length, Replacement, source.Start,
            node => new TextOverrides().With(node, sample));
        if (proof is null) return;
        var what = kind switch
        {
            NumberKind.ProcessId => "a process id, and Linux pids have 1 to 7 digits (pid_max 4194304)",
            NumberKind.Port => "a client port, and ports have 4 or 5 digits depending on the client's stack and NAT",
            _ => "a counter (a line or connection number, a size, a count) that grows to any width",
        };
        var message = written + " matches " + Width(run.Min, run.Max) + " where the number is " + what + "; a line with "
            + sample + " there is missed. Use " + Replacement;
        proof.Report(context, Id, regex, message, regex.Locate(PatternSpan.FromBounds(run.First.Span.Start, run.Last.Span.End)),
            "Replace " + written + " with " + Replacement);
    }

    private static string Width(int min, int? max) => max is null ? "at least " + min + " digits"
        : max == min ? "exactly " + min + (min == 1 ? " digit" : " digits")
        : min + " to " + max + " digits";

    /// <summary>A number of the kind that the width bounds reject, or null if every real width is accepted.</summary>
    private static string? MissedNumber(NumberKind kind, int min, int? max)
    {
        bool Accepts(int digits) => digits >= min && (max is null || digits <= max);
        return kind switch
        {
            NumberKind.ProcessId when !Accepts(7) => "2418253",
            NumberKind.ProcessId when !Accepts(1) => "7",
            NumberKind.Port when !Accepts(4) => "5070",
            NumberKind.Port when !Accepts(5) => "50700",
            NumberKind.Counter when !Accepts(1) => "7",
            NumberKind.Counter when !Accepts(4) => "1024",
            _ => null,
        };
    }

    /// <summary>Whether the run stands for a process id (<c>name[1234]</c>, <c>pid 1234</c>) or a port (<c>&lt;HOST&gt;:1234</c>, <c>port=1234</c>).</summary>
    private static NumberKind? Position(LintRegex regex, DigitRun run)
    {
        var before = regex.Tree.Preceding(run.First).FirstOrDefault();
        var after = regex.Tree.Following(run.Last).FirstOrDefault();
        var textBefore = SingleText(regex, before);
        if (textBefore is null) return null;
        if (EndsWithLabel(textBefore, "pid") || EndsWithLabel(textBefore, "ppid")) return NumberKind.ProcessId;
        // The client's port (port=, sport=); a destination port (dport=) is the server's and fixed.
        if (EndsWithLabel(textBefore, "port") || EndsWithLabel(textBefore, "sport")) return NumberKind.Port;
        if (textBefore.EndsWith("[", StringComparison.Ordinal) && SingleText(regex, after) is { } close && close.StartsWith("]", StringComparison.Ordinal)
            && AfterProgramName(regex, before!, textBefore))
            return NumberKind.ProcessId;
        if (IsCounter(textBefore, SingleText(regex, after))) return NumberKind.Counter;
        var separator = textBefore.TrimStart(']');
        if ((separator == ":" || separator == "#") && regex.Tree.Preceding(before!).FirstOrDefault() is { Origin: { } tag } && AddressTags.IsAddress(tag))
            return NumberKind.Port;
        return null;
    }

    /// <summary>
    /// Whether the number between <paramref name="before"/> and <paramref name="after"/> is a counter: after a counter label
    /// (<c>line </c>, <c>conn=</c>, <c>[conn</c>) or a source file name, before a unit (<c> bytes</c>), or an access log's response size.
    /// </summary>
    private static bool IsCounter(string before, string? after)
    {
        var label = before.TrimEnd(' ', '=', ':', '#');
        var start = label.Length;
        while (start > 0 && char.IsLetter(label[start - 1])) start--;
        if (start < label.Length && CounterLabels.Contains(label.Substring(start).ToLowerInvariant())
            && (start == 0 || !char.IsLetterOrDigit(label[start - 1]))) return true;
        if (SourceFileBefore.IsMatch(before) || StatusBefore.IsMatch(before)) return true;
        if (after is null || after.Length < 2 || after[0] != ' ') return false;
        var word = new string(after.Skip(1).TakeWhile(char.IsLetter).ToArray()).ToLowerInvariant();
        return word.Length > 0 && CounterUnits.Any(u => word == u || word == u + "s");
    }

    /// <summary>Whether <paramref name="text"/> ends with the word <paramref name="label"/> and a space or <c>=</c>.</summary>
    private static bool EndsWithLabel(string text, string label)
    {
        if (!text.EndsWith(label + " ", StringComparison.OrdinalIgnoreCase) && !text.EndsWith(label + "=", StringComparison.OrdinalIgnoreCase))
            return false;
        var start = text.Length - label.Length - 1;
        return start == 0 || !char.IsLetter(text[start - 1]);
    }

    /// <summary>Whether the <c>[</c> ending <paramref name="text"/> follows a program name (a name character, or a pattern that reads one).</summary>
    private static bool AfterProgramName(LintRegex regex, RegexNode before, string text)
    {
        if (text.Length > 1) return IsNameChar(text[text.Length - 2]);
        var name = regex.Tree.Preceding(before).FirstOrDefault();
        return name switch
        {
            null => false,
            LiteralNode l => IsNameChar(l.Value[l.Value.Length - 1]),
            _ => regex.Tree.FirstSet(name).Exists(char.IsLetter),
        };
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ')';

    /// <summary>The text of a literal, or the one character of a one-character class (<c>[[]</c>), else null.</summary>
    private static string? SingleText(LintRegex regex, RegexNode? node) => node switch
    {
        LiteralNode l when l.Value.Length > 0 => l.Value,
        CharClassNode c when regex.Tree.AtomSet(c) is { Count: 1 } set => set.Pick()?.ToString(),
        _ => null,
    };
}
