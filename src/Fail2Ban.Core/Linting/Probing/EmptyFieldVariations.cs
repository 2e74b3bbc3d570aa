using System.Collections.Generic;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// The user name written empty: a client can send none, and daemons log the failure with the field empty
/// (<c>Invalid user  from</c>, <c>user=&lt;&gt;</c>, <c>user ''</c>). The failure must still be reported for the same
/// address. The sample log is asked whether it shows the field empty (the words around it with nothing between).
/// </summary>
internal static class EmptyFieldVariations
{
    public static IEnumerable<ProbeVariant> For(ProbeBaseLine line, ClientField field, TagExpansion host, SampleForms samples)
    {
        if (field.Kind != ClientFieldKind.UserName || line.RangeOf(field.Node) is not { Length: > 0 } range) yield break;
        var after = After(line.Text, range.End);
        var shown = Before(line.Text, range.Start) + after;
        // The sample shows the field empty only with text on both sides (a word, or the field's closing delimiter).
        var telling = after.Trim().Length > 0;
        yield return new ProbeVariant("field-empty", ProbeFamily.EmptyField, ProbeExpectation.SameVerdictAndHost,
            line.Replace(range.Start, range.End, ""), line.HostText, "the " + FieldVariations.Describe(field) + " written empty ('" + shown + "')")
        { Node = field.Node, Tag = host, SampleEvidence = telling ? samples.Containing(shown) : null };
    }

    /// <summary>The word before the field and the delimiters between (<c>"user "</c>, <c>"user=&lt;"</c>).</summary>
    private static string Before(string text, int start)
    {
        var i = start;
        while (i > 0 && !char.IsLetterOrDigit(text[i - 1])) i--;
        while (i > 0 && char.IsLetterOrDigit(text[i - 1])) i--;
        return text.Substring(i, start - i);
    }

    /// <summary>The delimiters after the field and the next word (<c>" from"</c>, <c>"&gt;,"</c>).</summary>
    private static string After(string text, int end)
    {
        var i = end;
        while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
        while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
        return text.Substring(end, i - end);
    }
}
