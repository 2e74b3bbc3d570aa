using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// Turns a line generated from a regex (no date, the plainest syslog header the prefix allows) into one
/// that looks like the daemon's log: a time stamp the filter's date detection finds, and a syslog header
/// with a host name and the daemon's name from <c>_daemon</c> with a pid. A dressed line is kept only when
/// the real matcher, run on it as on a log line, reports the same failure; otherwise the plain line stays.
/// </summary>
internal sealed class LogLineDresser
{
    /// <summary>The probe's time stamp as syslog writes it (the year comes from the probe's "now").</summary>
    private const string SyslogDate = "Aug 14 11:59:58";

    private const string IsoDate = "2005-08-14 11:59:58";

    private readonly FilterProbe _probe;
    private readonly string? _daemon;
    private readonly FilterVariant _variant;

    public LogLineDresser(FilterVariant variant, FilterProbe probe)
    {
        _probe = probe;
        _variant = variant;
        _daemon = DaemonName(variant);
    }

    /// <summary>The dressed line and how many characters were put before the generated text; null when no dress fits.</summary>
    public (string Line, int Shift)? Dress(string generated, ProbeVerdict verdict)
    {
        foreach (var header in Headers())
            foreach (var date in new[] { SyslogDate, IsoDate })
            {
                var prefix = date + " " + header;
                var line = prefix + generated;
                var dressed = ProbeVerdict.From(_probe.RunAsServer(line, logLine: true), verdict.RegexIndex ?? 0);
                if (dressed.Matched && dressed.RegexIndex == verdict.RegexIndex && dressed.Host == verdict.Host) return (line, prefix.Length);
            }
        return null;
    }

    /// <summary>
    /// A generated evidence line with the time stamp the log writes before it, when the filter's date detection takes it
    /// (checked once on a line a failregex matches) and the matcher does the same with the line dated as without;
    /// null for a line that already carries a date, spans lines, or reads otherwise with one.
    /// </summary>
    public string? Dated(string line)
    {
        if (line.IndexOf('\n') >= 0 || EvidenceDate() is not { } date || FilterProbe.NewDates(_variant).Match(line) is not null) return null;
        var dated = date + " " + line;
        return Reported(_probe.RunAsServer(dated, logLine: true)) == Reported(_probe.RunAsServer(line, logLine: false)) ? dated : null;
    }

    private string? EvidenceDate()
    {
        if (_dateKnown) return _date;
        _dateKnown = true;
        foreach (var fail in _variant.FailRegexes)
        {
            if (_probe.Witness(fail) is not { } witness || witness.Text.IndexOf('\n') >= 0) continue;
            var plain = Reported(_probe.RunAsServer(witness.Text, logLine: false));
            if (plain.Length == 0) continue;
            foreach (var date in new[] { SyslogDate, IsoDate })
                if (Reported(_probe.RunAsServer(date + " " + witness.Text, logLine: true)) == plain) return _date = date;
            return null;
        }
        return null;
    }

    private static string Reported(IReadOnlyList<Matching.Failure> failures) =>
        string.Join(",", failures.Select(f => f.RegexIndex + ":" + f.Id?.Text));

    private string? _date;
    private bool _dateKnown;

    private IEnumerable<string> Headers()
    {
        if (_daemon != null) yield return "mail " + _daemon + "[12345]: ";
        yield return "";
    }

    /// <summary>The filter's <c>_daemon</c> as written (its <c>[Definition]</c> or <c>[DEFAULT]</c>), or null.</summary>
    public static string? DaemonOption(FilterVariant variant)
    {
        var config = variant.Filter.Config;
        if (config.TryGetSection("Definition", out var definition) && definition.TryGetOption("_daemon", out var option)) return option.RawValue.Text;
        return config.Defaults.TryGetOption("_daemon", out var fallback) ? fallback.RawValue.Text : null;
    }

    /// <summary>A name matching the filter's <c>_daemon</c> regex (its plainest text), or null when it has none or it is not plain.</summary>
    public static string? DaemonName(FilterVariant variant)
    {
        var raw = DaemonOption(variant);
        if (raw is null || raw.IndexOf("%(", StringComparison.Ordinal) >= 0 || raw.IndexOf('<') >= 0) return null;
        try
        {
            var tree = PythonRegexParser.Parse(raw.Trim());
            var text = new RegexTextGenerator(new RegexTreeIndex(tree)).GenerateNode(tree.Root);
            return string.IsNullOrEmpty(text) || text!.IndexOf(' ') >= 0 || text == "x" ? null : text;
        }
        catch (RegexTranslationException)
        {
            return null;
        }
    }
}
