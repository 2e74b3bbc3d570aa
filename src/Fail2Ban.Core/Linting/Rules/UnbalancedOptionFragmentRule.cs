using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1032: an option whose value is interpolated into a regex (<c>%(md5hex)s</c>) and that has
/// unbalanced parentheses, or an unclosed <c>[</c>, on its own: <c>md5hex = [\da-f]{2}:){15}[\da-f]{2}</c>
/// used as <c>(%(md5hex)s</c>. The regex compiles only because the use site supplies the missing half,
/// so the option means something else than it reads, every other use of it breaks, and a later edit of
/// either place silently regroups the regex. Reported at the unmatched character in the option's value;
/// references to other options inside it count as balanced (each is checked on its own).
/// </summary>
internal sealed class UnbalancedOptionFragmentRule : LintRule
{
    private static readonly string[] RegexOptions = { "failregex", "prefregex", "ignoreregex" };

    public override string Id => RuleIds.UnbalancedOptionFragment;

    public override bool NeedsCompiledFilter => false;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var option in OptionsUsedIn(context.Variant.Filter.Config, context.Variant.RegexSources))
        {
            if (Unmatched(option.RawValue.Text) is not { } found) continue;
            var name = option.Name;
            var message = found.Char switch
            {
                ')' => "the value of '" + name + "' has a ')' with no '(' before it",
                '(' => "the value of '" + name + "' opens a '(' that it never closes",
                _ => "the value of '" + name + "' opens a character class '[' that it never closes",
            };
            message += ": it is balanced only by text where %(" + name + ")s is used, so the option does not mean what it reads and breaks "
                + "anywhere else it is used; make the option's value balanced on its own";
            context.Report(Id, message, LintRegex.LocateSource(option.RawValue, found.Offset, 1));
        }
    }

    /// <summary>The options (other than the regex options themselves) whose raw text was interpolated into one of <paramref name="regexes"/>.</summary>
    private static IEnumerable<ConfigOption> OptionsUsedIn(MergedConfig config, IEnumerable<LocatedString> regexes)
    {
        var byLine = new Dictionary<(string File, int Line), List<(ConfigOption Option, int First, int Last)>>();
        foreach (var section in config.Sections.Append(config.Defaults))
        {
            foreach (var option in section.Options)
            {
                if (RegexOptions.Any(r => option.Name.StartsWith(r, StringComparison.Ordinal))) continue;
                foreach (var s in option.RawValue.Segments)
                {
                    if (s.Length == 0) continue;
                    var key = (s.Start.File, s.Start.Line);
                    if (!byLine.TryGetValue(key, out var list)) byLine[key] = list = new();
                    list.Add((option, s.Start.Column, s.Start.Column + s.Length - 1));
                }
            }
        }
        var used = new List<ConfigOption>();
        foreach (var regex in regexes)
        {
            foreach (var s in regex.Segments)
            {
                if (s.Length == 0 || !byLine.TryGetValue((s.Start.File, s.Start.Line), out var list)) continue;
                var last = s.Start.Column + s.Length - 1;
                foreach (var (option, first, end) in list)
                    if (first <= last && s.Start.Column <= end && !used.Contains(option)) used.Add(option);
            }
        }
        return used;
    }

    /// <summary>
    /// The first unmatched <c>)</c>, else the first unclosed <c>(</c> or <c>[</c>, in a regex fragment (escapes,
    /// classes and <c>%(name)s</c> references skipped), or null when it is balanced.
    /// </summary>
    internal static (int Offset, char Char)? Unmatched(string text)
    {
        var open = new Stack<int>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '%' && i + 1 < text.Length && (text[i + 1] == '%' || text[i + 1] == '('))
            {
                i = text[i + 1] == '%' ? i + 2 : SkipReference(text, i);
                continue;
            }
            if (c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == '[')
            {
                var end = ClassEnd(text, i);
                if (end < 0) return (i, '[');
                i = end + 1;
                continue;
            }
            if (c == '(') open.Push(i);
            else if (c == ')' && open.Count == 0) return (i, ')');
            else if (c == ')') open.Pop();
            i++;
        }
        return open.Count > 0 ? (open.Last(), '(') : null;
    }

    /// <summary>The offset after <c>%(name)s</c> starting at <paramref name="at"/>.</summary>
    private static int SkipReference(string text, int at)
    {
        var close = text.IndexOf(")s", at + 2, StringComparison.Ordinal);
        return close < 0 ? text.Length : close + 2;
    }

    /// <summary>The offset of the <c>]</c> that closes the class opened at <paramref name="at"/>, or -1.</summary>
    private static int ClassEnd(string text, int at)
    {
        var j = at + 1;
        if (j < text.Length && text[j] == '^') j++;
        if (j < text.Length && text[j] == ']') j++;
        while (j < text.Length && text[j] != ']')
        {
            if (text[j] == '%' && j + 1 < text.Length && text[j + 1] == '(') j = SkipReference(text, j);
            else j += text[j] == '\\' ? 2 : 1;
        }
        return j < text.Length ? j : -1;
    }
}
