using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using FilterLint.Output;

namespace FilterLint.Commands;

/// <summary>
/// What <c>filterlint regex</c> prints: <c>fail2ban-regex</c>'s report (same sections, same lines, the same
/// rules for which lines are listed), with explanations under missed lines; or, with <c>--json</c> and
/// <c>-o</c>, one record per line or failure as lines come.
/// </summary>
internal sealed class RegexReport
{
    private static readonly Regex Location = new(@"[^\s()]+\(\d+,\d+\)", RegexOptions.CultureInvariant);
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly RegexSettings _s;
    private readonly CompiledFilter _filter;
    private readonly LocalTimeZone _zone;
    private readonly bool _journal;
    private readonly AnsiColor _color;
    private readonly OutTokenWriter? _out;
    private readonly List<TestedLine> _missed = new();
    private readonly List<TestedLine> _matched = new();
    private readonly List<TestedLine> _ignored = new();
    private readonly List<(string Id, double? Time, bool Multiple)>[] _perRegex;
    private readonly StringBuilder _json = new();
    private readonly List<string> _prefGroups = new();
    private bool _lastPrefMatched;

    private readonly RegexTestSession _session;
    private readonly double _now;

    // The text of the last 1024 lines (multi-line): fail2ban-regex drops a re-counted line from its list by text.
    private readonly Dictionary<long, TestedLine> _recent = new();

    /// <param name="now">The time Fail2Ban gives a failure on a line without a date (its current time).</param>
    public RegexReport(RegexSettings s, CompiledFilter filter, LocalTimeZone zone, bool journal, AnsiColor color,
        RegexTestSession session, double now)
    {
        _session = session;
        _now = now;
        _s = s;
        _filter = filter;
        _zone = zone;
        _journal = journal;
        _color = color;
        _out = s.Out is null ? null : new OutTokenWriter(s.Out, now);
        _perRegex = new List<(string, double?, bool)>[filter.FailRegexes.Count];
        for (var i = 0; i < _perRegex.Length; i++) _perRegex[i] = new List<(string, double?, bool)>();
    }

    public long TimedOutLines { get; private set; }

    public (long Line, string Regex)? FirstTimedOut { get; private set; }

    /// <summary>How many undecided line numbers the warning lists before it ends with "…".</summary>
    private const int ListedTimedOutLines = 20;

    /// <summary>The numbers of the first undecided (timed-out) lines, for the warning.</summary>
    public List<long> TimedOutLineNumbers { get; } = new();

    /// <summary><c>fail2ban-regex</c>'s <c>shortstr</c>: at most 53 characters, cut with <c>...</c>.</summary>
    public static string Short(string s) => s.Length > 53 ? s.Substring(0, 50) + "..." : s;

    /// <summary>
    /// Whether the next line, if missed, needs its result: for JSON, verbose output, or to be listed
    /// among the missed lines (with its explanation).
    /// </summary>
    public bool NeedsMissedResult() =>
        _s.Json || _s.Verbosity > 0 || (_out is null && !_s.PrintNoMissed && (_s.PrintAllMissed || _session.Missed + 1 <= _s.PrintLimit + 1));

    public void Add(TestedLine line, TextWriter output)
    {
        if (line.Result is { TimedOut.Count: > 0 } timed)
        {
            TimedOutLines++;
            FirstTimedOut ??= (line.Number, timed.TimedOut[0]);
            if (TimedOutLineNumbers.Count < ListedTimedOutLines) TimedOutLineNumbers.Add(line.Number);
        }
        if (_s.Json)
        {
            WriteJson(line, output);
            return;
        }
        if (_out is not null)
        {
            if (_s.Invert ? line.Verdict == LineVerdict.Missed : line.Verdict == LineVerdict.Matched) 
            {
                if (_s.Invert) output.WriteLine(line.Text);
                else _out.Write(line.Failures, output);
            }
            return;
        }
        if (_s.Verbosity > 0 && _filter.PrefRegex is { } pref && line.Result is { } searched)
        {
            // fail2ban-regex asks the prefregex object, which keeps its last search result.
            if (searched.PrefRegexMatched is { } pm) _lastPrefMatched = pm;
            if (_lastPrefMatched && line.Verdict != LineVerdict.Skipped)
            {
                if (_prefGroups.Count < _s.PrintLimit) _prefGroups.Add(PrefRegexGroups(pref, searched.Tuple.WithoutDate + "\n"));
                else if (_prefGroups.Count == _s.PrintLimit) _prefGroups.Add("...");
            }
        }
        if (_s.Verbosity > 0 && line.Result is { Entries.Count: > 0 } result)
        {
            var kept = 0;
            foreach (var e in result.Entries)
            {
                // As fail2ban-regex: the flag is set from the third entry of a line on.
                _perRegex[e.RegexIndex].Add((e.Id?.Text ?? "None", e.Time ?? _now, kept > 1));
                if (!e.IsNoFail) kept++;
            }
        }
        // A multi-line match that consumed earlier missed lines makes them matched: fail2ban-regex drops
        // them from its missed list too, by text (the first listed line with that text).
        if (_filter.MaxLines > 1)
        {
            foreach (var number in line.Recounted)
            {
                if (!_recent.TryGetValue(number, out var earlier)) continue;
                var at = _missed.FindIndex(m => m.Text == earlier.Text);
                if (at >= 0) _missed.RemoveAt(at);
                // fail2ban-regex lists the lines of a multi-line match among the matched ones
                if (_s.PrintAllMatched) _matched.Add(earlier);
            }
            _recent[line.Number] = line;
            _recent.Remove(line.Number - 1024);
        }
        // As fail2ban-regex: a line is kept while the running count (re-counts included) is within the limit + 1.
        switch (line.Verdict)
        {
            case LineVerdict.Missed:
                if (!_s.PrintNoMissed && (_s.PrintAllMissed || _session.Missed <= _s.PrintLimit + 1)) _missed.Add(line);
                break;
            case LineVerdict.Matched:
                if (_s.PrintAllMatched) _matched.Add(line);
                break;
            case LineVerdict.Ignored:
                if (!_s.PrintNoIgnored && (_s.PrintAllIgnored || _session.Ignored <= _s.PrintLimit + 1)) _ignored.Add(line);
                break;
        }
    }

    /// <summary>The prefregex's named groups on a line, as Python prints its <c>groupdict()</c>.</summary>
    private static string PrefRegexGroups(CompiledRegex pref, string text)
    {
        var m = pref.Regex.Match(text);
        var groups = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in pref.GroupNames)
        {
            var g = m.Groups[name];
            groups[name] = m.Success && g.Success ? g.Value : null;
        }
        return PythonRepr.Of(groups);
    }

    private void WriteJson(TestedLine line, TextWriter output)
    {
        // A failure is an entry with an id: a multi-line entry still waiting for its id is not one.
        Failure? f = null;
        foreach (var e in line.Failures) if (e.Id is not null) { f = e; break; }
        var sb = _json.Clear();
        sb.Append("{\"line\":").Append(line.Number.ToString(CultureInfo.InvariantCulture));
        sb.Append(",\"match\":").Append(f is not null ? "true" : "false");
        sb.Append(",\"ignored\":").Append(line.Verdict == LineVerdict.Ignored ? "true" : "false");
        sb.Append(",\"regex\":").Append(f is null ? "null" : f.RegexIndex.ToString(CultureInfo.InvariantCulture));
        AppendString(sb, "host", f?.Id?.Text);
        AppendString(sb, "ip", f is null ? null : f.Data.TryGetValue("ip", out var ip) && ip is IpAddress a ? a.Text : f.RawHost ?? f.Id?.Text);
        AppendString(sb, "user", f?.User);
        AppendString(sb, "fid", f?.Fid);
        AppendString(sb, "time", f?.Time is { } t ? _zone.FormatLocal(t) : null);
        if (line.Result is { TimedOut: { Count: > 0 } timedOut })
        {
            sb.Append(",\"timedOut\":[");
            for (var i = 0; i < timedOut.Count; i++)
                sb.Append(i > 0 ? "," : "").Append(JsonSerializer.Serialize(timedOut[i], JsonOptions));
            sb.Append(']');
        }
        sb.Append('}');
        output.WriteLine(sb.ToString());
    }

    private static void AppendString(StringBuilder sb, string name, string? value)
    {
        sb.Append(",\"").Append(name).Append("\":");
        if (value is null) sb.Append("null");
        else sb.Append(JsonSerializer.Serialize(value, JsonOptions));
    }

    public void WriteSummary(TextWriter o, RegexTestSession session, IReadOnlyList<string> header, TimeSpan elapsed)
    {
        o.WriteLine();
        o.WriteLine("Running tests");
        o.WriteLine("=============");
        o.WriteLine();
        foreach (var h in header) o.WriteLine(h);
        o.WriteLine();
        o.WriteLine();
        o.WriteLine("Results");
        o.WriteLine("=======");
        if (_filter.PrefRegex is { } pref)
        {
            o.WriteLine();
            o.WriteLine("Prefregex: " + session.PrefRegexMatched + " total");
            // fail2ban-regex prints the prefregex with its tags expanded (Regex.getRegex()).
            o.WriteLine("|  " + (pref.Translated?.Expanded ?? pref.Source));
            foreach (var groups in _prefGroups) o.WriteLine("|      " + groups);
            o.WriteLine("`-");
        }
        WriteRegexHits(o, "Failregex", _filter.FailRegexes, session.FailRegexHits, _perRegex);
        WriteRegexHits(o, "Ignoreregex", _filter.IgnoreRegexes, session.IgnoreRegexHits, null);
        if (!_journal) WriteDateTemplates(o, session.Matcher.Dates.Templates);
        o.WriteLine();
        o.WriteLine("Lines: " + session.Tested + " lines, " + _color.Yellow(session.Ignored + " ignored") + ", " +
                    _color.Green(session.Matched + " matched") + ", " + _color.Red(session.Missed + " missed"));
        o.WriteLine("[processed in " + elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " sec]");
        o.WriteLine();
        if (_s.PrintAllMatched) WriteLines(o, "matched", _matched, session.Matched, true);
        if (!_s.PrintNoIgnored) WriteLines(o, "ignored", _ignored, session.Ignored, _s.PrintAllIgnored);
        if (!_s.PrintNoMissed) WriteLines(o, "missed", _missed, session.Missed, _s.PrintAllMissed);
    }

    private void WriteRegexHits(TextWriter o, string title, IReadOnlyList<CompiledRegex> regexes, long[] hits,
        List<(string Id, double? Time, bool Multiple)>[]? failures)
    {
        long total = 0;
        var list = new List<string>();
        for (var i = 0; i < regexes.Count; i++)
        {
            total += hits[i];
            if (hits[i] > 0 || _s.Verbosity > 0)
                list.Add((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(2) + ") [" + hits[i] + "] " + regexes[i].Source);
            if (_s.Verbosity > 0 && failures is not null)
                foreach (var (id, time, multiple) in failures[i])
                    list.Add("    " + id + "  " + (time is { } t ? _zone.ToLocal(t).ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture) : "") +
                             (multiple ? " (multiple regex matched)" : ""));
        }
        o.WriteLine();
        o.WriteLine(title + ": " + total + " total");
        WriteList(o, " #) [# of hits] regular expression", list);
    }

    private void WriteDateTemplates(TextWriter o, IReadOnlyList<DateDetectorTemplate> templates)
    {
        var list = new List<string>();
        foreach (var t in templates)
        {
            if (t.Hits == 0 && _s.Verbosity == 0) continue;
            list.Add("[" + t.Hits + "] " + t.Name);
            if (!_s.VerboseDate) continue;
            list.Add("    # weight: " + t.Weight.ToString("0.000", CultureInfo.InvariantCulture) + " (" +
                     t.Template.Weight.ToString("0.000", CultureInfo.InvariantCulture) + "), pattern: " + (t.Template.Pattern ?? ""));
            list.Add("    # regex:   " + t.Template.PythonRegex);
        }
        o.WriteLine();
        o.WriteLine("Date template hits:");
        WriteList(o, "[# of hits] date format", list);
    }

    /// <summary><c>fail2ban-regex</c>'s <c>pprint_list</c>: nothing for an empty list.</summary>
    private static void WriteList(TextWriter o, string? title, List<string> items)
    {
        if (items.Count == 0) return;
        if (title is not null) o.WriteLine("|- " + title);
        foreach (var item in items) o.WriteLine("|  " + item);
        o.WriteLine("`-");
    }

    /// <summary>
    /// A list of lines as <c>fail2ban-regex</c> prints it: all of them below the print limit (or with
    /// <c>--print-all-…</c>), else its "too many to print" line; missed lines then also show the first ones
    /// with their explanation, which is what one needs to fix the filter.
    /// </summary>
    private void WriteLines(TextWriter o, string kind, List<TestedLine> lines, long total, bool all)
    {
        if (total == 0) return;
        var title = char.ToUpperInvariant(kind[0]) + kind.Substring(1) + " line(s):";
        if (total >= _s.PrintLimit && !all)
        {
            o.WriteLine(title + " too many to print.  Use --print-all-" + kind + " to print all " + total + " lines");
            if (kind != "missed" || lines.Count == 0) return;
            title = "First " + lines.Count + " missed line(s), explained:";
        }
        o.WriteLine("|- " + title);
        foreach (var line in lines) WriteLine(o, kind, line);
        o.WriteLine("`-");
    }

    private void WriteLine(TextWriter o, string kind, TestedLine line)
    {
        var text = kind switch
        {
            "missed" => _color.Red(line.Text.TrimEnd()),
            "matched" => _color.Green(line.Text.TrimEnd()),
            _ => line.Text,
        };
        if (!_s.Debuggex)
        {
            // fail2ban-regex strips the end of listed lines.
            o.WriteLine("|  " + text.TrimEnd());
        }
        else
        {
            // As fail2ban-regex -D: the line without its date, once per regex, with a debuggex.com link.
            var sample = line.Result?.Tuple.WithoutDate ?? line.Text;
            var regexes = kind == "ignored" ? _filter.IgnoreRegexes : _filter.FailRegexes;
            foreach (var r in regexes)
            {
                var python = r.Translated?.Expanded ?? r.Source;
                o.WriteLine(("|  " + sample + " | " + r.Source + " |  " + DebuggexUrl.For(sample, python, _filter.MaxLines > 1)).TrimEnd());
            }
        }
        if (kind != "missed" || line.Result is null) return;
        var first = true;
        foreach (var reason in MissExplainer.Explain(_filter, line.Result, _journal))
        {
            o.WriteLine("|      " + (first ? "line " + line.Number.ToString(CultureInfo.InvariantCulture) + ", why: " : "why: ") +
                        Location.Replace(reason, m => _color.Cyan(m.Value)));
            first = false;
        }
    }
}
