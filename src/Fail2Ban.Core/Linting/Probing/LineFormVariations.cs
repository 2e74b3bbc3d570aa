using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// The same failure as Fail2Ban receives it from another source of the same daemon. The systemd backend
/// (any jail can use it) hands the filter <c>HOSTNAME IDENT[PID]: MESSAGE</c>, with the time stamp kept apart:
/// no date, and no white space left where the date was cut out of a syslog line. Asked of a syslog line of
/// a filter that reads the journal: one without logtypes, or its <c>logtype=journal</c> variant.
/// </summary>
internal static class LineFormVariations
{
    /// <summary>A syslog time stamp followed by a header <c>host ident[pid]: </c>.</summary>
    private static readonly Regex SyslogDateBeforeHeader = new(@"^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (?=[^\s\[\]:]+ [^\s\[\]:]+(?:\[\d+\])?: )",
        RegexOptions.CultureInvariant);

    public static IEnumerable<ProbeVariant> For(ProbeBaseLine line, FilterVariant variant)
    {
        if (!ReadsJournal(variant)) yield break;
        var date = SyslogDateBeforeHeader.Match(line.Text);
        if (!date.Success || line.HostStart < date.Length) yield break;
        yield return new ProbeVariant("journal", ProbeFamily.LineForm, ProbeExpectation.SameVerdictAndHost, line.Text.Substring(date.Length), line.HostText,
            "the line as the systemd backend gives it ('host ident[pid]: message', the time stamp kept apart)") { AsLogLine = false };
    }

    /// <summary>Whether this variant is fed journal lines: it is the journal logtype, or the filter has no logtypes.</summary>
    private static bool ReadsJournal(FilterVariant variant) =>
        variant.LogType is null ? !HasLogTypes(variant) : variant.LogType == "journal";

    private static bool HasLogTypes(FilterVariant variant) => variant.Filter.Config.TryGetSection("Definition", out var d) && d.TryGetOption("logtype", out _)
        || variant.Filter.Config.Defaults.TryGetOption("logtype", out _);
}
