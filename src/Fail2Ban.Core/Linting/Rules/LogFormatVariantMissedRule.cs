using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Linting.Probing;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2009: the failure as another log source or format of the same daemon writes it is missed.
/// <list type="bullet">
/// <item>The systemd backend hands a filter <c>host ident[pid]: message</c> with no date in the line, so a header
/// regex that needs the white space a syslog date leaves behind (<c>(?:\s\S+ named\[\d+\]:\s+)?</c>) misses
/// every journal line of a filter that reads the journal (it has no logtypes, or it is its journal logtype).</item>
/// <item>An access log is also written with the virtual host first (Apache's <c>vhost_combined</c>); a regex that
/// starts the line with the address misses those. Whether the server logs that way depends on its
/// configuration: reported where the sample log has such lines, as a suggestion (info) where there is no
/// sample log and the filter reads a server that has such a format (Apache, nginx, lighttpd), and not where
/// the sample log has none.</item>
/// </list>
/// Found by the robustness probe on a matched line, confirmed in the real matcher.
/// </summary>
internal sealed class LogFormatVariantMissedRule : LintRule
{
    /// <summary>A log line that starts with a name and then a client address (an IPv4 or IPv6 one).</summary>
    private static readonly Regex VirtualHostFirst = new(@"^\s*(?=[\w.-]*[A-Za-z_-])[\w][\w.-]*(?::\d+)?\s+(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]+)\s",
        RegexOptions.CultureInvariant);

    public override string Id => RuleIds.LogFormatVariantMissed;

    public override void CheckVariant(VariantLintContext context)
    {
        var reported = new System.Collections.Generic.HashSet<string>();
        foreach (var regex in context.Variant.FailRegexes)
        {
            foreach (var hit in context.Robustness.Outcomes(regex).Where(o => o.Violated && o.Variant.Family == ProbeFamily.LineForm))
            {
                if (hit.Variant.Name == "vhost")
                    ReportVirtualHost(context, regex, hit, reported);
                else if (hit.Variant.Name == LineFormVariations.NginxWithoutHost)
                    ReportNginxWithoutHost(context, regex, hit, reported);
                else
                    ReportJournal(context, regex, hit, reported);
            }
        }
    }

    private void ReportJournal(VariantLintContext context, LintRegex regex, ProbeOutcome hit, System.Collections.Generic.HashSet<string> reported)
    {
        var header = context.Variant.PrefRegex ?? regex;
        var location = LeadingWhiteSpace(header) is { } space ? header.Locate(space) : header.Locate(new Patterns.PatternSpan(0, 1));
        if (!reported.Add(Id + location)) return;
        var message = "the filter reads the journal, but " + hit.Variant.Change + " is " + hit.Describe()
            + ": the regex needs text that only the syslog date leaves in the line. Let the header start the line (\\s* rather than \\s before it)";
        context.Report(Id, message, location, ProbeFindings.Evidence(hit));
    }

    private void ReportNginxWithoutHost(VariantLintContext context, LintRegex regex, ProbeOutcome hit, System.Collections.Generic.HashSet<string> reported)
    {
        // Where the regex goes on after the request field: what it requires there is what the short line lacks.
        var text = regex.Source.Text;
        var at = text.IndexOf("request", System.StringComparison.Ordinal);
        var location = at < 0 ? hit.Variant.LocateTag(regex) : LintRegex.LocateSource(regex.Source, at, text.Length - at);
        if (!reported.Add("nginx" + location)) return;
        var message = "nginx writes ', host: \"…\"' (and ', referrer', ', upstream') only when the request has it, so the error log line of a request "
            + "without a Host header (HTTP/1.0, most scanners) ends after 'request: \"…\"', and Fail2Ban " + hit.Describe()
            + " it. Make the fields after the request optional, e.g. (?:, (?:upstream|host|referrer): \"[^\"]*\")*";
        context.Report(Id, message, location, ProbeFindings.Evidence(hit));
    }

    private void ReportVirtualHost(VariantLintContext context, LintRegex regex, ProbeOutcome hit, System.Collections.Generic.HashSet<string> reported)
    {
        var sample = context.SampleLines.FirstOrDefault(l => VirtualHostFirst.IsMatch(l));
        if (context.SampleLines.Count > 0 ? sample is null : !IsVirtualHostServer(context.Variant)) return;
        var location = hit.Variant.LocateTag(regex);
        if (!reported.Add("vhost" + location)) return;
        var why = sample is null
            ? "servers that log the virtual host first (Apache's vhost_combined) write"
            : "the sample log has lines with the virtual host first ('" + sample.Trim() + "'), and";
        var message = why + " '" + LineFormVariations.VirtualHost + " " + hit.Base.HostText + " …', which Fail2Ban " + hit.Describe()
            + ": the regex starts the line with the address. Allow an optional name before it: (?:\\S+\\s+)?";
        context.Report(Id, message, location, ProbeFindings.Evidence(hit), null, sample is null ? LintSeverity.Info : null);
    }

    /// <summary>Servers whose access log is written with the virtual host first by a stock setting (Apache's and
    /// lighttpd's <c>%v</c>, Debian's <c>other_vhosts_access.log</c>, nginx's <c>$host</c>).</summary>
    private static readonly string[] VirtualHostServers = { "apache", "httpd", "nginx", "lighttpd" };

    /// <summary>
    /// Whether the filter reads such a server's log, known from its own name, a file it includes (apache-common.conf)
    /// or its <c>_daemon</c>. Other servers with an access log of the same shape (Jetty's NCSA log behind openHAB)
    /// have no virtual-host-first format, so without a sample log the variant proves nothing about them.
    /// </summary>
    private static bool IsVirtualHostServer(FilterVariant variant)
    {
        var names = variant.Filter.FilesRead.Select(System.IO.Path.GetFileName).Append(variant.Filter.Name)
            .Append(Probing.LogLineDresser.DaemonOption(variant) ?? "");
        return names.Any(n => VirtualHostServers.Any(s => n != null && n.IndexOf(s, System.StringComparison.OrdinalIgnoreCase) >= 0));
    }

    /// <summary>The first white space the regex requires where a line may start (the <c>\s</c> of <c>^(?:\s\S+ …)?</c>), or null.</summary>
    private static Patterns.RegexNode? LeadingWhiteSpace(LintRegex regex)
    {
        var tree = regex.Tree;
        foreach (var node in regex.Regex.Root.DescendantsAndSelf())
        {
            if (node is Patterns.QuantifierNode or Patterns.SequenceNode or Patterns.GroupNode or Patterns.AlternationNode) continue;
            if (tree.AtomSet(node) is not { } set || !set.All(char.IsWhiteSpace) || tree.InLookaround(node)) continue;
            if (tree.Parent(node) is Patterns.QuantifierNode { Min: 0 }) continue;
            if (tree.Preceding(node).All(tree.IsNullable)) return node;
        }
        return null;
    }
}
