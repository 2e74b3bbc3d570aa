using System;
using System.Collections.Generic;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// What a regex's syntax tree says about every text it can match: literal strings that any match
/// needs (<see cref="Clauses"/>: each clause is "one of these occurs") and, for a regex anchored at
/// the start of the text, the strings a matched text must begin with (<see cref="Prefixes"/>).
/// Only necessary conditions are derived, so a text that fails them cannot match and skipping the
/// search cannot change a result. Case-insensitive letters, classes, dots and back-references are
/// "anything" here; only case-sensitive characters (and caseless ASCII under <c>(?i)</c>) count.
/// </summary>
public sealed class RequiredLiterals
{
    // Beyond these, sets of alternatives are dropped (the condition gets weaker, never wrong).
    private const int MaxAlternatives = 32;
    private const int MaxLiteralLength = 256;

    private static readonly List<string> EmptyOnly = new() { "" };

    private RequiredLiterals(IReadOnlyList<string[]> clauses, string[]? prefixes)
    {
        Clauses = clauses;
        Prefixes = prefixes;
    }

    /// <summary>No requirement at all.</summary>
    public static RequiredLiterals None { get; } = new(Array.Empty<string[]>(), null);

    /// <summary>Each clause lists strings of which at least one occurs in any text the regex matches.</summary>
    public IReadOnlyList<string[]> Clauses { get; }

    /// <summary>Strings of which one starts any text the regex matches (it is anchored at the start), or null.</summary>
    public string[]? Prefixes { get; }

    /// <summary>Derives the requirements of a parsed Python pattern (with its inline and compile flags).</summary>
    public static RequiredLiterals Analyze(RegexTree tree)
    {
        if (tree is null) throw new ArgumentNullException(nameof(tree));
        var flags = tree.InlineFlags | tree.CompileFlags;
        var info = Analyze(tree.Root, flags);
        var clauses = new List<string[]>(info.Clauses);
        if (info.Exact is { } exact) AddClause(clauses, exact);
        var prefixes = (flags & PythonRegexFlags.Multiline) == 0 ? AnchoredPrefixes(tree.Root, flags) : null;
        return new RequiredLiterals(Distinct(clauses), prefixes);
    }

    private sealed class Info
    {
        /// <summary>Every string the node can match, or null when unknown or too many.</summary>
        public List<string>? Exact;

        public readonly List<string[]> Clauses = new();
    }

    private static Info Analyze(RegexNode node, PythonRegexFlags flags)
    {
        switch (node)
        {
            case LiteralNode literal:
                return LiteralInfo(literal.Value, flags);
            case CharClassNode cls:
                return new Info { Exact = ClassMembers(cls, flags) };
            case AnchorNode:
            case GlobalFlagsNode:
                return new Info { Exact = new List<string>(EmptyOnly) };
            case SequenceNode sequence:
                return SequenceInfo(sequence.Items, flags);
            case AlternationNode alternation:
                return AlternativesInfo(alternation.Alternatives, flags);
            case ConditionalNode conditional:
            {
                var no = conditional.No ?? new SequenceNode(conditional.Span, Array.Empty<RegexNode>());
                return AlternativesInfo(new[] { conditional.Yes, no }, flags);
            }
            case GroupNode group:
                return GroupInfo(group, flags);
            case QuantifierNode quantifier:
                return QuantifierInfo(quantifier, flags);
            default:
                // AnyChar, back-references: any text.
                return new Info();
        }
    }

    private static Info LiteralInfo(string value, PythonRegexFlags flags)
    {
        if ((flags & PythonRegexFlags.IgnoreCase) == 0) return new Info { Exact = new List<string> { value } };
        // Under (?i) only characters without case variants are certain: ASCII non-letters.
        var info = new Info();
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var caseless = i < value.Length && IsCaselessAscii(value[i]);
            if (caseless && start < 0) start = i;
            else if (!caseless && start >= 0)
            {
                info.Clauses.Add(new[] { value.Substring(start, i - start) });
                start = -1;
            }
        }
        return info;
    }

    private static bool IsCaselessAscii(char c) => c < 0x80 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');

    private static List<string>? ClassMembers(CharClassNode cls, PythonRegexFlags flags)
    {
        if (cls.Negated) return null;
        var ignoreCase = (flags & PythonRegexFlags.IgnoreCase) != 0;
        var members = new List<string>();
        foreach (var item in cls.Items)
        {
            if (item.Kind == CharClassItemKind.Shorthand) return null;
            if (item.Last - item.First + 1 + members.Count > 8) return null;
            for (var c = item.First; c <= item.Last; c++)
            {
                if (c > 0xFFFF || ignoreCase && !IsCaselessAscii((char)c)) return null;
                var s = ((char)c).ToString();
                if (!members.Contains(s)) members.Add(s);
            }
        }
        return members.Count > 0 ? members : null;
    }

    private static Info SequenceInfo(IReadOnlyList<RegexNode> items, PythonRegexFlags flags)
    {
        var result = new Info();
        var run = new List<string>(EmptyOnly);
        var exactAll = true;
        foreach (var item in items)
        {
            var info = Analyze(item, flags);
            result.Clauses.AddRange(info.Clauses);
            if (info.Exact is { } exact)
            {
                var product = Cross(run, exact);
                if (product is null)
                {
                    AddClause(result.Clauses, run);
                    exactAll = false;
                    run = new List<string>(exact);
                }
                else run = product;
            }
            else
            {
                AddClause(result.Clauses, run);
                exactAll = false;
                run = new List<string>(EmptyOnly);
            }
        }
        if (exactAll) result.Exact = run;
        else AddClause(result.Clauses, run);
        return result;
    }

    private static Info AlternativesInfo(IReadOnlyList<SequenceNode> alternatives, PythonRegexFlags flags)
    {
        var infos = new List<Info>(alternatives.Count);
        foreach (var alternative in alternatives) infos.Add(Analyze(alternative, flags));
        var result = new Info();
        List<string>? exact = new();
        foreach (var info in infos)
        {
            if (info.Exact is null || exact is null) { exact = null; continue; }
            foreach (var s in info.Exact) if (!exact.Contains(s)) exact.Add(s);
            if (exact.Count > MaxAlternatives) exact = null;
        }
        result.Exact = exact;
        if (exact is not null) return result;
        // One clause for the whole: each alternative contributes the strings one of which it needs.
        var union = new List<string>();
        foreach (var info in infos)
        {
            var best = BestOf(info);
            if (best is null) return result;
            foreach (var s in best) if (!union.Contains(s)) union.Add(s);
            if (union.Count > MaxAlternatives) return result;
        }
        result.Clauses.Add(union.ToArray());
        return result;
    }

    private static Info GroupInfo(GroupNode group, PythonRegexFlags flags)
    {
        switch (group.GroupKind)
        {
            case GroupKind.ScopedFlags:
                return Analyze(group.Body, (flags | group.AddFlags) & ~group.RemoveFlags);
            case GroupKind.LookAhead:
            case GroupKind.LookBehind:
            {
                // Zero width, but what it looks at is in the searched text.
                var body = Analyze(group.Body, flags);
                var info = new Info { Exact = new List<string>(EmptyOnly) };
                info.Clauses.AddRange(body.Clauses);
                if (body.Exact is { } e) AddClause(info.Clauses, e);
                return info;
            }
            case GroupKind.NegativeLookAhead:
            case GroupKind.NegativeLookBehind:
                return new Info { Exact = new List<string>(EmptyOnly) };
            default:
                return Analyze(group.Body, flags);
        }
    }

    private static Info QuantifierInfo(QuantifierNode quantifier, PythonRegexFlags flags)
    {
        var body = Analyze(quantifier.Body, flags);
        var info = new Info();
        if (quantifier.Min == 0)
        {
            // x? is "" or x; longer optional repeats are anything.
            if (quantifier.Max == 1 && body.Exact is { } e && e.Count < MaxAlternatives)
            {
                var exact = new List<string>(EmptyOnly);
                foreach (var s in e) if (!exact.Contains(s)) exact.Add(s);
                info.Exact = exact;
            }
            return info;
        }
        info.Clauses.AddRange(body.Clauses);
        if (body.Exact is { } bodyExact)
        {
            if (quantifier.Max == quantifier.Min && quantifier.Min <= 4)
            {
                List<string>? repeated = new(EmptyOnly);
                for (var i = 0; i < quantifier.Min && repeated is not null; i++) repeated = Cross(repeated, bodyExact);
                if (repeated is not null)
                {
                    info.Exact = repeated;
                    return info;
                }
            }
            AddClause(info.Clauses, bodyExact);
        }
        return info;
    }

    // The strings one of which a node's match needs: its exact set, else its most selective clause.
    private static IReadOnlyList<string>? BestOf(Info info)
    {
        if (info.Exact is { } exact) return exact.Contains("") ? null : exact;
        string[]? best = null;
        foreach (var clause in info.Clauses)
            if (best is null || Score(clause) > Score(best)) best = clause;
        return best;
    }

    /// <summary>How selective a clause is: the length of its shortest string.</summary>
    internal static int Score(IReadOnlyList<string> clause)
    {
        var min = int.MaxValue;
        foreach (var s in clause) min = Math.Min(min, s.Length);
        return clause.Count == 0 ? 0 : min;
    }

    private static List<string>? Cross(List<string> left, List<string> right)
    {
        if (left.Count * right.Count > MaxAlternatives) return null;
        var result = new List<string>(left.Count * right.Count);
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                var s = a + b;
                if (s.Length > MaxLiteralLength) return null;
                if (!result.Contains(s)) result.Add(s);
            }
        }
        return result;
    }

    private static void AddClause(List<string[]> clauses, IReadOnlyList<string> strings)
    {
        if (strings.Count == 0) return;
        foreach (var s in strings) if (s.Length == 0) return;
        var copy = new string[strings.Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = strings[i];
        clauses.Add(copy);
    }

    private static List<string[]> Distinct(List<string[]> clauses)
    {
        var result = new List<string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            Array.Sort(clause, StringComparer.Ordinal);
            if (seen.Add(string.Join("\u0000", clause))) result.Add(clause);
        }
        result.Sort((a, b) => Score(b).CompareTo(Score(a)));
        return result;
    }

    // Regexes anchored with ^ or \A: the text that follows the anchor starts every match.
    private static string[]? AnchoredPrefixes(RegexNode root, PythonRegexFlags flags)
    {
        if (root is AlternationNode alternation)
        {
            var all = new List<string>();
            foreach (var alternative in alternation.Alternatives)
            {
                var p = AnchoredPrefixes(alternative, flags);
                if (p is null) return null;
                foreach (var s in p) if (!all.Contains(s)) all.Add(s);
            }
            return all.Count is > 0 and <= MaxAlternatives ? all.ToArray() : null;
        }
        if (root is not SequenceNode sequence) return null;
        var items = sequence.Items;
        var i = 0;
        while (i < items.Count && items[i] is GlobalFlagsNode) i++;
        if (i >= items.Count || items[i] is not AnchorNode { Anchor: AnchorKind.LineStart or AnchorKind.StringStart }) return null;
        var rest = new RegexNode[items.Count - i - 1];
        for (var k = 0; k < rest.Length; k++) rest[k] = items[i + 1 + k];
        var run = Leading(rest, flags);
        foreach (var s in run) if (s.Length == 0) return null;
        return run.ToArray();
    }

    // The strings one of which begins every match of a sequence of items ({""}: nothing known).
    private static List<string> Leading(IReadOnlyList<RegexNode> items, PythonRegexFlags flags)
    {
        var run = new List<string>(EmptyOnly);
        foreach (var item in items)
        {
            var exact = Analyze(item, flags).Exact;
            if (exact is not null)
            {
                var product = Cross(run, exact);
                if (product is null) return run;
                run = product;
                continue;
            }
            return Cross(run, Leading(item, flags)) ?? run;
        }
        return run;
    }

    private static List<string> Leading(RegexNode node, PythonRegexFlags flags)
    {
        switch (node)
        {
            case SequenceNode sequence:
                return Leading(sequence.Items, flags);
            case AlternationNode alternation:
            {
                var all = new List<string>();
                foreach (var alternative in alternation.Alternatives)
                {
                    foreach (var s in Leading(alternative.Items, flags))
                    {
                        if (s.Length == 0) return new List<string>(EmptyOnly);
                        if (!all.Contains(s)) all.Add(s);
                    }
                }
                return all.Count is > 0 and <= MaxAlternatives ? all : new List<string>(EmptyOnly);
            }
            case GroupNode { IsLookaround: false } group:
                return group.GroupKind == GroupKind.ScopedFlags
                    ? Leading(group.Body, (flags | group.AddFlags) & ~group.RemoveFlags)
                    : Leading(group.Body, flags);
            case QuantifierNode { Min: > 0 } quantifier:
                return Leading(quantifier.Body, flags);
            default:
                return new List<string>(EmptyOnly);
        }
    }
}
