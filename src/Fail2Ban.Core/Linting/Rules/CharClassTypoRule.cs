using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1034: a character class written where a group or a repeated atom was meant. Two shapes give it
/// away: a quantifier character right after a shorthand or range inside an unrepeated class
/// (<c>[\d+-]</c> for "digits or -", <c>[\w+]</c>, <c>[\d{3}]</c>), and <c>|</c> between words (<c>[UDP|TCP]</c>). Either
/// way the class matches exactly one character, so the real multi-character value is missed. Reported
/// only with proof: a line the filter misses and the corrected group (<c>(?:\d+|-)</c>, <c>(?:UDP|TCP)</c>)
/// matches, both run in the real matcher.
/// </summary>
internal sealed class CharClassTypoRule : LintRule
{
    /// <summary>Characters that need a backslash outside a class.</summary>
    private const string Special = ".^$*+?{}[]\\|()";

    public override string Id => RuleIds.CharClassTypo;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var node in regex.Regex.Root.DescendantsAndSelf())
            {
                if (node is not CharClassNode { Bracketed: true, Negated: false } c || c.Origin != null) continue;
                var pattern = regex.Regex.Expanded;
                var meant = QuantifiedAtom(regex, c, pattern) ?? Words(c, pattern);
                if (meant is { } m) Check(context, regex, c, m.Group, m.Value);
            }
        }
    }

    /// <summary><c>[\d+-]</c> → <c>(?:\d+|-)</c> (the class itself not repeated), with a value the repeated atom takes.</summary>
    private static (string Group, string? Value)? QuantifiedAtom(LintRegex regex, CharClassNode c, string pattern)
    {
        if (regex.Tree.Parent(c) is QuantifierNode { Max: not 1 }) return null;
        var items = c.Items;
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i - 1].Kind is not (CharClassItemKind.Shorthand or CharClassItemKind.Range)) continue;
            if (QuantifierAt(items, i) is not { } quantifier) continue;
            var alternatives = new List<string>();
            for (var k = 0; k < items.Count; k++)
            {
                if (k >= i && k < i + quantifier.Length) continue;
                var text = Text(items[k], pattern);
                alternatives.Add(k == i - 1 ? text + quantifier : text);
            }
            var value = Value(regex, items[i - 1], c, ValueLength(quantifier));
            return (alternatives.Count == 1 ? alternatives[0] : "(?:" + string.Join("|", alternatives) + ")", value);
        }
        return null;
    }

    /// <summary>The quantifier written as class members from <paramref name="at"/>: <c>+</c>, <c>*</c>, or <c>{m}</c>, <c>{m,}</c>, <c>{m,n}</c>.</summary>
    private static string? QuantifierAt(IReadOnlyList<CharClassItem> items, int at)
    {
        bool IsChar(int k, Func<char, bool> test) => k < items.Count && items[k].Kind == CharClassItemKind.Char && test((char)items[k].First);
        if (IsChar(at, ch => ch is '+' or '*')) return ((char)items[at].First).ToString();
        if (!IsChar(at, ch => ch == '{')) return null;
        var text = new StringBuilder("{");
        var k = at + 1;
        var digits = 0;
        while (IsChar(k, char.IsDigit))
        {
            text.Append((char)items[k++].First);
            digits++;
        }
        if (digits == 0) return null;
        if (IsChar(k, ch => ch == ',')) text.Append((char)items[k++].First);
        while (IsChar(k, char.IsDigit)) text.Append((char)items[k++].First);
        if (!IsChar(k, ch => ch == '}')) return null;
        return text.Append('}').ToString();
    }

    /// <summary><c>[UDP|TCP]</c> → <c>(?:UDP|TCP)</c>: only plain characters, and words of two or more letters on both sides of a <c>|</c>.</summary>
    private static (string Group, string? Value)? Words(CharClassNode c, string pattern)
    {
        if (c.Items.Any(i => i.Kind != CharClassItemKind.Char)) return null;
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var item in c.Items)
        {
            if (item.First == '|')
            {
                words.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(Text(item, pattern));
            }
        }
        words.Add(current.ToString());
        if (words.Count < 2 || words.Any(w => w.Length < 2 || !w.All(char.IsLetterOrDigit) || !w.Any(char.IsLetter))) return null;
        return ("(?:" + string.Join("|", words) + ")", words[0]);
    }

    private static string Text(CharClassItem item, string pattern)
    {
        var text = pattern.Substring(item.Span.Start, item.Span.Length);
        return item.Kind switch
        {
            CharClassItemKind.Range => "[" + text + "]",
            CharClassItemKind.Char when text.Length == 1 && Special.IndexOf(text[0]) >= 0 => "\\" + text,
            _ => text,
        };
    }

    /// <summary>How long a value the quantifier takes: 4 for <c>+</c> and <c>*</c>, else at least 2 within <c>{m,n}</c>.</summary>
    private static int ValueLength(string quantifier)
    {
        if (quantifier.Length == 1) return 4;
        var bounds = quantifier.Trim('{', '}').Split(',');
        var min = int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture);
        var max = bounds.Length == 1 ? min : bounds[1].Length == 0 ? int.MaxValue : int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture);
        return Math.Min(Math.Max(min, 2), Math.Max(max, 1));
    }

    /// <summary>A value of <paramref name="length"/> characters of the repeated atom, e.g. 4821 for <c>\d</c>.</summary>
    private static string? Value(LintRegex regex, CharClassItem atom, CharClassNode c, int length)
    {
        var single = new CharClassNode(atom.Span, false, true, new[] { atom });
        var set = ProbeCharSet.OfClass(single, regex.Tree.IgnoreCaseAt(c), (regex.Tree.FlagsAt(c) & PythonRegexFlags.Ascii) != 0);
        var members = set.All(char.IsDigit) ? "4821".Where(set.Contains).ToArray() : set.Members().Where(char.IsLetterOrDigit).Take(4).ToArray();
        if (members.Length == 0) members = set.Members().Where(char.IsLetterOrDigit).Take(4).ToArray();
        if (members.Length == 0 || length > 64) return null;
        var sb = new StringBuilder();
        for (var k = 0; k < length; k++) sb.Append(members[k % members.Length]);
        return sb.ToString();
    }

    private void Check(VariantLintContext context, LintRegex regex, CharClassNode c, string meant, string? value)
    {
        if (value is null) return;
        var span = regex.ToSource(c.Span);
        var written = regex.Source.Text.Substring(span.Start, span.Length);
        if (written != c.GetText(regex.Regex.Expanded)) return;
        var changed = regex.WithSourceEdit(context.Variant, span.Start, span.Length, meant);
        if (changed is null) return;
        RegexNode? node = changed.NodeAtSource<GroupNode>(span.Start);
        node ??= changed.NodeAtSource<QuantifierNode>(span.Start);
        if (node is null) return;
        if (MissedLineSearch.Find(context, regex, changed, new TextOverrides().With(node, value)) is not { } found) return;
        var edit = regex.EditSource(span.Start, span.Length, meant);
        context.Report(Id,
            written + " is a character class: it matches exactly one character, so a value such as '" + value + "'"
            + " is missed; " + meant + " was probably meant",
            regex.Locate(c), MissedLineSearch.Evidence(found, meant),
            edit is null ? null : new LintFix("Replace " + written + " with " + meant, new[] { edit }));
    }
}
