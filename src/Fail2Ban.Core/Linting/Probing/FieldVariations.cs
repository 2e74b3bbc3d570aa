using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// Variations of the text of a client-chosen field of a generated line: user names as clients really pick
/// them (benign: the failure must still be reported for the same address), and the field filled with
/// text that reads like the address part of the message (an injection: the forged address must never be
/// banned).
/// </summary>
internal static class FieldVariations
{
    private static readonly (string Name, string Value, string Change)[] UserNames =
    {
        ("user-space", "john doe", "a user name with a space"),
        ("user-quote", "o'neil", "a user name with an apostrophe"),
        ("user-backslash", "CORP\\john", "a user name with a backslash (DOMAIN\\user)"),
        ("user-unicode", "jos\u00e9", "a user name with a non-ASCII letter"),
    };

    public static IEnumerable<ProbeVariant> For(ProbeBaseLine line, ClientField field, Patterns.TagExpansion host)
    {
        var regexSet = field.Node is Patterns.QuantifierNode q ? line.Regex.Tree.AtomSet(q.Body) : null;
        if (line.RangeOf(field.Node) is not { } range) yield break;
        var original = line.Text.Substring(range.Start, range.Length);
        var before = field.IsBefore(host);
        if (field.Kind == ClientFieldKind.UserName)
            foreach (var (name, value, change) in UserNames.Where(u => !ClosesQuote(line, range, u.Value)))
                yield return new ProbeVariant(name, ProbeFamily.UserName, ProbeExpectation.SameVerdictAndHost,
                    line.Replace(range.Start, range.End, value), line.HostText, change + " ('" + value + "')") { Node = field.Node, Tag = host };

        // What the line says right before the address ("from ", " rhost=", "[client "): the text a forger repeats.
        var lead = Lead(line.Text, line.HostStart);
        var tail = line.Text.Substring(line.HostEnd);
        var forged = AddressTags.ForgedIPv4;
        var injections = new List<string>();
        // (A generated line can hold the field's text after the address although the regex puts it before.)
        if (before && line.HostStart >= range.End)
        {
            // Between the field and the address the line has fixed text; the forger writes it, then an address.
            var between = line.Text.Substring(range.End, line.HostStart - range.End);
            injections.Add(original + between + forged);
            injections.Add(original + between + forged + tail);
        }
        if (lead.Length > 0)
        {
            injections.Add(original + " " + lead.TrimStart() + forged);
            injections.Add(original + " " + lead.TrimStart() + forged + " ");
            // The address field repeated whole, closed as the daemon closes it ("[client 6.6.6.6]", "'6.6.6.6'"): a
            // forger copies the field the filter reads, not only its label.
            var close = FieldEnd(tail);
            if (close.Length > 0) injections.Add(original + " " + lead.TrimStart() + forged + close);
        }
        injections.Add(original + " from " + forged);
        injections.Add(original + " rhost=" + forged);
        injections.Add(original + " [" + forged + "]");
        var seen = new HashSet<string>();
        // A quoted value's text is the client's only within its quotes: it can hold only what its class allows.
        var holds = field.Kind == ClientFieldKind.Quoted ? regexSet : null;
        // A value between quotes cannot close them when its own class excludes the quote (the daemon escapes or
        // refuses it); a field that can hold its closing quote (.*? between quotes) is itself the weakness.
        var closingQuote = range.Start > 0 && range.End < line.Text.Length && line.Text[range.Start - 1] == line.Text[range.End]
            && "'\"`".IndexOf(line.Text[range.End]) >= 0 && (regexSet is null || !regexSet.Contains(line.Text[range.End]))
            ? line.Text[range.End] : (char?)null;
        foreach (var text in injections)
        {
            if (!seen.Add(text) || (holds != null && !text.All(holds.Contains)) || (closingQuote is { } closing && text.IndexOf(closing) >= 0)) continue;
            yield return new ProbeVariant("inject-" + (before ? "before" : "after"), ProbeFamily.Injection, ProbeExpectation.NeverBansInjected,
                line.Replace(range.Start, range.End, text), forged, "the " + Describe(field) + " holds '" + text + "'") { Node = field.Node, Tag = host };
        }
    }

    /// <summary>Whether the value holds the quote that closes the field (daemons escape that one).</summary>
    private static bool ClosesQuote(ProbeBaseLine line, TextRange range, string value) =>
        range.End < line.Text.Length && range.Start > 0 && line.Text[range.Start - 1] == line.Text[range.End] && value.IndexOf(line.Text[range.End]) >= 0;

    public static string Describe(ClientField field) => field.Kind switch
    {
        ClientFieldKind.UserName => "user name",
        ClientFieldKind.Quoted => "quoted field",
        _ => "catch-all text",
    };

    /// <summary>What closes the address field after the address (<c>]</c>, <c>'</c>, <c>:51234]</c>): the text up to the next space.</summary>
    private static string FieldEnd(string tail)
    {
        var end = 0;
        while (end < tail.Length && !char.IsWhiteSpace(tail[end])) end++;
        return tail.Substring(0, end);
    }

    /// <summary>The last word before the address and the space after it (" rhost=", "from ", "[client ").</summary>
    private static string Lead(string text, int hostStart)
    {
        var i = hostStart;
        while (i > 0 && text[i - 1] == ' ') i--;
        while (i > 0 && text[i - 1] != ' ') i--;
        var lead = text.Substring(i, hostStart - i);
        return lead.Length > 16 ? "" : lead;
    }
}
