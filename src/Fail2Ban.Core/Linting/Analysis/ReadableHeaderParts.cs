using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// The parts of a regex written by the syslog header options of <c>common.conf</c> (<c>__hostname</c>, <c>__pid_re</c>),
/// found by where their text was written, with what a log writes there: a generated line then reads
/// <c>mail ovpn-server[12345]:</c>, not <c>x ovpn-server[1]:</c>. The matcher still judges every line.
/// </summary>
internal static class ReadableHeaderParts
{
    private static readonly (string Option, string Text)[] Known = { ("__hostname", "mail"), ("__pid_re", "[12345]") };

    /// <summary>The nodes of <paramref name="regex"/> that are a whole header option's value, with their readable text.</summary>
    public static IReadOnlyDictionary<RegexNode, string> Of(FilterVariant variant, LintRegex regex)
    {
        var written = new Dictionary<SourceLocation, (int Length, string Text)>();
        var config = variant.Filter.Config;
        foreach (var section in new[] { config.Defaults }.Concat(config.Sections))
            foreach (var (name, text) in Known)
                if (section.TryGetOption(name, out var option) && option.RawValue.Text.Length > 0 && option.RawValue.LocationAt(0) is { } at)
                    written[at] = (option.RawValue.Text.TrimEnd().Length, text);
        var parts = new Dictionary<RegexNode, string>();
        if (written.Count == 0) return parts;
        foreach (var node in regex.Regex.Root.DescendantsAndSelf())
        {
            if (node.Origin != null || parts.Keys.Any(p => regex.Tree.IsWithin(node, p))) continue;
            var source = regex.ToSource(node.Span);
            if (source.Length == 0 || source.Start < 0 || source.End > regex.Source.Text.Length) continue;
            if (regex.Source.LocationAt(source.Start) is { } at && written.TryGetValue(at, out var known) && known.Length == source.Length)
                parts[node] = known.Text;
        }
        return parts;
    }
}
