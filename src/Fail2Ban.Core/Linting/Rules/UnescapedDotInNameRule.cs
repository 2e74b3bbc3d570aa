using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1037: an unescaped <c>.</c> between two literal letters or digits of a name (<c>fail2ban.actions</c>,
/// <c>mod_auth.c</c>), where a literal dot was meant. The dot accepts any character, so a line from another
/// program or about another file (<c>fail2ban-actions</c>) is accepted too. Reported with such a line that the
/// real matcher reports as a failure; the fix is <c>\.</c>. A warning where the name is the line's program tag
/// (another program's lines feed the jail), a note where it sits inside the daemon's own message. A dot next to a quantifier, class or group
/// (<c>.*</c>, <c>\S.</c>) is a deliberate wildcard and is not reported.
/// </summary>
internal sealed class UnescapedDotInNameRule : LintRule
{
    /// <summary>Characters tried in place of the dot, in order (the first one the filter accepts is shown).</summary>
    private static readonly string[] StandIns = { "-", "_", "x" };

    public override string Id => RuleIds.UnescapedDotInName;

    public override void CheckVariant(VariantLintContext context)
    {
        var reported = new HashSet<LintLocation>();
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var seq in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
            {
                for (var i = 1; i + 1 < seq.Items.Count; i++)
                {
                    if (seq.Items[i] is not AnyCharNode dot || dot.Origin != null) continue;
                    if (seq.Items[i - 1] is not LiteralNode { Origin: null } left || seq.Items[i + 1] is not LiteralNode { Origin: null } right) continue;
                    if (left.Value.Length == 0 || right.Value.Length == 0) continue;
                    if (!char.IsLetterOrDigit(left.Value[left.Value.Length - 1]) || !char.IsLetterOrDigit(right.Value[0])) continue;
                    var name = NameAround(left.Value, right.Value);
                    // A version or status code (1.1, 5.7.8) is not a name: only a token with a letter is.
                    if (!(name.Before + name.After).Any(char.IsLetter)) continue;
                    var location = regex.Locate(dot);
                    if (reported.Contains(location)) continue;
                    if (Check(context, regex, dot, name, location, IsProgramTag(regex, right, name.After))) reported.Add(location);
                }
            }
        }
    }

    /// <summary>The name the dot sits in: the word characters on each side (<c>fail2ban</c> . <c>actions</c>).</summary>
    private static (string Before, string After) NameAround(string left, string right)
    {
        var start = left.Length;
        while (start > 0 && IsNameChar(left[start - 1])) start--;
        var end = 0;
        while (end < right.Length && IsNameChar(right[end])) end++;
        return (left.Substring(start), right.Substring(0, end));
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    /// <summary>
    /// Whether the name is the program tag of the line (<c>fail2ban.actions:</c>, <c>_daemon</c> before <c>[pid]:</c>): there
    /// the dot lets another program's lines feed the jail. Inside the daemon's own message (a file name, a domain) the line
    /// already comes from the daemon, which never writes the other spelling: a note.
    /// </summary>
    private static bool IsProgramTag(LintRegex regex, LiteralNode right, string after)
    {
        if (right.Value.Length > after.Length) return right.Value[after.Length] is ':' or '[';
        foreach (var next in regex.Tree.Following(right))
        {
            var first = regex.Tree.FirstSet(next);
            if (first.Contains(':') || first.Contains('[')) return true;
            if (!regex.Tree.IsNullable(next)) return false;
        }
        return false;
    }

    private bool Check(VariantLintContext context, LintRegex regex, AnyCharNode dot, (string Before, string After) name, LintLocation location,
        bool programTag)
    {
        var through = regex.Kind == FilterRegexKind.Fail ? new[] { regex } : context.Variant.FailRegexes.ToArray();
        foreach (var standIn in StandIns)
        {
            foreach (var fail in through)
            {
                var foreign = name.Before + standIn + name.After;
                var line = context.Probe.Synthesize(fail, new TextOverrides().With(dot, standIn),
                    l => l.Failures.Count > 0 && l.Text.Contains(foreign), steer: dot);
                if (line is null) continue;
                Report(context, regex, dot, name, location, standIn, line, fail, programTag);
                return true;
            }
        }
        return false;
    }

    private void Report(VariantLintContext context, LintRegex regex, AnyCharNode dot, (string Before, string After) name, LintLocation location,
        string standIn, ProbeLine line, LintRegex fail, bool programTag)
    {
        var written = name.Before + "." + name.After;
        var foreign = name.Before + standIn + name.After;
        var escaped = name.Before + "\\." + name.After;
        var message = "the '.' in '" + written + "' is not escaped and matches any character, so a line naming '" + foreign
            + "' (another program or name) is accepted too. Write " + escaped
            + (programTag ? "" : " (a note: the name is inside the daemon's own message, which never spells it otherwise)");
        var address = line.AddressesFrom(fail.Index).FirstOrDefault() ?? line.Failures[0].Id!.Text;
        var explanation = "the filter reports this line, which names '" + foreign + "' and not '" + written + "', as a failure of " + address;
        var source = regex.ToSource(dot.Span);
        var edit = source.Length == 1 && regex.Source.Text[source.Start] == '.' ? regex.EditSource(source.Start, 1, "\\.") : null;
        var fix = edit is null ? null : new LintFix("Escape the dot: " + escaped, new[] { edit });
        context.Report(Id, message, location, new LintEvidence(LintEvidenceKind.InjectedLine, line.Text, explanation) { BannedAddress = address }, fix,
            programTag ? null : LintSeverity.Info);
    }
}
