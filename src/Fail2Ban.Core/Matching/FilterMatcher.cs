using Fail2Ban.Core.Text;
using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Dates;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Runs one compiled filter over a stream of log lines with Fail2Ban's exact algorithm (spec 3):
/// date detection and cutting, the <c>maxlines</c> buffer, ignoreregex (with its position rule),
/// prefregex and <c>F-CONTENT</c>, every failregex, group merging, multi-line ids
/// (<c>F-MLFID</c>, <c>F-NOFAIL</c>, …) and the failure id. It keeps state across lines, as a
/// Fail2Ban filter does, so lines must be fed in order; memory stays bounded by <c>maxlines</c>
/// and the 100-entry id cache.
/// </summary>
public sealed class FilterMatcher
{
    private readonly CompiledFilter _filter;
    private readonly MatcherOptions _options;
    private readonly DateDetector _dates;
    private readonly MlfidCache _mlfid;
    private readonly int _maxLines;
    private List<TupleLine> _buffer = new();
    private string? _lastTimeText;  // see LastTimeText
    private double? _lastDate;

    /// <summary>A matcher with its own date detector built from the filter's datepattern.</summary>
    public FilterMatcher(CompiledFilter filter, MatcherOptions options, DateDetectorSettings dateSettings)
        : this(filter, options, new DateDetector(filter.DatePattern, dateSettings))
    {
    }

    public FilterMatcher(CompiledFilter filter, MatcherOptions options, DateDetector dates)
    {
        _filter = filter;
        _options = options;
        _dates = dates;
        _maxLines = Math.Max(1, filter.MaxLines);
        _mlfid = new MlfidCache(options.WallClock);
    }

    public CompiledFilter Filter => _filter;

    public DateDetector Dates => _dates;

    /// <summary>
    /// The lines currently buffered for multi-line matching (oldest first). With maxlines 1 it is
    /// not carried to the next line, and may hold the line rather than its F-CONTENT.
    /// </summary>
    public IReadOnlyList<TupleLine> Buffer => _buffer;

    /// <summary>
    /// Processes one line (without its line terminator). With <paramref name="suppliedTime"/> the
    /// line carries no time stamp (journal mode): no date detection runs and the time is used as is.
    /// </summary>
    public LineResult ProcessLine(string line, double? suppliedTime = null, string? suppliedTimeText = null) =>
        Process(line, suppliedTime, suppliedTimeText, null);

    /// <summary>
    /// Processes a line prepared ahead by <see cref="CreatePreparer"/>'s preparer: the same result as
    /// <see cref="ProcessLine(string, double?, string?)"/> on its text, with the work done ahead reused.
    /// </summary>
    public LineResult ProcessLine(PreparedLine prepared)
    {
        if (prepared is null) throw new ArgumentNullException(nameof(prepared));
        return Process(prepared.Line, null, null, prepared);
    }

    /// <summary>
    /// A preparer for lines of this matcher's stream (see <see cref="LinePreparer"/>). Its work is
    /// only worth it for a detector with a fixed "now" (otherwise dates are redone in order).
    /// </summary>
    public LinePreparer CreatePreparer() => new(this, SingleLineScans);

    // Single-line filters trying every failregex: a line's regex searches depend on the line alone.
    private bool SingleLineScans => _maxLines == 1 && _options.CheckAllRegex;

    private LineResult Process(string line, double? suppliedTime, string? suppliedTimeText, PreparedLine? prepared)
    {
        if (suppliedTime is not { } given) return Complete(line, LocateDate(line, prepared?.Date), prepared);
        var tuple = new TupleLine("", suppliedTimeText ?? "", line);
        SetLastDate(tuple.DateText, given);
        var result = new LineResult { Tuple = tuple, Time = given };
        if (SingleLineScans) ApplyScan(tuple, LineScan.Run(_filter, tuple), given, result);
        else FindFailures(tuple, given, result);
        return result;
    }

    /// <summary>
    /// Processes one line as <see cref="ProcessLine(string, double?, string?)"/> does (same state
    /// afterwards) and gives its result only when there is one to report: false, with no result
    /// object made, when the line produced no entry, no ignoreregex hit, no time-out and no error.
    /// For a single-line filter (<c>maxlines</c> 1) such a line costs no allocation in steady state: its
    /// date is found and its text searched in place (<see cref="Buffer"/> is then left as it was).
    /// </summary>
    public bool TryProcessLine(string line, out LineResult? result)
    {
        if (line is null) throw new ArgumentNullException(nameof(line));
        if (_maxLines == 1)
        {
            // Nothing carries over between lines of a single-line filter but the date and ids, so a
            // line no search can match is decided in place.
            var dated = LocateDate(line, null);
            ulong? left = null;
            InPlaceHit? hit = null;
            if (!dated.Failed && !dated.DateTimedOut)
            {
                if (QuietMiss(line, dated, false, out _))
                {
                    result = null;
                    return false;
                }
                left = _inPlace.CandidatesLeft;
                hit = _inPlace.Hit;
            }
            result = Complete(line, dated, null, left, hit);
        }
        else result = Process(line, null, null, null);
        if (result.Error is null && result.EntryCount == 0 && !result.IgnoreRegexMatched && result.TimedOutOrNull is null)
        {
            result = null;
            return false;
        }
        return true;
    }

    // The rest of processing a line from its located date, reusing what a preparer did ahead, or
    // what the in-place search found: the failregexes still worth searching (candidatesLeft) and
    // the searches up to the first failregex hit (hit).
    private LineResult Complete(string line, DatedLine dated, PreparedLine? prepared, ulong? candidatesLeft = null, InPlaceHit? hit = null)
    {
        var result = new LineResult { DateTemplate = dated.Template };
        if (dated.DateTimedOut) result.TimedOut.Add(DateTimedOutSource);
        if (dated.Failed)
        {
            // Fail2Ban raises on this line (e.g. an unknown zone name): the server drops it.
            result.Error = "the date of this line cannot be processed (Fail2Ban fails on it)";
            result.Tuple = new TupleLine("", "", line);
            return result;
        }
        // Cut ahead at the same place of the same line: the same strings.
        var tuple = dated.MatchedDate && !dated.DateFromLast && prepared is { Tuple: { } cut } &&
                    prepared.DateStart == dated.CutStart && prepared.DateLength == dated.CutEnd - dated.CutStart
            ? cut
            : Cut(line, dated);
        result.Tuple = tuple;
        result.Time = dated.Date;
        result.NoDate = dated.NoDate;
        if (SingleLineScans) ApplyScan(tuple, prepared?.ScanFor(tuple) ?? LineScan.Run(_filter, tuple, candidatesLeft, hit), dated.Date, result);
        else FindFailures(tuple, dated.Date, result);
        return result;
    }

    /// <summary>Where a line's date lies and what it gives (Fail2Ban's processLine up to the buffer).</summary>
    private readonly struct DatedLine
    {
        /// <summary>Before = line[..CutStart], the date text = line[CutStart..CutEnd], After = line[CutEnd..].</summary>
        public int CutStart { get; init; }

        public int CutEnd { get; init; }

        /// <summary>The line has no usable date and takes the last one's text (Before empty, After the whole line).</summary>
        public bool DateFromLast { get; init; }

        /// <summary>A template matched and its date group took part (the cut is the date's place).</summary>
        public bool MatchedDate { get; init; }

        public double? Date { get; init; }

        public bool NoDate { get; init; }

        public string? Template { get; init; }

        /// <summary>Fail2Ban fails on this line's date.</summary>
        public bool Failed { get; init; }

        /// <summary>A date template's regex ran past its time limit on this line: the date (and so the line) is undecided.</summary>
        public bool DateTimedOut { get; init; }
    }

    /// <summary>What <see cref="LineResult.TimedOut"/> names when a date template's regex timed out on the line.</summary>
    public const string DateTimedOutSource = "(datepattern)";

    // Date detection and the date rules of processLine; updates the detector and the last date.
    private DatedLine LocateDate(string line, DateSpeculation? speculation)
    {
        DateMatch? match;
        try
        {
            match = _dates.Match(line, speculation);
        }
        catch (RegexMatchTimeoutException)
        {
            // Not "no date": the line is reported as timed out, never silently processed as undated.
            return Undated(new DatedLine { DateTimedOut = true });
        }
        if (match is not { } m) return Undated(new DatedLine());
        var template = m.Template.Name;
        if (m.Outcome == DateMatchOutcome.LineFailure) return new DatedLine { Template = template, Failed = true };
        if (m.Start < 0)
        {
            // group 1 did not take part: Python slices with -1 (around the last character)
            var at = Math.Max(0, line.Length - 1);
            return Undated(EmptyDate(new DatedLine { CutStart = at, CutEnd = at, Template = template }));
        }
        var cut = new DatedLine { CutStart = m.Start, CutEnd = m.Start + m.Length, MatchedDate = true, Template = template };
        if (m.Length == 0) return Undated(EmptyDate(cut));
        if (m.Timestamp is { } stamp) SetLastDate(line, m.Start, m.Length, stamp);
        return Undated(cut with { Date = m.Timestamp });

        // The template matched an empty date (it is optional): reuse the last one, else "now".
        DatedLine EmptyDate(DatedLine d) => LastDateIsRecent()
            ? new DatedLine { DateFromLast = true, Date = _lastDate, Template = d.Template }
            : d with { Date = _options.Now };

        DatedLine Undated(DatedLine d)
        {
            if (d.Date is not null) return d;
            return LastDateIsRecent()
                ? new DatedLine { DateFromLast = true, Date = _lastDate, NoDate = true, Template = d.Template }
                : d with { NoDate = true };
        }
    }

    private TupleLine Cut(string line, DatedLine d) =>
        d.DateFromLast
            ? new TupleLine("", LastTimeText ?? "", line)
            : new TupleLine(line.Substring(0, d.CutStart), line.Substring(d.CutStart, d.CutEnd - d.CutStart), d.CutEnd == 0 ? line : line.Substring(d.CutEnd));

    // The last date's text is cut from its line only when a later line needs it.
    private string? _lastTimeLine;
    private int _lastTimeStart, _lastTimeLength;

    private string? LastTimeText
    {
        get
        {
            if (_lastTimeLine is { } source)
            {
                _lastTimeText = source.Substring(_lastTimeStart, _lastTimeLength);
                _lastTimeLine = null;
            }
            return _lastTimeText;
        }
    }

    private void SetLastDate(string text, double date)
    {
        _lastTimeText = text;
        _lastTimeLine = null;
        _lastDate = date;
    }

    private void SetLastDate(string line, int start, int length, double date)
    {
        _lastTimeLine = line;
        _lastTimeStart = start;
        _lastTimeLength = length;
        _lastDate = date;
    }

    private readonly InPlaceLineSearch _inPlace = new();

    // True when a single-line filter's searches cannot produce anything to report for this line.
    private bool QuietMiss(string line, DatedLine dated, bool askPref, out bool? prefMatched) =>
        dated.DateFromLast
            ? _inPlace.NothingToReport(_filter, default, line.AsSpan(), askPref, out prefMatched)
            : _inPlace.NothingToReport(_filter, line.AsSpan(0, dated.CutStart), line.AsSpan(dated.CutEnd), askPref, out prefMatched);

    /// <summary>
    /// For <see cref="RegexTestSession"/>: <see cref="ProcessLine(string, double?, string?)"/>, except that a
    /// line of a single-line filter that yields nothing to report (see <see cref="TryProcessLine"/>) gives
    /// null and makes no objects; <paramref name="prefMatched"/> is then the prefregex's outcome.
    /// </summary>
    internal LineResult? ProcessUnlessQuietMiss(string line, out bool? prefMatched)
    {
        prefMatched = null;
        if (_maxLines != 1) return Process(line, null, null, null);
        var dated = LocateDate(line, null);
        ulong? left = null;
        InPlaceHit? hit = null;
        if (!dated.Failed && !dated.DateTimedOut)
        {
            if (QuietMiss(line, dated, true, out prefMatched)) return null;
            left = _inPlace.CandidatesLeft;
            hit = _inPlace.Hit;
        }
        prefMatched = null;
        return Complete(line, dated, null, left, hit);
    }

    // Python: `self.__lastDate and self.__lastDate > MyTime.time() - 60` (0.0 is falsy).
    private bool LastDateIsRecent() => _lastDate is { } d && d != 0 && d > _options.Now - 60;

    private void FindFailures(TupleLine tuple, double? date, LineResult result)
    {
        List<TupleLine> orgBuffer;
        if (_maxLines > 1)
        {
            var next = new List<TupleLine>(Math.Min(_buffer.Count + 1, _maxLines));
            var skip = Math.Max(0, _buffer.Count + 1 - _maxLines);
            for (var i = skip; i < _buffer.Count; i++) next.Add(_buffer[i]);
            next.Add(tuple);
            orgBuffer = _buffer = next;
        }
        else
        {
            orgBuffer = _buffer = new List<TupleLine>(1) { tuple };
        }
        string? buf = JoinBuffer(orgBuffer);

        var ignore = _filter.IgnoreRegexes;
        var fail = _filter.FailRegexes;
        if (ignore.Count > 0 && ignore.Count < fail.Count - 2)
        {
            if (IgnoreLine(buf, orgBuffer, null, result) is not null) return;
        }

        FailureData? preGroups = null;
        if (_filter.PrefRegex is { } pref)
        {
            var pm = Search(pref, buf, result);
            result.PrefRegexMatched = pm is not null;
            if (pm is null) return;
            preGroups = pref.GetGroups(pm, buf);
            MatchRecycler.Recycle(pm);
            var content = preGroups.Pop("content");
            if (FailureData.Truthy(content))
            {
                _buffer = new List<TupleLine>(1) { new("", "", (string)content!) };
                buf = null;
            }
        }

        for (var index = 0; index < fail.Count; index++)
        {
            var regex = fail[index];
            buf ??= JoinBuffer(_buffer);
            var m = Search(regex, buf, result);
            if (m is null) continue;
            var (matched, unmatched) = SplitMatchedLines(regex, m, buf, orgBuffer);
            var data = regex.GetGroups(m, buf);
            MatchRecycler.Recycle(m);

            if (ignore.Count > 0 && IgnoreLine(buf, orgBuffer, (matched, unmatched), result) is not null)
            {
                buf = null;
                if (!_options.CheckAllRegex) break;
                continue;
            }
            if (!_options.CheckAllRegex || _maxLines > 1)
            {
                _buffer = unmatched;
                buf = null;
            }

            if (!AddFailure(index, data, preGroups, matched, date, result)) return;
        }
    }

    /// <summary>
    /// FindFailures for a single-line filter trying every failregex, from searches made ahead
    /// (<see cref="LineScan"/>): the same steps in the same order, without searching.
    /// </summary>
    private void ApplyScan(TupleLine tuple, LineScan scan, double? date, LineResult result)
    {
        var orgBuffer = _buffer = new List<TupleLine>(1) { tuple };
        if (scan.TimedOut is { } timedOut) result.TimedOut.AddRange(timedOut);
        if (scan.EarlyIgnoreHits is { } early)
        {
            result.IgnoreRegexHits.AddRange(early);
            return;
        }
        if (_filter.PrefRegex is not null)
        {
            result.PrefRegexMatched = scan.PrefMatched;
            if (scan.PrefMatched != true) return;
            if (scan.ContentLine is { } content) _buffer = new List<TupleLine>(1) { content };
        }
        if (scan.FailGroups is not { } groups) return;
        var hasIgnore = _filter.IgnoreRegexes.Count > 0;
        foreach (var (index, data, merged) in groups)
        {
            if (hasIgnore && scan.LateIgnoreHits is { } late)
            {
                result.IgnoreRegexHits.AddRange(late);
                continue;
            }
            // AddFailure copies the matched lines it keeps: the buffer is lent, not copied.
            if (!AddFailure(index, data, merged ? null : scan.PreGroups, orgBuffer, date, result)) return;
        }
    }

    /// <summary>
    /// The rest of FindFailures for one matched failregex: group merging, multi-line ids, the
    /// failure id. False when FindFailures stops here.
    /// </summary>
    private bool AddFailure(int index, FailureData data, FailureData? preGroups, List<TupleLine> matched, double? date, LineResult result)
    {
        var defCidr = _options.RawHost ? IpAddress.CidrRaw : IpAddress.CidrUnspec;
        var cidr = defCidr;
        var raw = defCidr == IpAddress.CidrRaw;
        if (preGroups is { Count: > 0 })
        {
            // master: a failregex group that did not participate keeps the prefregex's value
            var merged = preGroups.CopyWithRoom(data.Count + 4);
            foreach (var kv in data) if (kv.Value is not null || !merged.ContainsKey(kv.Key)) merged[kv.Key] = kv.Value;
            data = merged;
        }

        var mlfid = data.TryGetValue("mlfid", out var mlfidValue) ? mlfidValue : null;
        var cached = false;
        if (mlfid is not null)
        {
            data = MergeFailure(ToKey(mlfid), data, matched, out cached);
            if (data.IsTruthy("nofail") && !_options.CheckAllRegex) return false;
        }
        else
        {
            var lines = Joined(data.Matches, null, matched);
            data["matches"] = lines;
        }

        data.TryGetValue("fid", out var fid);
        object? host = data.TryGetValue("ip4", out var ip4) ? ip4 : null;
        if (host is not null)
        {
            cidr = ParseCidr(data, IpAddress.FamilyIPv4);
            raw = true;
        }
        else
        {
            host = data.TryGetValue("ip6", out var ip6) ? ip6 : null;
            if (host is not null)
            {
                cidr = ParseCidr(data, IpAddress.FamilyIPv6);
                raw = true;
            }
            else
            {
                host = data.TryGetValue("dns", out var dns) ? dns : null;
                if (host is null)
                {
                    if (fid is null && mlfid is null)
                    {
                        // Fail2Ban: "No group found" - logged, this regex yields nothing.
                        return true;
                    }
                    host = fid;
                    raw = true;
                }
            }
        }

        // Fail2Ban's list of ids has at most one here (no DNS lookups).
        IpAddress? id = null;
        var hasId = true;
        if (host is null)
        {
            data["mlfpending"] = 1;
            if (!_options.CheckAllRegex && _options.IgnorePending) return false;
        }
        else if (raw)
        {
            var hostText = ToKey(host);
            if (fid is null || fid is string f && f == hostText)
            {
                id = IpAddress.Create(hostText, cidr);
            }
            else
            {
                data["ip"] = IpAddress.Create(hostText, cidr);
                id = IpAddress.Create(ToKey(fid), fid is string ? defCidr : IpAddress.CidrRaw);
            }
        }
        else
        {
            // No DNS here: a literal address is used as is, a name yields no failure.
            id = IpAddress.Create(ToKey(host));
            hasId = id.IsValid;
        }

        // The id cache changes its entry with later lines: the entry keeps this line's state as a copy.
        // (An entry forgotten on this line is referenced by this failure alone.)
        if (_options.CheckAllRegex && cached) data = data.CopyWithRoom(0);
        if (hasId) result.Entries.Add(new Failure(index, id, date, data));
        return _options.CheckAllRegex;
    }

    private static int ParseCidr(FailureData data, int fallback)
    {
        var text = data.GetString("cidr");
        return !string.IsNullOrEmpty(text) && int.TryParse(text, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : fallback;
    }

    private int? IgnoreLine(string buf, List<TupleLine> orgBuffer,
        (List<TupleLine> Matched, List<TupleLine> Unmatched)? failMatch, LineResult result)
    {
        if (failMatch is { } fm && _maxLines > 1)
        {
            orgBuffer = fm.Matched;
            buf = JoinBuffer(orgBuffer);
        }
        int? found = null;
        var ignore = _filter.IgnoreRegexes;
        for (var i = 0; i < ignore.Count; i++)
        {
            if (Search(ignore[i], buf, result) is null) continue;
            found = i;
            result.IgnoreRegexHits.Add(i);
            if (!_options.CheckAllRegex || _maxLines > 1)
            {
                if (failMatch is { } f) _buffer = f.Unmatched;
            }
            if (!_options.CheckAllRegex) break;
        }
        return found;
    }

    /// <summary>Fail2Ban's <c>_mergeFailure</c>: correlates the lines of one connection (spec 3.8).</summary>
    /// <param name="cached">Whether the returned data is the id cache's entry (which later lines change).</param>
    private FailureData MergeFailure(string mlfid, FailureData fail, List<TupleLine> matchedNow, out bool cached)
    {
        var entry = _mlfid.Get(mlfid);
        HashSet<string>? users = null;
        var nofail = false;
        var gained = false;
        var prevNofail = false;
        if (fail.IsTruthy("mlfgained"))
        {
            gained = true;
            nofail = true;
            if (!fail.IsTruthy("nofail")) fail["nofail"] = fail["mlfgained"];
        }
        else if (fail.IsTruthy("nofail"))
        {
            nofail = true;
        }
        var forget = FailureData.Truthy(fail.Pop("mlfforget"));

        cached = false;
        if (entry is not null)
        {
            users = UpdateUsers(entry, fail.GetString("user"));
            if (FailureData.Truthy(entry.Pop("nofail"))) prevNofail = true;
            if (FailureData.Truthy(entry.Pop("mlfgained"))) prevNofail = true;
            if (gained) entry.Remove("mlfpending");
            if (!prevNofail && !entry.IsTruthy("mlfpending")) entry.Remove("matches");
            foreach (var kv in fail) if (kv.Value is not null) entry[kv.Key] = kv.Value;
            fail = entry;
            if (forget) _mlfid.Remove(mlfid);
            else cached = true;
        }
        else if (!forget)
        {
            users = UpdateUsers(fail, fail.GetString("user"));
            _mlfid.Set(mlfid, fail);
            cached = true;
        }

        if (FailureData.Truthy(fail.Pop("mlfpending")) || users is { Count: > 1 })
        {
            fail.Remove("nofail");
            fail.Remove("mlfgained");
            nofail = false;
            gained = false;
        }
        if (!nofail)
        {
            fail["matches"] = Joined(fail.Pop("nofail-matches") as List<TupleLine>, fail.Matches, gained ? null : matchedNow);
        }
        else if (!forget)
        {
            fail["nofail-matches"] = Joined(fail.TryGetValue("nofail-matches", out var prev) ? prev as List<TupleLine> : null, null, matchedNow);
        }
        return fail;
    }

    // A new list of the given lines, in order, made at its final size.
    private static List<TupleLine> Joined(IReadOnlyList<TupleLine>? first, IReadOnlyList<TupleLine>? second, List<TupleLine>? third)
    {
        var lines = new List<TupleLine>((first?.Count ?? 0) + (second?.Count ?? 0) + (third?.Count ?? 0));
        if (first is not null) for (var i = 0; i < first.Count; i++) lines.Add(first[i]);
        if (second is not null) for (var i = 0; i < second.Count; i++) lines.Add(second[i]);
        if (third is not null) lines.AddRange(third);
        return lines;
    }

    private static HashSet<string>? UpdateUsers(FailureData fail, string? user)
    {
        if (string.IsNullOrEmpty(user)) return null;
        if (!(fail.TryGetValue("users", out var u) && u is HashSet<string> { Count: > 0 } users))
        {
            users = new HashSet<string>(StringComparer.Ordinal);
            fail["users"] = users;
        }
        users.Add(user!);
        return users;
    }

    /// <summary>Splits the searched buffer into the lines the match covers and the rest (spec 3.9).</summary>
    private static (List<TupleLine> Matched, List<TupleLine> Unmatched) SplitMatchedLines(
        CompiledRegex regex, Match m, string buf, List<TupleLine> orgLines)
    {
        if (orgLines.Count <= 1) return (new List<TupleLine>(orgLines), new List<TupleLine>());
        var start = m.Index;
        var end = m.Index + m.Length;
        var lineStart = buf.LastIndexOf('\n', Math.Min(start, buf.Length - 1)) + 1;
        var from = end - 1 < 0 ? buf.Length - 1 : end - 1;
        var nl = from < buf.Length ? buf.IndexOf('\n', from) : -1;
        var lineEnd = nl < 0 ? buf.Length : nl + 1;
        var count1 = Math.Min(CountNewlines(buf, lineStart), orgLines.Count);
        var count2 = Math.Min(CountNewlines(buf, lineEnd), orgLines.Count);
        if (count2 < count1) count2 = count1;
        var matched = orgLines.GetRange(count1, count2 - count1);
        var unmatched = orgLines.GetRange(0, count1);
        var n = 0;
        foreach (var skipped in PythonText.SplitLines(regex.SkippedText(m)))
        {
            for (var k = n; k < matched.Count; k++)
            {
                if (matched[k].WithoutDate == skipped)
                {
                    unmatched.Add(matched[k]);
                    matched.RemoveAt(k);
                    n = k;
                    break;
                }
            }
        }
        unmatched.AddRange(orgLines.GetRange(count2, orgLines.Count - count2));
        return (matched, unmatched);
    }

    private static int CountNewlines(string s, int end)
    {
        var c = 0;
        for (var i = 0; i < end; i++) if (s[i] == '\n') c++;
        return c;
    }

    private static Match? Search(CompiledRegex regex, string buf, LineResult result)
    {
        // A text without the regex's required literals cannot match: skip the search.
        if (!regex.Prefilter.MayMatch(buf.AsSpan())) return null;
        try
        {
            var m = regex.Runner.Match(buf);
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            if (regex.TryMatchWithoutBacktracking(buf, out var decided)) return decided;
            result.TimedOut.Add(regex.Source);
            return null;
        }
    }

    /// <summary>Fail2Ban's buffer string: each line without its date, joined by "\n", plus a final "\n".</summary>
    internal static string JoinBuffer(List<TupleLine> lines)
    {
        if (lines.Count == 1) return string.Concat(lines[0].Before, lines[0].After, "\n");
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) sb.Append('\n');
            sb.Append(lines[i].Before).Append(lines[i].After);
        }
        return sb.Append('\n').ToString();
    }

    /// <summary><c>str()</c> of a group value: tuples print as Python tuples.</summary>
    private static string ToKey(object value) => value switch
    {
        string s => s,
        IpAddress a => a.Text,
        List<string?> t => "(" + string.Join(", ", t.ConvertAll(v => v is null ? "None" : "'" + v + "'")) + (t.Count == 1 ? ",)" : ")"),
        _ => value.ToString() ?? "",
    };
}
