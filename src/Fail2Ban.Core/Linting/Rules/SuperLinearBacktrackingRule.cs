using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Linting.Probing;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B4001: repeats that can match the same text in several ways (nested, <c>(?:[^x]+ )*</c>; adjacent,
/// <c>\s*\s+</c>, <c>.* .*</c>; or a catch-all in a regex that is not anchored, so every start position
/// scans the line) make a crafted line that almost matches take super-linear time in Fail2Ban's engine
/// (Python's <c>re</c>, a backtracking matcher), and Fail2Ban processes lines one at a time. Candidates come
/// from the syntax tree; each is judged by counting the steps of Python's search on a pumped line
/// (<see cref="BacktrackingCounter"/>) for growing lengths, not by timing: the growth class (exponential:
/// error; polynomial of degree d: warning) and the calibrated steps per second of CPython give the line
/// length at which one line costs a second. The attack line is a line the daemon would log (the regex's
/// witness with the pump in the attacker's field), and the message names that field.
/// </summary>
internal sealed class SuperLinearBacktrackingRule : LintRule
{
    /// <summary>Characters that end the pump and make the line fail, printable first (a tie keeps the first).</summary>
    private static readonly string[] Suffixes = { "!", "\u0001", "", "\"", " x" };

    /// <summary>Characters that pad the line to the regex's minimum length, printable first: the first that keeps the line failing.</summary>
    private static readonly char[] PadChars = { '~', '#', '\u0001' };

    /// <summary>Steps one counted search may take (a few ms here); growth is fitted below it and extrapolated.</summary>
    private const long Budget = 30_000;

    /// <summary>Measurements already made (the same regex appears in several modes).</summary>
    private static readonly ConcurrentDictionary<string, Measurement?> Cache = new(StringComparer.Ordinal);

    public override string Id => RuleIds.SuperLinearBacktracking;

    internal enum Shape { Nested, Adjacent, UnanchoredScan }

    internal sealed record Candidate(Shape Shape, RegexNode Node, RegexNode? Other, string Unit);

    /// <summary>
    /// A pumped line (<c>Prefix + Unit x n + Suffix + Pad</c>) and how its search grows. The pad (printable where a printable character keeps the line failing, else <c>\x01</c>)
    /// makes the line as long as the shortest match: Python fails a shorter line at once.
    /// </summary>
    private sealed record Measurement(string Prefix, string Unit, string Suffix, string Pad, BacktrackingGrowth Growth)
    {
        public int LengthOf(int count) => Prefix.Length + count * Unit.Length + Suffix.Length + Pad.Length;
    }

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            // The prefregex matches the log's own header (time, host, daemon), which a client does not write.
            if (regex.Kind == FilterRegexKind.Prefix) continue;
            var candidates = Candidates(regex).Where(c => IsWrittenInRegexFile(regex, c.Node)).ToList();
            if (candidates.Count == 0) continue;
            var witness = regex.Kind == FilterRegexKind.Fail ? context.Probe.Witness(regex) : null;
            var generator = new RegexTextGenerator(regex.Tree);
            var counter = new BacktrackingCounter(regex.Tree);
            var seen = new HashSet<(string, string)>();
            foreach (var candidate in candidates)
            {
                // The daemon's line up to the field when the witness holds it, else a generated line through it.
                var inWitness = witness?.RangeOf(candidate.Node) != null;
                var generated = inWitness ? witness!.FailText : generator.Generate(0, steer: candidate.Node) ?? generator.Generate(0);
                var prefix = Prefix(generated, candidate.Node);
                if (!seen.Add((candidate.Unit, prefix))) continue;
                var measured = Measure(context.Options, regex, counter, candidate, prefix);
                if (measured is null) continue;
                var growth = measured.Growth;
                var oneSecond = growth.CountForSeconds(1);
                var shown = Math.Min(oneSecond, Math.Max(1, context.Options.SlowInputLength / Math.Max(1, measured.Unit.Length)));
                var seconds = growth.PredictSeconds(shown);
                var exponential = growth.Class == GrowthClass.Exponential;
                var clientFills = exponential || ClientFillsFreely(regex, candidate);
                var message = Message(regex, candidate, measured, oneSecond)
                    + (clientFills ? ""
                        : IsHttpLine(regex) && BeforeClientAddress(regex, candidate)
                            ? " (a note: the server writes this part before the client's address, e.g. its virtual host name, which holds client text only where the log format writes the request's Host header, Apache's %V)"
                            : " (a note: this part is not a field the client fills with free text, such as a user name, a quoted value, a catch-all or an HTTP request, so a line this long is unlikely)");
                context.Report(Id, message, regex.Locate(candidate.Node),
                    new LintEvidence(LintEvidenceKind.SlowInput, Display(inWitness ? witness : null, candidate.Node, measured, shown),
                        "predicted time of Python's re.search on this line: " + Duration(seconds) + "; steps counted: "
                        + growth.Describe(measured.LengthOf) + "; the whole line: "
                        + Reproduction(Head(inWitness ? witness : null, candidate.Node, measured), measured.Unit, shown, measured.Suffix, measured.Pad))
                    {
                        MatchMilliseconds = seconds * 1000,
                        LineLength = Head(inWitness ? witness : null, candidate.Node, measured).Length - measured.Prefix.Length + measured.LengthOf(shown),
                    },
                    severity: exponential ? LintSeverity.Error : clientFills ? LintSeverity.Warning : LintSeverity.Info);
                break;
            }
        }
    }

    /// <summary>
    /// Whether the client can make the pumped part long: it lies in a field the client fills with free text (a user
    /// name, a quoted value, a catch-all, the request path), or the line is an HTTP request, whose host, path, referrer and agent are the
    /// client's up to the server's request limit (8 KB), after the client's address (before it, the server writes its
    /// virtual host name). A quadratic over the daemon's own key=value text (slapd's
    /// <c>RESULT tag= err=</c>) or over an SMTP address (at most 256 characters) costs nothing in practice.
    /// </summary>
    private static bool ClientFillsFreely(LintRegex regex, Candidate c)
    {
        var parts = c.Other is null ? new[] { c.Node } : new[] { c.Node, c.Other };
        if (ClientField.Find(regex).Any(f => parts.Any(p => regex.Tree.IsWithin(p, f.Node) || regex.Tree.IsWithin(f.Node, p)))) return true;
        var field = Field(regex, c.Node);
        if (field.StartsWith("the quoted", StringComparison.Ordinal) || field == "the request path") return true;
        // What an access log writes before the client's address is the server's (its virtual host name).
        return IsHttpLine(regex) && !BeforeClientAddress(regex, c);
    }

    private static bool IsHttpLine(LintRegex regex) =>
        regex.Regex.Root.DescendantsAndSelf().OfType<LiteralNode>()
            .Any(l => l.Value.Contains("GET") || l.Value.Contains("POST") || l.Value.Contains("HTTP"))
        || QuotedRequestMethod.IsMatch(regex.Regex.Expanded);

    /// <summary>Whether the repeated parts lie wholly before the regex's first address tag.</summary>
    private static bool BeforeClientAddress(LintRegex regex, Candidate c) =>
        regex.AddressTags().FirstOrDefault() is { } client
        && c.Node.Span.End <= client.ExpandedSpan.Start && (c.Other is null || c.Other.Span.End <= client.ExpandedSpan.Start);

    /// <summary>An access log's quoted request line read with a method class: <c>"[A-Z]{3,10} </c>, <c>"[A-Z]+ </c>.</summary>
    private static readonly System.Text.RegularExpressions.Regex QuotedRequestMethod =
        new(@"""\[A-Z\](?:\{\d+(?:,\d*)?\}|\+)(?: |\s)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Parts written in an include (common.conf's <c>__prefix_line</c> and the like) match the syslog header,
    /// not text a client chooses; only parts written where the regex itself is are candidates.
    /// </summary>
    private static bool IsWrittenInRegexFile(LintRegex regex, RegexNode node)
    {
        var home = regex.Source.LocationAt(0)?.File;
        var at = regex.Locate(node).File;
        return home != null && home == at;
    }

    private static string Message(LintRegex regex, Candidate c, Measurement m, int oneSecond)
    {
        var text = c.Node.GetText(regex.Regex.Expanded);
        var g = m.Growth;
        var growth = g.Class == GrowthClass.Exponential
            ? "exponential time (the work doubles with every " + DoublingChars(g, m.Unit) + ")"
            : "polynomial time of degree " + Math.Round(g.Degree) + " (twice the text, " + Math.Round(Math.Pow(2, g.Degree)) + " times the work)";
        var cost = ": in Fail2Ban's engine (Python's re) a line of " + m.LengthOf(oneSecond) + " characters with " + Field(regex, c.Node)
            + " filled by an attacker costs one second, and Fail2Ban handles lines one at a time";
        return c.Shape switch
        {
            Shape.Nested => text + " repeats a part that can itself split the same text in many ways, so a line that almost matches takes "
                + growth + cost + ". Make the repeated part unable to match its own separator",
            Shape.Adjacent => text + " and " + c.Other!.GetText(regex.Regex.Expanded) + " can both match '" + Printable(c.Unit)
                + "', so a long run of it is split every possible way before the match fails: " + growth + cost
                + ". Make the repeats exclusive",
            _ => "the regex is not anchored and " + text + " scans to the end of the line from every start position: " + growth + cost
                + ". Start it with ^",
        };
    }

    private static string DoublingChars(BacktrackingGrowth g, string unit)
    {
        var units = Math.Log(2) / Math.Log(Math.Max(1.0001, g.Factor));
        var chars = Math.Max(1, (int)Math.Round(units * unit.Length));
        return chars == 1 ? "added character" : chars.ToString(CultureInfo.InvariantCulture) + " added characters";
    }

    private static string Duration(double seconds) =>
        seconds >= 3600 * 24 * 365 ? "more than a year"
        : seconds >= 1 ? Math.Round(seconds, seconds < 10 ? 1 : 0).ToString(CultureInfo.InvariantCulture) + " s"
        : Math.Round(seconds * 1000, 1).ToString(CultureInfo.InvariantCulture) + " ms";

    /// <summary>
    /// The field the attacker fills, from the text written before the repeated part: a request path after an HTTP
    /// method, a quoted value (<c>the quoted input="…" field</c>), a labelled value, or the text after a literal.
    /// </summary>
    internal static string Field(LintRegex regex, RegexNode node)
    {
        foreach (var before in regex.Tree.Preceding(node))
        {
            var written = before.GetText(regex.Regex.Expanded);
            if (written.Contains("GET") || written.Contains("POST")) return "the request path";
            if (before is not LiteralNode literal) continue;
            var value = literal.Value;
            var trimmed = value.TrimEnd();
            if (trimmed.Length == 0) continue;
            var quote = trimmed[trimmed.Length - 1];
            var body = quote is '"' or '\'' or '[' or '(' or '<' ? trimmed.Substring(0, trimmed.Length - 1) : trimmed;
            var word = LastWord(body);
            if (body.EndsWith("=", StringComparison.Ordinal) && word != null)
                return body.Length < trimmed.Length ? "the quoted " + word + "=" + quote + "\u2026" + Closing(quote) + " field" : "the " + word + "= field";
            if (body.Length < trimmed.Length)
                return "the quoted field after '" + Tail(trimmed) + "'";
            return "the text after '" + Tail(trimmed) + "'";
        }
        return "the start of the message";
    }

    private static string? LastWord(string text)
    {
        var end = text.TrimEnd('=', ':', ' ').Length;
        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '-')) start--;
        return start == end ? null : text.Substring(start, end - start);
    }

    private static char Closing(char open) => open switch { '[' => ']', '(' => ')', '<' => '>', _ => open };

    private static string Tail(string text) => text.Length <= 24 ? text : "\u2026" + text.Substring(text.Length - 24);

    /// <summary>The attack line: the daemon's line (the witness) up to the field, the pump, the suffix that makes it fail.</summary>
    private static string Display(ProbeLine? witness, RegexNode node, Measurement m, int count)
    {
        var head = Head(witness, node, m);
        // A short line (an exponential case) is printed whole, for `filterlint regex 'LINE' FILTER`; a long one in short.
        var whole = head + Repeat(m.Unit, count) + m.Suffix + m.Pad;
        if (whole.Length <= MaxWholeLine && whole.All(c => c >= ' ' && c != '\u007f')) return whole;
        return Printable(head) + "<'" + Printable(m.Unit) + "' x " + count + ">" + Printable(m.Suffix)
            + (m.Pad.Length > 0 ? "<'" + Printable(m.Pad.Substring(0, 1)) + "' x " + m.Pad.Length + ">" : "");
    }

    /// <summary>The longest attack line printed whole.</summary>
    private const int MaxWholeLine = 200;

    private static string Head(ProbeLine? witness, RegexNode node, Measurement m) =>
        witness?.RangeOf(node) is { } r ? witness.Text.Substring(0, r.Start) : m.Prefix;

    /// <summary>
    /// A shell command that writes the whole attack line to a file, for fail2ban-regex or <c>filterlint regex</c>
    /// (the line is thousands of characters long, so the evidence shows it in short).
    /// </summary>
    internal static string Reproduction(string head, string unit, int count, string suffix, string pad) =>
        "python3 -c 'print(" + PythonString(head) + " + " + PythonString(unit) + " * " + count.ToString(CultureInfo.InvariantCulture)
        + (suffix.Length > 0 ? " + " + PythonString(suffix) : "")
        + (pad.Length > 0 ? " + " + PythonString(pad.Substring(0, 1)) + " * " + pad.Length.ToString(CultureInfo.InvariantCulture) : "") + ")' > attack.log";

    /// <summary>A Python string literal that survives a shell's single quotes (a quote is written <c>\x27</c>).</summary>
    private static string PythonString(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            if (c is '\\' or '"') sb.Append('\\').Append(c);
            else if (c < ' ' || c == '\'' || c == 127) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    private static string Printable(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s) sb.Append(c < ' ' ? "\\x" + ((int)c).ToString("X2") : c.ToString());
        return sb.ToString();
    }

    private static string Prefix(GeneratedText? generated, RegexNode node) =>
        generated != null && generated.Nodes.TryGetValue(node, out var r) ? generated.Text.Substring(0, r.Start) : "";

    private static Measurement? Measure(LintOptions options, LintRegex regex, BacktrackingCounter counter, Candidate candidate, string prefix)
    {
        var key = regex.Regex.DotNetPattern + "\u0000" + regex.Regex.Options + "\u0000" + candidate.Unit + "\u0000" + prefix;
        return Cache.GetOrAdd(key, _ => MeasureUncached(options, counter, candidate.Unit, prefix));
    }

    /// <summary>
    /// The suffix that makes the pumped line fail with the most work, then the growth of the work with the pump;
    /// null when it is linear or a line of <see cref="LintOptions.SlowInputLength"/> characters stays under the threshold.
    /// </summary>
    private static Measurement? MeasureUncached(LintOptions options, BacktrackingCounter counter, string unit, string prefix)
    {
        // A line as long as \w{999999999} demands is not built (found by fuzzing: a gigabyte pad per suffix).
        if (counter.MinWidth > Diagnostics.EngineLimits.MaxGeneratedTextLength) return null;
        string? worst = null;
        long most = -1;
        foreach (var suffix in Suffixes)
        {
            // The crafted line must fail (a match ends the search early, there is nothing to backtrack).
            var r = counter.Search(prefix + Repeat(unit, 16) + suffix + Pad(counter, prefix, unit, suffix), Budget);
            if (r.Matched) continue;
            if (r.Stopped) return Grow(options, counter, unit, prefix, suffix);
            if (r.Steps > most) (worst, most) = (suffix, r.Steps);
        }
        return worst is null ? null : Grow(options, counter, unit, prefix, worst);
    }

    private static string Pad(BacktrackingCounter counter, string prefix, string unit, string suffix)
    {
        var length = Math.Max(0, counter.MinWidth - prefix.Length - suffix.Length);
        if (length == 0) return "";
        foreach (var c in PadChars)
        {
            var pad = new string(c, length);
            if (c == PadChars[PadChars.Length - 1] || !counter.Search(prefix + Repeat(unit, 16) + suffix + pad, Budget).Matched) return pad;
        }
        return new string(PadChars[PadChars.Length - 1], length);
    }

    private static Measurement? Grow(LintOptions options, BacktrackingCounter counter, string unit, string prefix, string suffix)
    {
        var maxCount = Count(unit, options.SlowInputLength);
        var pad = Pad(counter, prefix, unit, suffix);
        var growth = BacktrackingGrowth.Measure(counter, n => prefix + Repeat(unit, n) + suffix + pad, maxCount, Budget);
        if (growth is null || growth.Class == GrowthClass.Linear) return null;
        var m = new Measurement(prefix, unit, suffix, pad, growth);
        // A line of the usual maximum length must cost more than the threshold (a slow quadratic over short fields is not worth a finding).
        var atLength = Count(unit, options.SlowInputLength - prefix.Length - suffix.Length - pad.Length);
        return growth.PredictSeconds(atLength) * 1000 >= options.SlowMatchThreshold.TotalMilliseconds ? m : null;
    }

    private static int Count(string unit, int chars) => Math.Max(1, chars / Math.Max(1, unit.Length));

    private static string Repeat(string unit, int count)
    {
        var sb = new StringBuilder(unit.Length * count);
        for (var i = 0; i < count; i++) sb.Append(unit);
        return sb.ToString();
    }

    internal static IEnumerable<Candidate> Candidates(LintRegex regex)
    {
        var tree = regex.Tree;
        var repeats = regex.Regex.Root.DescendantsAndSelf().OfType<QuantifierNode>()
            .Where(q => q.Origin is null && IsUnbounded(q) && !tree.InLookaround(q)).ToList();
        foreach (var outer in repeats)
        {
            foreach (var inner in outer.Body.DescendantsAndSelf().OfType<QuantifierNode>())
            {
                if (!IsUnbounded(inner) || inner.Origin != null || SetOf(tree, inner.Body) is not { } set) continue;
                if (!OtherPartsAbsorbed(tree, outer.Body, inner, set)) continue;
                var body = new RegexTextGenerator(tree).GenerateNode(outer.Body, include: inner.Min == 0 ? inner : null, steer: inner);
                var unit = string.IsNullOrEmpty(body) ? set.Pick()?.ToString() : body;
                if (unit != null) yield return new Candidate(Shape.Nested, outer, inner, unit);
            }
        }
        foreach (var first in repeats)
        {
            if (SetOf(tree, first.Body) is not { } s1) continue;
            var shared = s1;
            foreach (var next in tree.Following(first))
            {
                if (next is QuantifierNode q2 && IsUnbounded(q2) && q2.Origin is null && SetOf(tree, q2.Body) is { } s2)
                {
                    // A run of white space is the log format's; a client fills fields with other characters.
                    var overlap = shared.Intersect(s2).Intersect(ProbeCharSet.From(ch => !char.IsWhiteSpace(ch)));
                    if (!overlap.IsEmpty && overlap.Pick() is { } c) yield return new Candidate(Shape.Adjacent, first, q2, c.ToString());
                    break;
                }
                if (tree.IsNullable(next)) continue;
                if (next is LiteralNode { Value.Length: 1 } || next is CharClassNode || next is AnyCharNode)
                {
                    var set = tree.AtomSet(next)!;
                    shared = shared.Intersect(set);
                    if (!shared.IsEmpty) continue;
                }
                break;
            }
        }
        if (!UnanchoredRegexRule.IsAnchored(regex, regex.Regex.Root))
        {
            var scan = repeats.FirstOrDefault(q => SetOf(tree, q.Body) is { Count: > 40 });
            if (scan != null && SetOf(tree, scan.Body)!.Intersect(ProbeCharSet.From(ch => !char.IsWhiteSpace(ch))).Pick() is { } c)
                yield return new Candidate(Shape.UnanchoredScan, scan, null, c.ToString());
        }
    }

    private static bool IsUnbounded(QuantifierNode q) => q.Max is null || q.Max >= 64;

    private static ProbeCharSet? SetOf(RegexTreeIndex tree, RegexNode body) =>
        tree.AtomSet(body) ?? (tree.IsNullable(body) ? null : tree.FirstSet(body));

    /// <summary>Every mandatory part of the outer body besides the inner repeat can be matched by the inner repeat too.</summary>
    private static bool OtherPartsAbsorbed(RegexTreeIndex tree, RegexNode body, QuantifierNode inner, ProbeCharSet set)
    {
        while (body is GroupNode { IsLookaround: false } wrapper) body = wrapper.Body;
        var items = body is SequenceNode s ? s.Items : new[] { body };
        var containsInner = false;
        foreach (var item in items)
        {
            if (tree.IsWithin(inner, item))
            {
                containsInner = true;
                if (!ReferenceEquals(item, inner) && !(item is GroupNode g && !g.IsLookaround && IsAlternativeRepeat(g.Body, inner))) return false;
                continue;
            }
            if (tree.IsNullable(item)) continue;
            if (tree.AtomSet(item) is { } atom && atom.All(set.Contains)) continue;
            if (item is LiteralNode l && l.Value.All(set.Contains)) continue;
            return false;
        }
        return containsInner;
    }

    /// <summary>The group's body is the inner repeat, or an alternation with the repeat alone as one alternative.</summary>
    private static bool IsAlternativeRepeat(RegexNode body, QuantifierNode inner) =>
        ReferenceEquals(body, inner)
        || (body is SequenceNode { Items.Count: 1 } s && IsAlternativeRepeat(s.Items[0], inner))
        || (body is GroupNode { IsLookaround: false } g && IsAlternativeRepeat(g.Body, inner))
        || (body is AlternationNode a && a.Alternatives.Any(alt => IsAlternativeRepeat(alt, inner)));
}
