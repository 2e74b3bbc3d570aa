using System.Linq;
using System.Text;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2018: a JSON string value (<c>"key":"…"</c>) matched as <c>"[^"]*"</c> or <c>"[^"]+"</c>. A JSON string
/// may hold an escaped quote <c>\"</c>, and client-controlled values (a URL, a user name) do: the class stops
/// at it, the line is missed, and an attacker evades the ban by putting a quote in the URL. Only values after
/// <c>":</c> are judged (access logs quote fields without JSON escapes). Reported only with proof: a line
/// with <c>\"</c> in the value that the filter misses and <c>(?:[^"\\]|\\.)*</c> matches.
/// </summary>
internal sealed class JsonStringEscapeRule : LintRule
{
    private const string Value = "x\\\"y";

    public override string Id => RuleIds.JsonStringEscape;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var node in regex.Regex.Root.DescendantsAndSelf())
                if (node is QuantifierNode { Origin: null, Max: null, Min: <= 1, Body: CharClassNode { Negated: true } body } q
                    && body.Items.Count == 1 && body.Items[0] is { Kind: CharClassItemKind.Char, First: '"' }
                    && ClientJsonValue(context, regex, q) is { } client)
                    Check(context, regex, q, client);
        }
    }

    /// <summary>
    /// Where <paramref name="q"/> is the body of a quoted value right after a quoted key and a colon (<c>"key":"…"</c>)
    /// whose value a client may choose, what says so: a client key name (a user name, a URL), or, for a key matched by a
    /// pattern (any pair of the record), a client-chosen value in the record (<see cref="JsonRecordClientValue"/>); else null.
    /// </summary>
    private static string? ClientJsonValue(VariantLintContext context, LintRegex regex, QuantifierNode q)
    {
        if (regex.Tree.Following(q).FirstOrDefault() is not LiteralNode { Value: var after } || !after.StartsWith("\"")) return null;
        var before = new StringBuilder();
        var first = true;
        foreach (var item in regex.Tree.Preceding(q))
        {
            if (item is LiteralNode l)
            {
                if (first && !l.Value.EndsWith("\"")) return null;
                before.Insert(0, first ? l.Value.Substring(0, l.Value.Length - 1) : l.Value);
            }
            else if (first || !regex.Tree.IsNullable(item))
            {
                break;
            }
            first = false;
        }
        var text = before.ToString().TrimEnd();
        if (!text.EndsWith(":")) return null;
        var key = text.Substring(0, text.Length - 1).TrimEnd();
        if (!key.EndsWith("\"")) return null;
        key = key.Substring(0, key.Length - 1);
        var open = key.LastIndexOf('"');
        // The key is read by a pattern: any pair of the record, so the record must hold a client's value.
        if (open < 0) return JsonRecordClientValue.Evidence(regex.Regex.Expanded, context.Robustness.SampleLinesMatching(regex));
        var name = key.Substring(open + 1);
        return JsonRecordClientValue.IsClientKey(name) ? "the \"" + name + "\" value" : null;
    }

    private void Check(VariantLintContext context, LintRegex regex, QuantifierNode q, string client)
    {
        var source = regex.ToSource(q.Span);
        var written = regex.Source.Text.Substring(source.Start, source.Length);
        var replacement = "(?:[^\"\\\\]|\\\\.)" + (q.Min == 0 ? "*" : "+");
        var proof = ProvenSourceEdit.Find<QuantifierNode>(context, regex, source.Start, source.Length, replacement, source.Start,
            node => new TextOverrides().With(node, Value));
        if (proof is null) return;
        var message = "\"" + written + "\" reads a JSON string value up to the first quote, but JSON escapes a quote inside the value as \\\""
            + " (a client can put one in " + client + "), so the line is missed and the client evades the ban. Use \"" + replacement + "\"";
        proof.Report(context, Id, regex, message, regex.Locate(q), "Replace " + written + " with " + replacement);
    }
}
