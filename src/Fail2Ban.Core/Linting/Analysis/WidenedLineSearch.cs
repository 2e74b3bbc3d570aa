using System.Linq;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// Looks for proof that a regex is too loose: a line the filter as written matches while the filter with
/// a proposed change does not (the mirror of <see cref="MissedLineSearch"/>). Lines are generated from the
/// regex as written, with <paramref name="overrides"/> steering it through the loose part; both filters run
/// in the real matcher. Only failregexes and prefregexes are searched (an ignoreregex bans nobody).
/// </summary>
internal static class WidenedLineSearch
{
    public static (string Line, string Address)? Find(VariantLintContext context, LintRegex target, LintRegex changed, TextOverrides overrides)
    {
        if (target.Kind == FilterRegexKind.Ignore) return null;
        var fixedProbe = context.Probe.WithRegex(target, changed);
        var through = target.Kind == FilterRegexKind.Fail ? new[] { target } : context.Variant.FailRegexes.ToArray();
        foreach (var fail in through)
        {
            var found = context.Probe.Synthesize(fail, overrides,
                l => l.Failures.Any(f => f.RegexIndex == fail.Index) && fixedProbe.Run(l.Text).All(f => f.RegexIndex != fail.Index));
            if (found != null) return (found.Text, found.AddressesFrom(fail.Index).First());
        }
        return null;
    }
}
