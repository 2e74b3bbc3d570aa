using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>What makes a regex part a field whose text the client chooses.</summary>
internal enum ClientFieldKind
{
    /// <summary>A user name: a <c>&lt;F-USER&gt;</c> group, or a value after a label such as <c>user=</c>, <c>ruser=</c>, <c>for </c>.</summary>
    UserName,

    /// <summary>A value between quotes or brackets (<c>"…"</c>, <c>'…'</c>, <c>[…]</c>, <c>(…)</c>).</summary>
    Quoted,

    /// <summary>A catch-all (<c>.*</c>, <c>.+?</c>): whatever the message holds there, client text included.</summary>
    CatchAll,
}

/// <summary>
/// A part of a failregex that matches text a client can choose (a user name, a quoted value, a catch-all
/// over the message), found on the syntax tree. The probe writes user names and forged addresses there.
/// </summary>
internal sealed record ClientField(RegexNode Node, ClientFieldKind Kind, string Label)
{
    /// <summary>Words that, written right before a value, say the value is a name the client typed.</summary>
    private static readonly string[] UserLabels =
        { "user", "ruser", "username", "uname", "login", "account", "for", "name", "mailbox", "luser" };

    /// <summary>Labels of values the server fills, never the client (PAM's <c>logname=</c> is the terminal's login name).</summary>
    private static readonly string[] ServerLabels = { "logname", "uid", "euid", "tty", "pid" };

    /// <summary>
    /// PAM services that never set PAM_RUSER, so their <c>ruser=</c> is always empty: OpenSSH sets only
    /// PAM_RHOST and PAM_TTY (the client's login name is PAM_USER, logged as <c>user=</c>).
    /// </summary>
    private static readonly Regex ServiceWithoutRemoteUser = new(@"pam_\w+\\\((?:sshd)[-\w]*:", RegexOptions.CultureInvariant);

    /// <summary>Whether the value after <paramref name="label"/> is PAM's <c>ruser=</c> of a service that never sets it.</summary>
    public static bool IsAlwaysEmpty(LintRegex regex, RegexNode node, string? label) =>
        label == "ruser" && ServiceWithoutRemoteUser.IsMatch(regex.Regex.Expanded.Substring(0, Math.Min(node.Span.Start, regex.Regex.Expanded.Length)));

    /// <summary>The fields of <paramref name="regex"/> written in the filter's own file (parts of an included prefix match the log header).</summary>
    public static IReadOnlyList<ClientField> Find(LintRegex regex)
    {
        var fields = new List<ClientField>();
        var home = regex.Source.LocationAt(0)?.File;
        foreach (var node in regex.Regex.Root.DescendantsAndSelf())
        {
            if (node.Origin is { } origin && !IsUserTag(origin)) continue;
            if (regex.Tree.InLookaround(node) || regex.Locate(node).File != home) continue;
            if (fields.Any(f => regex.Tree.IsWithin(node, f.Node))) continue;
            var field = Classify(regex, node);
            if (field != null) fields.Add(field);
        }
        return fields;
    }

    private static bool IsUserTag(TagExpansion e) => e.GroupName is { } g && IsUserGroupName(g);

    private static bool IsUserGroupName(string name) => name == "user" || name.StartsWith("alt_user", StringComparison.Ordinal);

    private static ClientField? Classify(LintRegex regex, RegexNode node)
    {
        // A user group that can only hold fixed text (<F-USER>ROOT</F-USER>) is not the client's.
        if (node is GroupNode { Name: { } name } g && IsUserGroupName(name))
            return g.Body.DescendantsAndSelf().Any(n => n is QuantifierNode) && !ServerLabels.Contains(LabelBefore(regex, g) ?? "")
                ? new ClientField(g, ClientFieldKind.UserName, "user") : null;
        if (node is not QuantifierNode q || q.Origin != null) return null;
        if (q.Max is { } max && max < 32) return null;
        if (regex.Tree.AtomSet(q.Body) is not { } set) return null;
        // Spaces or digits only (\s+ after "username:", a uid) are not where the name is.
        if (set.All(c => char.IsWhiteSpace(c) || char.IsDigit(c))) return null;
        var label = LabelBefore(regex, q);
        // "forwarded for [...]" holds the X-Forwarded-For address list, not a name the client logs in with.
        if (IsAlwaysEmpty(regex, q, label)) return null;
        if (label != null && UserLabels.Contains(label) && !(label == "for" && WordsBefore(regex, q).EndsWith("forwarded for", StringComparison.Ordinal)))
            return new ClientField(q, ClientFieldKind.UserName, label);
        if (IsQuoted(regex, q)) return new ClientField(q, ClientFieldKind.Quoted, label ?? "quoted");
        if (q.Body is AnyCharNode) return new ClientField(q, ClientFieldKind.CatchAll, label ?? "catch-all");
        return null;
    }

    /// <summary>The last word of the literal text written right before <paramref name="node"/> (lower case), skipping spaces, quotes and <c>=:</c>.</summary>
    public static string? LabelBefore(LintRegex regex, RegexNode node)
    {
        foreach (var before in regex.Tree.Preceding(node))
        {
            if (before is QuantifierNode wq && regex.Tree.AtomSet(wq.Body) is { } ws && ws.All(char.IsWhiteSpace)) continue;
            if (before is not LiteralNode literal) return null;
            var text = literal.Value.TrimEnd(' ', '=', ':', '"', '\'', '[', '(', '<', '`');
            if (text.Length == 0)
            {
                if (literal.Value.Trim().Length == 0) continue;
                return null;
            }
            var start = text.Length;
            while (start > 0 && char.IsLetter(text[start - 1])) start--;
            return start == text.Length ? null : text.Substring(start).ToLowerInvariant();
        }
        return null;
    }

    /// <summary>The literal text right before <paramref name="node"/>, lower case, without the delimiters <see cref="LabelBefore"/> skips.</summary>
    private static string WordsBefore(LintRegex regex, RegexNode node) =>
        regex.Tree.Preceding(node).FirstOrDefault() is LiteralNode literal
            ? literal.Value.TrimEnd(' ', '=', ':', '"', '\'', '[', '(', '<', '`').ToLowerInvariant()
            : "";

    /// <summary>Between matching quotes or brackets: <c>'…'</c>, <c>"…"</c>, <c>`…'</c>, <c>[…]</c>, <c>(…)</c>, <c>&lt;…&gt;</c>.</summary>
    public static bool IsQuoted(LintRegex regex, RegexNode q)
    {
        var before = regex.Tree.Preceding(q).FirstOrDefault();
        var after = regex.Tree.Following(q).FirstOrDefault();
        if (before is not LiteralNode b || after is not LiteralNode f || b.Value.Length == 0 || f.Value.Length == 0) return false;
        var open = b.Value[b.Value.Length - 1];
        var close = f.Value[0];
        return (open, close) is ('\'', '\'') or ('"', '"') or ('`', '\'') or ('[', ']') or ('(', ')') or ('<', '>');
    }

    /// <summary>Whether the field's text comes before the address in the line.</summary>
    public bool IsBefore(TagExpansion host) => Node.Span.End <= host.ExpandedSpan.Start;
}
