using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// Turns a line generated from a regex (no date, the plainest syslog header the prefix allows) into one
/// that looks like the daemon's log: with a sample log, the header of a real line (its time stamp, host and
/// program tag, or its stamp as written); without, a time stamp the filter's date detection finds and a
/// syslog header with a host name and the daemon's name from <c>_daemon</c> with a pid. A dressed line is
/// kept only when the real matcher, run on it as on a log line, reports the same failure; otherwise the
/// plain line stays.
/// </summary>
internal sealed class LogLineDresser
{
    /// <summary>The probe's time stamp as syslog writes it (the year comes from the probe's "now").</summary>
    internal const string SyslogDate = "Aug 14 11:59:58";

    private const string IsoDate = "2005-08-14 11:59:58";

    private readonly FilterProbe _probe;
    private readonly string? _daemon;
    private readonly FilterVariant _variant;
    private readonly IReadOnlyList<string> _samples;

    /// <summary>Sample lines whose header (date, host, program tag) is lent to generated lines.</summary>
    private const int MaxHeaderSamples = 24;

    public LogLineDresser(FilterVariant variant, FilterProbe probe, IReadOnlyList<string>? sampleLines = null)
    {
        _probe = probe;
        _variant = variant;
        _daemon = DaemonName(variant);
        _samples = sampleLines ?? Array.Empty<string>();
    }

    /// <summary>The dressed line and how many characters were put before the generated text; null when no dress fits.</summary>
    public (string Line, int Shift)? Dress(string generated, ProbeVerdict verdict)
    {
        // The probe's own syslog header ("mail sshd[12345]: ") gives way to a sample's first.
        var header = OwnHeader.Match(generated);
        if (header.Success)
        {
            var bare = generated.Substring(header.Length);
            foreach (var prefix in SampleHeaders(bare, stamps: false))
            {
                var line = prefix + bare;
                var dressed = ProbeVerdict.From(_probe.RunAsServer(line, logLine: true), verdict.RegexIndex ?? 0);
                if (dressed.Matched && dressed.RegexIndex == verdict.RegexIndex && dressed.Host == verdict.Host) return (line, prefix.Length - header.Length);
            }
        }
        // A sample's header first, then the daemon's from _daemon with the probe's date, then a sample's stamp, then the date alone.
        var candidates = SampleHeaders(generated, stamps: false)
            .Concat(Headers().Where(h => h.Length > 0).SelectMany(h => new[] { SyslogDate + " " + h, IsoDate + " " + h }))
            .Concat(SampleHeaders(generated, stamps: true))
            .Concat(new[] { SyslogDate + " ", IsoDate + " " })
            .Concat(OpensWithBlank(generated) ? new[] { SyslogDate, IsoDate } : Array.Empty<string>());
        foreach (var prefix in candidates)
        {
            var line = prefix + generated;
            var dressed = ProbeVerdict.From(_probe.RunAsServer(line, logLine: true), verdict.RegexIndex ?? 0);
            if (dressed.Matched && dressed.RegexIndex == verdict.RegexIndex && dressed.Host == verdict.Host) return (line, prefix.Length);
        }
        return null;
    }

    /// <summary>
    /// A generated evidence line with the header and time stamp the log writes: a sample line's header, a sample's date in
    /// the empty brackets the regex leaves for it, or the probe's stamp where the filter's date detection takes it (in front
    /// of the line, behind the <c>_daemon</c> header, or in the brackets: <c>[14/Aug/2005:11:59:58 +0000]</c>); kept when
    /// the matcher does the same with the dressed line as with the plain one. A line the probe already stamped gets a
    /// sample's header where one fits. Null for a line that carries its own date, spans lines, or reads otherwise dressed.
    /// <paramref name="alsoHolds"/> must hold for the dressed line too (a missed line's proof: the fixed filter still matches it).
    /// </summary>
    public string? Dated(string line, Func<string, bool>? alsoHolds = null)
    {
        if (line.IndexOf('\n') >= 0) return null;
        var own = OwnStamp(line);
        if (FilterProbe.NewDates(_variant).Match(line) is not null && own is null) return null;
        var expected = Reported(_probe.RunAsServer(line, logLine: own != null));
        bool Keeps(string dressed) => Reported(_probe.RunAsServer(dressed, logLine: true)) == expected && (alsoHolds is null || alsoHolds(dressed));
        // The header this dresser or the probe wrote (the probe's date, "mail daemon[12345]: ") gives way to a sample's.
        var bare = own is null ? line : line.Substring(own.Length + 1);
        // Only this filter's own header: a line another daemon writes keeps its program tag.
        var header = OwnHeader.Match(bare);
        if (header.Success && header.Value != HeaderHost && (_daemon is null || !header.Value.StartsWith(HeaderHost + _daemon + "[", StringComparison.Ordinal)
            && header.Value != HeaderHost + _daemon + ": "))
            header = System.Text.RegularExpressions.Match.Empty;
        if (header.Success) bare = bare.Substring(header.Length);
        if (own != null || header.Success)
            foreach (var prefix in SampleHeaders(bare, stamps: false))
                if (Keeps(prefix + bare)) return prefix + bare;
        if (own != null) return null;
        foreach (var candidate in SampleBracketDates(line).Concat(SampleHeaders(line, stamps: true).Select(p => p + line)))
            if (Keeps(candidate)) return candidate;
        // A time stamp in front of the line takes the syslog header the filter's _daemon names, unless the line has one.
        var front = EvidenceDate();
        if (front is not { InBrackets: true } && !header.Success)
            foreach (var date in front is { } d ? new[] { d.Date } : new[] { SyslogDate, IsoDate })
                foreach (var candidate in DaemonHeaders(date, line))
                    if (Keeps(candidate)) return candidate;
        if (front is not { } dating) return null;
        var dated = Apply(dating, line);
        return dated != null && Keeps(dated) ? dated : null;
    }

    /// <summary>The syslog header the probe writes (<c>mail sshd[12345]: </c>, <c>mail sshd: </c>, <c>mail </c>).</summary>
    private static readonly System.Text.RegularExpressions.Regex OwnHeader =
        new(@"^mail (?:\S+?(?:\[12345\])?: )?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Without a sample header: the line behind the syslog header the filter's <c>_daemon</c> names (<c>Aug 14 11:59:58 mail
    /// postfix/smtpd[12345]: </c>), for a line generated with the plainest (empty) prefix.
    /// </summary>
    private IEnumerable<string> DaemonHeaders(string date, string line)
    {
        if (_daemon is null || line.Length == 0) yield break;
        var gap = char.IsWhiteSpace(line[0]) ? "" : " ";
        foreach (var tag in new[] { _daemon + "[12345]:", _daemon + ":" })
            yield return date + " " + HeaderHost + tag + gap + line;
    }

    /// <summary>The host name of the syslog header this dresser writes.</summary>
    private const string HeaderHost = "mail ";

    /// <summary>The stamp this dresser writes in front of a line when no header fits, or null.</summary>
    private static string? OwnStamp(string line) =>
        line.StartsWith(SyslogDate + " ", StringComparison.Ordinal) ? SyslogDate
        : line.StartsWith(IsoDate + " ", StringComparison.Ordinal) ? IsoDate : null;

    /// <summary>Sample lines whose date the filter finds at the start of the line (or right after one opening character).</summary>
    private IReadOnlyList<(string Line, DateMatch Date)> DatedSamples()
    {
        if (_datedSamples != null) return _datedSamples;
        var dates = FilterProbe.NewDates(_variant);
        var list = new List<(string, DateMatch)>();
        foreach (var sample in _samples)
            if (sample.IndexOf('\n') < 0 && dates.Match(sample) is { } date && date.Start is >= 0 and <= 1 && date.MatchEnd > date.Start)
                list.Add((sample, date));
        return _datedSamples = list;
    }

    private IReadOnlyList<(string Line, DateMatch Date)>? _datedSamples;

    /// <summary>
    /// Headers taken from the sample log, so that a generated line reads like the daemon's own, in order: the text of a
    /// sample line in front of the word the generated text starts with (<c>Mar 10 13:33:30 gandalf postfix/smtpd[3937]: </c>
    /// before <c>warning:</c>); a sample's syslog header (its time stamp, host and program tag); with
    /// <paramref name="stamps"/>, a sample's time stamp as written (<c>[17/May/2017 19:43:42] </c>). Each candidate is
    /// checked in the matcher by the caller.
    /// </summary>
    private IEnumerable<string> SampleHeaders(string generated, bool stamps)
    {
        if (_samples.Count == 0 || generated.Trim().Length == 0) yield break;
        // A generated text that starts with the space the regex wants after the header takes the header without its own.
        var lead = generated.Length - generated.TrimStart(' ').Length;
        if (lead > 1 || char.IsWhiteSpace(generated[lead])) yield break;
        var rest = generated.Substring(lead);
        var space = rest.IndexOf(' ');
        var word = space < 0 ? rest : rest.Substring(0, space);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (word.Length >= 3 && word.Any(char.IsLetter))
            foreach (var (sample, date) in DatedSamples())
            {
                var at = sample.IndexOf(" " + word, date.MatchEnd - 1, StringComparison.Ordinal);
                if (at < 0) continue;
                var header = sample.Substring(0, at + 1 - lead);
                if (seen.Add(header) && seen.Count <= MaxHeaderSamples) yield return header;
            }
        foreach (var (sample, date) in DatedSamples().Take(MaxHeaderSamples))
            if (SyslogHeaderEnd(sample, date.MatchEnd) is { } end && seen.Add(sample.Substring(0, end - lead))) yield return sample.Substring(0, end - lead);
        if (!stamps) yield break;
        foreach (var (sample, date) in DatedSamples().Take(MaxHeaderSamples))
        {
            var end = date.MatchEnd;
            // The stamp's closing bracket, when the date template stops before it.
            if (sample[0] is '[' or '(' && end < sample.Length && sample[end] is ']' or ')') end++;
            var stamp = sample.Substring(0, end).TrimEnd(' ') + (lead == 0 ? " " : "");
            if (seen.Add(stamp)) yield return stamp;
        }
    }

    /// <summary>
    /// Where the syslog header of <paramref name="sample"/> ends (after <c>host program[pid]: </c>, at most two words after
    /// the time stamp), or null when the line has none.
    /// </summary>
    private static int? SyslogHeaderEnd(string sample, int dateEnd)
    {
        var at = sample.IndexOf(": ", dateEnd, StringComparison.Ordinal);
        if (at < 0) return null;
        var between = sample.Substring(dateEnd, at - dateEnd).Trim();
        var words = between.Split(' ');
        return between.Length > 0 && words.Length <= 2 && words.All(w => w.Length > 0) ? at + 2 : null;
    }

    /// <summary>A generated line whose first empty brackets are where the log writes its date, filled with a sample's bracketed date text.</summary>
    private IEnumerable<string> SampleBracketDates(string line)
    {
        var at = line.IndexOf("[]", StringComparison.Ordinal);
        if (at < 0) yield break;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dates = FilterProbe.NewDates(_variant);
        foreach (var sample in _samples.Take(MaxHeaderSamples))
        {
            // Only where the sample log writes its date between brackets too (other empty brackets hold other fields).
            if (sample.IndexOf('\n') >= 0 || dates.Match(sample) is not { } date || date.Start < 1 || date.Length == 0 || sample[date.Start - 1] != '[') continue;
            // The whole bracketed stamp when the date text stops before its end (a zone: "27/Jun/2013:11:55:44 +0200").
            var close = sample.IndexOf(']', date.Start + date.Length);
            var text = close >= 0 && close - (date.Start + date.Length) <= 8 ? sample.Substring(date.Start, close - date.Start) : date.GetText(sample);
            if (seen.Add(text)) yield return line.Substring(0, at + 1) + text + line.Substring(at + 1);
        }
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

    /// <summary>Whether a line opens with its own blank (a failregex written "^ SMTP:"): a stamp then goes right before it.</summary>
    private static bool OpensWithBlank(string line) => line.Length > 0 && char.IsWhiteSpace(line[0]);

    private static string? Apply(Dating dating, string line)
    {
        if (!dating.InBrackets) return dating.Date + (OpensWithBlank(line) ? "" : " ") + line;
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
            // The filter's own datepattern first: a log with its own date format is shown in it.
            var own = DatePatternStamp.Of(_variant.Filter.DatePattern?.Text).Select(stamp => new Dating(stamp, false));
            foreach (var dating in own.Concat(Datings))
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
        if (_daemon != null) yield return HeaderHost + _daemon + "[12345]: ";
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
        var text = RegexTextGenerator.PlainestText(raw.Trim());
        return string.IsNullOrEmpty(text) || text!.IndexOf(' ') >= 0 || text == "x" ? null : text;
    }
}
