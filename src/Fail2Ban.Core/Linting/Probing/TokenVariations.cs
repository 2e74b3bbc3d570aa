using System.Collections.Generic;
using Fail2Ban.Core.Linting.Rules;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// A command, verb or identifier token that the regex matches with a fixed width (<c>[A-Z]{4}</c>), written
/// longer, as protocols and applications do (<c>CONNECT</c>, <c>STARTTLS</c>): the line must still be a failure.
/// </summary>
internal static class TokenVariations
{
    public static IEnumerable<ProbeVariant> For(ProbeBaseLine line)
    {
        foreach (var node in line.Regex.Regex.Root.DescendantsAndSelf())
        {
            if (node is not QuantifierNode q || q.Origin != null || q.Max != q.Min || q.Min < 3 || q.Body is not CharClassNode) continue;
            if (line.Regex.Tree.AtomSet(q.Body) is not { } set || !FixedWidthTokenRule.IsTokenClass(set)) continue;
            if (line.RangeOf(q) is not { } range || FixedWidthTokenRule.LongerToken(set, q.Min) is not { } token) continue;
            yield return new ProbeVariant("token-longer", ProbeFamily.Token, ProbeExpectation.SameVerdictAndHost,
                line.Replace(range.Start, range.End, token), line.HostText,
                "the " + q.Min + "-character token '" + line.Text.Substring(range.Start, range.Length) + "' written as '" + token + "'") { Node = q };
        }
    }
}
