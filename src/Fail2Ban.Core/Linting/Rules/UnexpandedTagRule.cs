using System;
using System.Collections.Generic;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1030: text shaped like a Fail2Ban tag that is not one: a misspelt or mis-cased built-in tag
/// (<c>&lt;host&gt;</c>, <c>&lt;IP&gt;</c>, <c>&lt;ADRR&gt;</c>), a custom tag with a lower-case name
/// (<c>&lt;F-user&gt;</c>), or a closing <c>&lt;/F-USER&gt;</c> with no opening tag. Fail2Ban leaves it in
/// the regex, where it matches those characters literally, so the failregex silently never matches.
/// Other angle-bracketed words are real log text (haproxy's <c>&lt;NOSRV&gt;</c>) and are left alone.
/// </summary>
internal sealed class UnexpandedTagRule : LintRule
{
    public override string Id => RuleIds.UnexpandedTag;

    public override bool NeedsCompiledFilter => false;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var source in context.Variant.RegexSources)
        {
            var text = source.Text;
            var opened = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != '<' || (i > 0 && text[i - 1] == '\\') || IsGroupSyntax(text, i)) continue;
                var end = TagEnd(text, i);
                if (end < 0) continue;
                var tag = text.Substring(i, end - i);
                var name = tag.Substring(1, tag.Length - 2);
                if (IsCustomOpening(name)) opened.Add(name);
                if (Expands(name, opened) || !LooksLikeTag(tag)) continue;
                var bare = name.Trim('/');
                var message = name.StartsWith("/F-", StringComparison.Ordinal)
                    ? "closing tag " + tag + " has no opening <" + bare + "> before it, so it matches the text '" + tag + "' literally"
                    : tag + " is not a Fail2Ban tag, so it matches the text '" + tag + "' literally";
                context.Report(Id, message, LintRegex.LocateSource(source, i, end - i));
                i = end - 1;
            }
        }
    }

    /// <summary>Whether Fail2Ban replaces the tag (spec 2.1, 2.2): built-in, custom upper-case <c>F-</c>, or a closing tag after its opening.</summary>
    private static bool Expands(string name, HashSet<string> opened)
    {
        if (name is "HOST" or "SKIPLINES" || Fail2BanTagPatterns.Static.ContainsKey(name)) return true;
        if (IsCustomOpening(name)) return true;
        return name.StartsWith("/", StringComparison.Ordinal) && IsCustomOpening(name.Substring(1)) && opened.Contains(name.Substring(1));
    }

    /// <summary><c>F-NAME</c> with Fail2Ban's upper-case name characters.</summary>
    private static bool IsCustomOpening(string name)
    {
        if (name.Length < 3 || !name.StartsWith("F-", StringComparison.Ordinal) || name.EndsWith("/", StringComparison.Ordinal)) return false;
        for (var k = 2; k < name.Length; k++)
        {
            var c = name[k];
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
        }
        return true;
    }

    /// <summary>The built-in tag names, and the names people write when they mean one of them.</summary>
    private static readonly string[] KnownNames =
    {
        "HOST", "ADDR", "IP4", "IP6", "DNS", "CIDR", "SUBNET", "SKIPLINES",
        "IP", "IPV4", "IPV6", "ADDRESS", "IPADDR", "HOSTNAME", "HOSTS",
    };

    /// <summary>A custom <c>F-</c> tag Fail2Ban did not expand, or a built-in tag name misspelt or mis-cased.</summary>
    private static bool LooksLikeTag(string tag)
    {
        var name = tag.Trim('<', '>', '/');
        if (name.Length == 0) return false;
        if (name.StartsWith("F-", System.StringComparison.OrdinalIgnoreCase)) return true;
        var upper = name.ToUpperInvariant();
        foreach (var known in KnownNames)
        {
            if (upper == known) return true;
            if (known.Length >= 4 && upper.Length >= 4 && IsOneEditAway(upper, known)) return true;
        }
        return false;
    }

    /// <summary><c>(?P&lt;name&gt;</c>, <c>(?&lt;=</c>, <c>\k&lt;name&gt;</c>: regex syntax, not a tag.</summary>
    private static bool IsGroupSyntax(string text, int at) =>
        (at >= 3 && text[at - 1] == 'P' && text[at - 2] == '?' && text[at - 3] == '(')
        || (at >= 2 && text[at - 1] == '?' && text[at - 2] == '(')
        || (at >= 2 && text[at - 1] == 'k' && text[at - 2] == '\\');

    /// <summary>One substitution, insertion, deletion or swap of neighbours apart.</summary>
    private static bool IsOneEditAway(string a, string b)
    {
        if (a == b) return false;
        if (a.Length == b.Length)
        {
            var diffs = new System.Collections.Generic.List<int>();
            for (var i = 0; i < a.Length; i++) if (a[i] != b[i]) diffs.Add(i);
            return diffs.Count == 1
                || (diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]]);
        }
        if (System.Math.Abs(a.Length - b.Length) != 1) return false;
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        for (var i = 0; i < shorter.Length; i++)
            if (longer[i] != shorter[i]) return longer.Substring(i + 1) == shorter.Substring(i);
        return true;
    }

    /// <summary>Fail2Ban's tag shape: <c>&lt;</c>, optional <c>/</c>, word characters or <c>-</c>, optional <c>/</c>, <c>&gt;</c>.</summary>
    private static int TagEnd(string s, int start)
    {
        var i = start + 1;
        if (i < s.Length && s[i] == '/') i++;
        var nameStart = i;
        while (i < s.Length && (s[i] == '-' || s[i] == '_' || char.IsLetterOrDigit(s[i]))) i++;
        if (i == nameStart) return -1;
        if (i < s.Length && s[i] == '/') i++;
        return i < s.Length && s[i] == '>' ? i + 1 : -1;
    }
}
