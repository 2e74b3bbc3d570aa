using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// The same failure as Fail2Ban receives it from another source of the same daemon. The systemd backend
/// (any jail can use it) hands the filter <c>HOSTNAME IDENT[PID]: MESSAGE</c>, with the time stamp kept apart:
/// no date, and no white space left where the date was cut out of a syslog line. Asked of a syslog line of
/// a filter that reads the journal: one without logtypes, or its <c>logtype=journal</c> variant.
/// An access log (the client address first, a quoted request after it) is also written with the virtual
/// host first (Apache's <c>vhost_combined</c>, <c>$host $remote_addr …</c> in nginx): the same request, so the
/// same failure; whether this server logs that way only its log can tell (the rules ask its samples).
/// </summary>
internal static class LineFormVariations
{
    /// <summary>A syslog time stamp followed by a header <c>host ident[pid]: </c>.</summary>
    private static readonly Regex SyslogDateBeforeHeader = new(@"^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (?=[^\s\[\]:]+ [^\s\[\]:]+(?:\[\d+\])?: )",
        RegexOptions.CultureInvariant);

    /// <summary>The virtual host the probe writes before an access log's client address.</summary>
    public const string VirtualHost = "www.example.org";

    /// <summary>
    /// A request field of an access log after the address: a quote, a method in capitals, a space (or an HTTP method
    /// written right before the next part, as a line generated from <c>"(GET|POST).*HTTP</c> has it).
    /// </summary>
    private static readonly Regex QuotedRequest = new("^ [^\"]*\"(?:[A-Z]+ |(?:GET|POST|HEAD|PUT|DELETE|OPTIONS|PATCH)(?![a-z]))", RegexOptions.CultureInvariant);

    /// <summary>
    /// nginx's error log context after the client: <c>, server: …, request: "…"</c> and then the fields nginx writes only
    /// when the request has them (<c>, upstream: "…"</c>, <c>, host: "…"</c>, <c>, referrer: "…"</c>): whatever follows the request.
    /// </summary>
    private static readonly Regex NginxRequestContext = new(@"\bclient: (?<client>[^,\s]+), server: [^,]*, request: ""[^""]*""(?=,)",
        RegexOptions.CultureInvariant);

    /// <summary>The probe's name of the nginx error log line that ends after its request field.</summary>
    public const string NginxWithoutHost = "nginx-no-host";

    public static IEnumerable<ProbeVariant> For(ProbeBaseLine line, FilterVariant variant)
    {
        // nginx writes ", host: …" only for a request with a Host header (HTTP/1.0 scanners send none), so the line
        // can end right after the request.
        var context = NginxRequestContext.Match(line.Text);
        if (context.Success && context.Groups["client"].Index == line.HostStart)
            yield return new ProbeVariant(NginxWithoutHost, ProbeFamily.LineForm, ProbeExpectation.SameVerdictAndHost,
                line.Text.Substring(0, context.Index + context.Length), line.HostText,
                "the nginx error log line of a request without a Host header (it ends after 'request: \"…\"': nginx writes ', host: \"…\"' and ', referrer: \"…\"' only when the request has them)");
        if (IsAccessLogLine(line))
            yield return new ProbeVariant("vhost", ProbeFamily.LineForm, ProbeExpectation.SameVerdictAndHost,
                line.Replace(line.HostStart, line.HostStart, VirtualHost + " "), line.HostText,
                "the access log line with the virtual host first ('" + VirtualHost + " " + line.HostText + " …', Apache's vhost_combined)");
        if (!ReadsJournal(variant)) yield break;
        var date = SyslogDateBeforeHeader.Match(line.Text);
        if (!date.Success || line.HostStart < date.Length) yield break;
        yield return new ProbeVariant("journal", ProbeFamily.LineForm, ProbeExpectation.SameVerdictAndHost, line.Text.Substring(date.Length), line.HostText,
            "the line as the systemd backend gives it ('host ident[pid]: message', the time stamp kept apart)") { AsLogLine = false };
    }

    /// <summary>Whether the line is an access log's: the client address starts it (after the probe's time stamp) and a quoted request follows.</summary>
    private static bool IsAccessLogLine(ProbeBaseLine line) =>
        line.HostStart >= line.Shift && line.Text.Substring(line.Shift, line.HostStart - line.Shift).Trim().Length == 0
        && QuotedRequest.IsMatch(line.Text.Substring(line.HostEnd));

    /// <summary>Whether this variant is fed journal lines: it is the journal logtype, or the filter has no logtypes.</summary>
    private static bool ReadsJournal(FilterVariant variant) =>
        variant.LogType is null ? !HasLogTypes(variant) : variant.LogType == "journal";

    private static bool HasLogTypes(FilterVariant variant) => variant.Filter.Config.TryGetSection("Definition", out var d) && d.TryGetOption("logtype", out _)
        || variant.Filter.Config.Defaults.TryGetOption("logtype", out _);
}
