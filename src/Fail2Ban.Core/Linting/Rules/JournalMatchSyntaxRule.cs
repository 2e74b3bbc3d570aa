using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1042: a <c>journalmatch</c> that the journal backend cannot use. Each term is <c>FIELD=value</c> with a
/// journal field name (upper-case letters, digits and <c>_</c>, not starting with a digit), terms are separated by
/// spaces, and a lone <c>+</c> between terms means "or". Anything else (<c>_SYSTEMD_UNIT = sshd.service</c>, a
/// lower-case field, a dangling <c>+</c>) makes systemd's add_match fail, and the jail on <c>backend = systemd</c>
/// does not start or reads nothing.
/// </summary>
internal sealed class JournalMatchSyntaxRule : LintRule
{
    public override string Id => RuleIds.JournalMatchSyntax;

    public override bool NeedsCompiledFilter => false;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var match in context.Variant.Filter.JournalMatch)
        {
            if (Problem(match.Text) is not { } problem) continue;
            var location = LintRegex.LocateSource(match, problem.Offset, problem.Length);
            context.Report(Id, "journalmatch " + problem.Message + ": the journal backend cannot use it. Write FIELD=value terms (upper-case journal field names) separated by spaces, with '+' between alternatives",
                location);
        }
    }

    /// <summary>The first problem of a journalmatch value (offset, length, what is wrong), or null.</summary>
    internal static (int Offset, int Length, string Message)? Problem(string text)
    {
        var tokens = Tokens(text).ToList();
        if (tokens.Count == 0) return null;
        if (tokens[0].Text == "+" || tokens[tokens.Count - 1].Text == "+")
        {
            var t = tokens[0].Text == "+" ? tokens[0] : tokens[tokens.Count - 1];
            return (t.Offset, 1, "starts or ends with '+'");
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            var (offset, token) = tokens[i];
            if (token == "+")
            {
                if (tokens[i - 1].Text == "+") return (offset, 1, "has two '+' in a row");
                continue;
            }
            var eq = token.IndexOf('=');
            if (eq < 0) return (offset, token.Length, "term '" + token + "' has no '='");
            var field = token.Substring(0, eq);
            if (field.Length == 0) return (offset, token.Length, "term '" + token + "' has no field name");
            if (!IsFieldName(field)) return (offset, field.Length, "field '" + field + "' is not a journal field name");
        }
        return null;
    }

    private static bool IsFieldName(string field) =>
        !char.IsDigit(field[0]) && field.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_');

    /// <summary>Whitespace-separated terms with their offsets (quotes keep spaces inside a value, as shlex does).</summary>
    private static IEnumerable<(int Offset, string Text)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) yield break;
            var start = i;
            var sb = new System.Text.StringBuilder();
            char? quote = null;
            for (; i < text.Length && (quote != null || !char.IsWhiteSpace(text[i])); i++)
            {
                var c = text[i];
                if (quote == null && (c == '"' || c == '\'')) quote = c;
                else if (quote == c) quote = null;
                else sb.Append(c);
            }
            yield return (start, sb.ToString());
        }
    }
}
