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
    /// A generated evidence line with the time stamp the log writes, where the filter's date detection takes it (in front
    /// of the line, or inside the empty brackets the regex leaves for it: <c>[14/Aug/2005:11:59:58 +0000]</c>), checked once
    /// on a line a failregex matches; kept when the matcher does the same with the line dated as without. Null for a line
    /// that already carries a date, spans lines, or reads otherwise with one.
    /// </summary>
    public string? Dated(string line)
    {
        if (line.IndexOf('\n') >= 0 || EvidenceDate() is not { } dating || FilterProbe.NewDates(_variant).Match(line) is not null) return null;
        var dated = Apply(dating, line);
        return dated != null && Reported(_probe.RunAsServer(dated, logLine: true)) == Reported(_probe.RunAsServer(line, logLine: false)) ? dated : null;
    }

    /// <summary>
    /// A time stamp and where it goes: in front of the line, or into its first empty brackets (<see cref="Leading"/>: only
    /// brackets that open the line, as an error log's; false: only brackets after the client, as an access log's; null: any).
    /// </summary>
    private readonly record struct Dating(string Date, bool InBrackets, bool? Leading = null);

    /// <summary>The time stamps tried, as daemons write them.</summary>
    private static readonly Dating[] Datings =
    {
        new(SyslogDate, false), new(IsoDate, false),
        new("Sun Aug 14 11:59:58.123456 2005", true, true), new("14/Aug/2005:11:59:58 +0000", true, false), new(IsoDate, true),
    };

    private static string? Apply(Dating dating, string line)
    {
        if (!dating.InBrackets) return dating.Date + " " + line;
        var at = line.IndexOf("[]", StringComparison.Ordinal);
        if (at < 0 || (dating.Leading is { } leading && leading != (line.Substring(0, at).Trim().Length == 0))) return null;
        return line.Substring(0, at + 1) + dating.Date + line.Substring(at + 1);
    }

    private Dating? EvidenceDate()
    {
        if (_dateKnown) return _date;
        _dateKnown = true;
        foreach (var fail in _variant.FailRegexes)
        {
            if (_probe.Witness(fail) is not { } witness || witness.Text.IndexOf('\n') >= 0) continue;
            var plain = Reported(_probe.RunAsServer(witness.Text, logLine: false));
            if (plain.Length == 0) continue;
            foreach (var dating in Datings)
                if (Apply(dating, witness.Text) is { } dated && Reported(_probe.RunAsServer(dated, logLine: true)) == plain) return _date = dating;
            return null;
        }
        return null;
    }

    private static string Reported(IReadOnlyList<Matching.Failure> failures) =>
        string.Join(",", failures.Select(f => f.RegexIndex + ":" + f.Id?.Text));

    private Dating? _date;
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
