using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2020: a name field (a host name, a user name, an e-mail address) matched with a word class that lacks
/// the punctuation such names carry (<c>for \w+ from</c>, <c>host [\w-]+</c>, <c>\w+\[&lt;HOST&gt;\]</c>). Host
/// names are dotted and hold <c>-</c>, user names hold <c>.</c> and <c>-</c> (and <c>@</c> where the login is
/// an e-mail address), so the lines with such names are missed. The field is named by the regex itself: a label
/// right before the value (<c>host </c>, <c>user=</c>, <c>for </c>), an <c>&lt;F-USER&gt;</c> group, or the
/// client's host name written before its bracketed address. Reported only with proof: a line with such a name
/// that the filter misses and the class widened by the missing characters matches, both in the real matcher.
/// </summary>
internal sealed class NarrowNameClassRule : LintRule
{
    private enum NameKind
    {
        HostName,
        UserName,
        MailAddress,
    }

    /// <summary>Labels whose value is a host or domain name.</summary>
    private static readonly string[] HostLabels =
        { "host", "hostname", "helo", "ehlo", "domain", "server", "servername", "relay", "rdns", "vhost", "fqdn" };

    /// <summary>Labels whose value is a name the client logs in with.</summary>
    private static readonly string[] UserLabels =
        { "user", "ruser", "username", "uname", "login", "account", "for", "mailbox", "luser", "authname" };

    /// <summary>Labels whose value is an e-mail address.</summary>
    private static readonly string[] MailLabels = { "sender", "recipient", "rcpt", "email", "mail" };

    public override string Id => RuleIds.NarrowNameClass;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var q in regex.Regex.Root.DescendantsAndSelf().OfType<QuantifierNode>())
                Check(context, regex, q);
        }
    }

    private void Check(VariantLintContext context, LintRegex regex, QuantifierNode q)
    {
        if (q.Origin != null || q.Min < 1 || q.Max is < 16) return;
        if (q.Body is not CharClassNode { Negated: false } body || regex.Tree.InLookaround(q)) return;
        if (regex.Tree.AtomSet(body) is not { } set || !"abcdefghijklmnopqrstuvwxyz".All(set.Contains)) return;
        // A quoted value is F2B3007's: the probe writes a name with a space there, and the fix runs to the quote.
        if (Kind(regex, q) is not { } kind || Probing.ClientField.IsQuoted(regex, q)) return;
        var missing = new string(Alphabet(kind).Where(c => !set.Contains(c)).ToArray());
        if (missing.Length == 0) return;
        var source = regex.ToSource(q.Span);
        var bodySource = regex.ToSource(body.Span);
        var text = regex.Source.Text;
        if (bodySource.Start != source.Start || bodySource.End > source.End) return;
        var written = text.Substring(source.Start, source.Length);
        var widened = Widen(text.Substring(bodySource.Start, bodySource.Length), body.Bracketed, missing)
            + text.Substring(bodySource.End, source.End - bodySource.End);
        foreach (var name in Names(kind).Where(n => n.Any(c => !set.Contains(c))))
        {
            var proof = ProvenSourceEdit.Find<QuantifierNode>(context, regex, source.Start, source.Length, widened, source.Start,
                node => new TextOverrides().With(node, name));
            if (proof is null) continue;
            var message = written + " matches " + What(kind) + " but lacks " + Listed(missing) + ", which " + Plural(kind) + " hold ("
                + name + "); a line with " + name + " there is missed. Use " + widened;
            proof.Report(context, Id, regex, message, regex.Locate(q), "Replace " + written + " with " + widened);
            return;
        }
    }

    /// <summary>What the regex says the value is: a label right before it, a user group around it, or a bracketed address after it.</summary>
    private static NameKind? Kind(LintRegex regex, QuantifierNode q)
    {
        if (regex.Tree.Ancestors(q).Any(a => a is GroupNode { Name: { } name } && (name == "user" || name.StartsWith("alt_user", StringComparison.Ordinal))))
            return NameKind.UserName;
        if (BeforeBracketedAddress(regex, q)) return NameKind.HostName;
        var label = Probing.ClientField.LabelBefore(regex, q);
        if (label is null) return null;
        if (HostLabels.Contains(label)) return NameKind.HostName;
        if (MailLabels.Contains(label)) return NameKind.MailAddress;
        // "forwarded for" holds the X-Forwarded-For address list, not a name.
        if (UserLabels.Contains(label) && !(label == "for" && LiteralBefore(regex, q).EndsWith("forwarded for", StringComparison.OrdinalIgnoreCase)))
            return NameKind.UserName;
        return null;
    }

    /// <summary><c>NAME[&lt;HOST&gt;]</c>, <c>NAME (&lt;HOST&gt;)</c>: the client's host name written before its address, as MTAs and IMAP servers log it.</summary>
    private static bool BeforeBracketedAddress(LintRegex regex, RegexNode q)
    {
        using var following = regex.Tree.Following(q).GetEnumerator();
        RegexNode? next;
        do
        {
            if (!following.MoveNext()) return false;
            next = following.Current;
        }
        while (next is QuantifierNode { Min: 0 } ws && regex.Tree.AtomSet(ws.Body) is { } s && s.All(char.IsWhiteSpace));
        if (next is not LiteralNode { Value: var open } || open.Trim() is not ("[" or "(")) return false;
        return following.MoveNext() && following.Current.Origin is { } tag && AddressTags.IsAddress(tag);
    }

    private static string LiteralBefore(LintRegex regex, RegexNode node) =>
        regex.Tree.Preceding(node).FirstOrDefault() is LiteralNode literal ? literal.Value.TrimEnd(' ', '=', ':', '"', '\'', '[', '(', '<') : "";

    /// <summary>The punctuation every kind of name carries in real logs.</summary>
    private static string Alphabet(NameKind kind) => kind == NameKind.HostName ? ".-" : ".-@";

    /// <summary>Real names of the kind, the most common shape first.</summary>
    private static IEnumerable<string> Names(NameKind kind) => kind switch
    {
        NameKind.HostName => new[] { "mail-1.example.org", "mail1.example.org", "mail-1" },
        NameKind.UserName => new[] { "john.doe", "mary-ann", "john@example.org" },
        _ => new[] { "john.doe@example.org", "john@mail-1.example.org" },
    };

    private static string What(NameKind kind) => kind switch
    {
        NameKind.HostName => "a host name",
        NameKind.UserName => "a user name",
        _ => "an e-mail address",
    };

    private static string Plural(NameKind kind) => kind switch
    {
        NameKind.HostName => "host names",
        NameKind.UserName => "user names (and logins that are e-mail addresses)",
        _ => "addresses",
    };

    private static string Listed(string chars) => string.Join(" ", chars.Select(c => "'" + c + "'").ToArray());

    /// <summary>The class with <paramref name="missing"/> added: <c>\w</c> → <c>[\w.-]</c>, <c>[\w-]</c> → <c>[\w.-]</c> (<c>-</c> kept last).</summary>
    private static string Widen(string body, bool bracketed, string missing)
    {
        var content = bracketed ? body.Substring(1, body.Length - 2) : body;
        var dash = missing.IndexOf('-') >= 0;
        if (content.EndsWith("-", StringComparison.Ordinal) && !content.EndsWith("\\-", StringComparison.Ordinal))
        {
            content = content.Substring(0, content.Length - 1);
            dash = true;
        }
        return "[" + content + missing.Replace("-", "") + (dash ? "-" : "") + "]";
    }
}
