using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2013: an access-log request pinned to what one sample showed: one HTTP method before a catch-all
/// path (<c>"GET /.*</c>), one protocol version (<c>HTTP/1\.1</c>, <c>HTTP/1\.[01]</c>), or response sizes
/// after the status (<c>" 401 (1382|1384)</c>). The same failure with POST, HTTP/2.0 or another body size
/// is missed. A method before a specific path (<c>"POST /wp-login\.php</c>) or a tag is the filter's
/// purpose and is left alone, as is a method alternation (<c>(?:GET|POST)</c>). One finding per regex,
/// with a line the filter misses and the regex with <c>[A-Z]+</c>, <c>HTTP/\d(?:\.\d)?</c> and <c>\d+</c>
/// matches, both run in the real matcher.
/// </summary>
internal sealed class PinnedHttpRequestRule : LintRule
{
    private const string AnyMethod = "[A-Z]+";
    private const string AnyVersion = @"\d(?:\.\d)?";
    private const string AnySize = @"\d+";

    public override string Id => RuleIds.PinnedHttpRequest;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            var pins = new List<Pin>();
            foreach (var seq in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
            {
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    if (seq.Items[i] is not LiteralNode literal || literal.Origin != null) continue;
                    if (LiteralSource.Offsets(regex, literal) is not { } offsets) continue;
                    var next = i + 1 < seq.Items.Count ? seq.Items[i + 1] : null;
                    Method(regex, literal.Value, offsets, next, pins);
                    Version(regex, seq, i, offsets, pins);
                    Size(regex, literal.Value, offsets, next, pins);
                }
            }
            if (pins.Count > 0) Check(context, regex, pins);
        }
    }

    /// <summary>
    /// One pinned part: its source edit, what it was, what the proof line has instead, and how the proof line is
    /// written (<see cref="Write"/> sets overrides on the loosened regex's nodes; false when a node is not found).
    /// </summary>
    private sealed record Pin(SourceEdit Edit, string What, string Instead, Func<LooserRegex, TextOverrides, bool> Write)
    {
        /// <summary>The loosened form as the message shows it.</summary>
        public string Display => Edit.NewText == AnyVersion ? "HTTP/" + AnyVersion : Edit.NewText;
    }

    /// <summary>Sets the text of the node of type <typeparamref name="T"/> at an original source offset.</summary>
    private static bool Set<T>(LooserRegex looser, TextOverrides overrides, int offset, string text, int within = 0) where T : RegexNode
    {
        if (looser.NodeAt<T>(offset, within) is not { } node) return false;
        overrides.Nodes[node] = text;
        return true;
    }

    /// <summary><c>"GET /</c> (or <c>"GET </c>) followed by a catch-all path.</summary>
    private static void Method(LintRegex regex, string value, int[] offsets, RegexNode? next, List<Pin> pins)
    {
        for (var q = value.IndexOf('"'); q >= 0; q = value.IndexOf('"', q + 1))
        {
            var m = q + 1;
            while (m < value.Length && value[m] is >= 'A' and <= 'Z') m++;
            if (m - q - 1 < 3 || m >= value.Length || value[m] != ' ') continue;
            var rest = value.Substring(m + 1);
            if (rest != "" && rest != "/") continue;
            if (next is not QuantifierNode { Max: null } path || regex.Tree.AtomSet(path.Body) is not { } set
                || !set.Contains('/') || !set.Contains('a')) continue;
            var method = value.Substring(q + 1, m - q - 1);
            var instead = method == "POST" ? "GET" : "POST";
            var start = offsets[q + 1];
            // A real path in the proof line, with the space before the protocol when the catch-all has to hold it.
            var pathStart = regex.ToSource(path.Span).Start;
            var pathText = (rest == "/" ? "" : "/") + "index.html" + (set.Contains(' ') && NextIsNotSpace(regex, path) ? " " : "");
            pins.Add(new Pin(new SourceEdit(start, offsets[m] - start, AnyMethod), "method " + method, instead,
                (looser, o) => Set<QuantifierNode>(looser, o, start, instead) && Set<QuantifierNode>(looser, o, pathStart, pathText)));
        }
    }

    private static bool NextIsNotSpace(LintRegex regex, RegexNode node) =>
        regex.Tree.Following(node).FirstOrDefault() is { } next && !regex.Tree.FirstSet(next).Contains(' ');

    /// <summary><c>HTTP/1.1</c>, <c>HTTP/1\.1</c>, <c>HTTP/1\.[01]</c>: the version's major number pinned to 1.</summary>
    private static void Version(LintRegex regex, SequenceNode seq, int index, int[] offsets, List<Pin> pins)
    {
        var value = ((LiteralNode)seq.Items[index]).Value;
        for (var at = value.IndexOf("HTTP/1", System.StringComparison.Ordinal); at >= 0; at = value.IndexOf("HTTP/1", at + 1, System.StringComparison.Ordinal))
        {
            var h = at + 5;
            int? end = null;
            if (h + 2 < value.Length && value[h + 1] == '.' && char.IsDigit(value[h + 2]))
                end = offsets[h + 3];
            else if (h + 2 == value.Length && value[h + 1] == '.')
                end = DigitAfter(regex, seq, index + 1);
            else if (h + 1 == value.Length && index + 1 < seq.Items.Count && seq.Items[index + 1] is AnyCharNode)
                end = DigitAfter(regex, seq, index + 2);
            if (end is not { } e) continue;
            var written = regex.Source.Text.Substring(offsets[at], e - offsets[at]);
            var start = offsets[h];
            pins.Add(new Pin(new SourceEdit(start, e - start, AnyVersion), "protocol " + written, "HTTP/2.0",
                (looser, o) => Set<CharClassNode>(looser, o, start, "2") && Set<QuantifierNode>(looser, o, start, ".0", 2)));
        }
    }

    /// <summary>The source end of a single digit (a digit class, or the first character of a literal) at <paramref name="index"/>.</summary>
    private static int? DigitAfter(LintRegex regex, SequenceNode seq, int index)
    {
        if (index >= seq.Items.Count) return null;
        var item = seq.Items[index];
        if (item is CharClassNode c && regex.Tree.AtomSet(c) is { } set && set.All(char.IsDigit)) return regex.ToSource(c.Span).End;
        if (item is LiteralNode l && l.Value.Length > 0 && char.IsDigit(l.Value[0]) && LiteralSource.Offsets(regex, l) is { } o) return o[1];
        return null;
    }

    /// <summary><c>" 401 1382</c> or <c>" 401 (1382|1384)</c>: response sizes pinned after a status code.</summary>
    private static void Size(LintRegex regex, string value, int[] offsets, RegexNode? next, List<Pin> pins)
    {
        for (var q = value.IndexOf("\" ", System.StringComparison.Ordinal); q >= 0; q = value.IndexOf("\" ", q + 1, System.StringComparison.Ordinal))
        {
            var s = q + 2;
            if (s + 4 > value.Length || !value.Substring(s, 3).All(char.IsDigit) || value[s + 3] != ' ') continue;
            var d = s + 4;
            var e = d;
            while (e < value.Length && char.IsDigit(value[e])) e++;
            if (e > d && (e == value.Length || !char.IsLetterOrDigit(value[e])))
            {
                var sizes = value.Substring(d, e - d);
                var start = offsets[d];
                pins.Add(new Pin(new SourceEdit(start, offsets[e] - start, AnySize), "response size " + sizes, "another size",
                    (looser, o) => Set<QuantifierNode>(looser, o, start, OtherSize(new[] { sizes }))));
            }
            else if (e == d && d == value.Length && next is GroupNode { IsLookaround: false } g && Numbers(g) is { } numbers)
            {
                var span = regex.ToSource(g.Span);
                pins.Add(new Pin(new SourceEdit(span.Start, span.Length, AnySize), "response size " + string.Join("|", numbers), "another size",
                    (looser, o) => Set<QuantifierNode>(looser, o, span.Start, OtherSize(numbers))));
            }
        }
    }

    /// <summary>The numbers of a group that is an alternation of numbers only, else null.</summary>
    private static string[]? Numbers(GroupNode group)
    {
        if (group.Body is not AlternationNode a) return null;
        var numbers = new List<string>();
        foreach (var alt in a.Alternatives)
        {
            if (alt.Items.Count != 1 || alt.Items[0] is not LiteralNode { Origin: null } l || l.Value.Length == 0 || !l.Value.All(char.IsDigit)) return null;
            numbers.Add(l.Value);
        }
        return numbers.ToArray();
    }

    private static string OtherSize(IEnumerable<string> taken)
    {
        var set = new HashSet<string>(taken);
        for (var n = 1400; ; n += 7) if (!set.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture))) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Check(VariantLintContext context, LintRegex regex, List<Pin> pins)
    {
        var looser = LooserRegex.Create(context.Variant, regex, pins.Select(p => p.Edit));
        if (looser is null) return;
        var overrides = new TextOverrides();
        foreach (var p in pins) if (!p.Write(looser, overrides)) return;
        var message = "the request is pinned to one sample's " + Join(pins.Select(p => p.What)) + ": the same failure with "
            + Join(pins.Select(p => p.Instead), "or") + " is missed. Use " + Join(pins.Select(p => p.Display)) + " instead";
        looser.Report(context, Id, looser.Location(), message, overrides, Join(pins.Select(p => p.Display)));
    }

    private static string Join(IEnumerable<string> parts, string last = "and")
    {
        var list = parts.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " " + last + " " + list[list.Count - 1];
    }
}
