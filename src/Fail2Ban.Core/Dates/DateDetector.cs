using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// Finds and reads the date of log lines as Fail2Ban's <c>DateDetector</c> does (spec 4): an
/// ordered, self-reordering template list built from a <c>datepattern</c> value, searched with
/// the stateful algorithm of 4.7. One instance per filter; not thread-safe.
/// </summary>
public sealed class DateDetector
{
    private const double UnusedTime = 300;
    private const int NoChar = -1;

    private static readonly Regex PieceSeparator = new("\n+", RegexOptions.CultureInvariant);
    private static readonly Regex DatePlaceholder = new(@"(?<!\\)\{DATE\}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly List<DateDetectorTemplate> templates = new();
    private readonly HashSet<string> knownNames = new(StringComparer.Ordinal);
    private readonly DateTemplateCache cache;
    private readonly LocalTimeZone zone;
    private readonly int? defaultOffsetMinutes;
    private readonly double? fixedNow;
    private readonly Func<double> wallClock;
    private readonly bool wallClockIsReal;
    private readonly DateFieldReader.Context? fixedContext;

    // The anchored template the fast path will try next, published for DateSpeculation (other threads).
    private DateTemplate? steadyTemplate;

    // Last conversion (only reused when "now" is fixed).
    private DateTemplate? memoTemplate;
    private string? memoText;
    private string? memoLine;
    private int memoStart, memoLength;

    private ReadOnlySpan<char> MemoText => memoText is { } text ? text.AsSpan() : memoLine.AsSpan(memoStart, memoLength);
    private DateMatchOutcome memoOutcome;
    private double memoTimestamp;

    // Position and surrounding characters of the last date (Fail2Ban's __lastPos / __lastEndPos).
    private int lastPos = 1;
    // The line of the last date: the characters around it are read from it only when needed (an
    // unanchored template's fast path), not on every line.
    private string? lastLine;
    private int lastPosBefore = NoChar;
    private int lastPosAt = NoChar;
    private int lastEndPos = int.MaxValue;
    private int lastEndBefore = NoChar;
    private int lastEndAt = NoChar;
    private int lastIndex = int.MaxValue;
    private int firstUnused;

    /// <summary>
    /// Builds a detector for a <c>datepattern</c> value (null or blank = the 31 default templates).
    /// Throws <see cref="Fail2BanException"/> (<see cref="DiagnosticIds.DatePattern"/>) for an invalid
    /// pattern, or (<see cref="DiagnosticIds.OptionValue"/>) for an invalid <see cref="DateDetectorSettings.DefaultLogZone"/>.
    /// </summary>
    public DateDetector(string? datePattern, DateDetectorSettings? settings = null)
    {
        settings ??= DateDetectorSettings.Default;
        cache = settings.TemplateCache ?? DateTemplateCache.ForYear(settings.CurrentYear ?? DateTime.Now.Year);
        zone = settings.LocalZone ?? LocalTimeZone.System();
        fixedNow = settings.Now;
        wallClock = settings.WallClock ?? DateDetectorSettings.RealClock;
        wallClockIsReal = settings.WallClock is null;
        if (settings.DefaultLogZone is { } logZone)
        {
            if (ZoneOffset.ParseFixed(logZone.AsSpan(), out var minutes) != ZoneOffset.ParseStatus.Valid)
                throw new Fail2BanException(DiagnosticIds.OptionValue, "Unknown or unsupported time zone: '" + logZone + "'");
            defaultOffsetMinutes = minutes;
        }
        if (fixedNow is { } now) fixedContext = new DateFieldReader.Context(now, zone, defaultOffsetMinutes);
        if (datePattern is not null)
        {
            foreach (var raw in PieceSeparator.Split(datePattern))
            {
                var piece = TemplateRegexBuilder.PythonStrip(raw);
                if (piece.Length > 0) AppendPiece(piece);
            }
        }
        // Fail2Ban adds the defaults on the first line when the list is still empty.
        if (templates.Count == 0) AddDefaults(_ => true);
    }

    /// <summary>The templates in their current order, with this detector's hit counts.</summary>
    public IReadOnlyList<DateDetectorTemplate> Templates => templates;

    /// <summary>
    /// Finds the date of <paramref name="line"/> (Fail2Ban's <c>matchTime</c> + <c>getTime</c>) and
    /// updates the detector's state; null when no template matches.
    /// </summary>
    public DateMatch? Match(string line) => Match(line, null);

    /// <summary>
    /// The anchored template the next <see cref="Match(string)"/> will try first, or null (no
    /// template yet, or an unanchored one whose search depends on the previous line). Safe to read
    /// from any thread.
    /// </summary>
    internal DateTemplate? SteadyTemplate => Volatile.Read(ref steadyTemplate);

    /// <summary>
    /// What <see cref="Match(string)"/> would compute first if <paramref name="template"/> is still
    /// the steady template when the line's turn comes, or null when the detector would need more
    /// than a speculation holds (a fixed "now", a pattern template). No side effects; thread-safe.
    /// </summary>
    internal DateSpeculation? Speculate(string line, DateTemplate template)
    {
        if (fixedContext is not { } context || template.Kind != DateTemplateKind.Pattern || !template.IsAnchored) return null;
        // The syslog date is read by span code when it can say what the regex would match.
        System.Text.RegularExpressions.Match? m = null;
        TemplateHit hit;
        if (template.Recognizer is { } recognizer && recognizer.TryMatch(line, out var spans)) hit = spans.Hit;
        else
        {
            spans = default;
            try
            {
                m = template.SearchUncounted(line);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return null; // no speculation: the line's own date search times out and is reported there
            }
            if (!m.Success) return DateSpeculation.NoMatch(template);
            hit = TemplateHit.Of(m, template);
        }
        var inside = hit.Index < line.Length;
        if (hit.DateLength == 0) return new DateSpeculation(template, hit) { StartsInsideLine = inside };
        // Consecutive lines often have the same date: the same matched text gives the same fields.
        var memo = speculationMemo ??= new SpeculationMemo();
        if (!memo.Matches(this, template, line, hit))
        {
            var outcome = m is null
                ? DateFieldReader.ReadFields(template, spans, line, context, out var seconds, out var zoned)
                : DateFieldReader.ReadFields(template, m, line, context, out seconds, out zoned);
            memo.Store(this, template, line, hit, outcome, seconds, zoned);
        }
        if (m is not null) Matching.MatchRecycler.Recycle(m);
        return new DateSpeculation(template, hit, memo.Outcome, memo.Seconds, memo.Zoned, memo.DateText) { StartsInsideLine = inside };
    }

    // Per thread: preparers run on several threads at once.
    [ThreadStatic]
    private static SpeculationMemo? speculationMemo;

    /// <summary>The fields last read on this thread, keyed by the whole matched text and where group 1 lies in it.</summary>
    private sealed class SpeculationMemo
    {
        private DateDetector? owner;
        private DateTemplate? template;
        private string text = "";
        private int dateOffset;

        /// <summary>Group 1's text of the stored match.</summary>
        public string DateText { get; private set; } = "";
        private int dateLength;

        public DateMatchOutcome Outcome { get; private set; }

        public long Seconds { get; private set; }

        public bool Zoned { get; private set; }

        public bool Matches(DateDetector detector, DateTemplate t, string line, TemplateHit hit) =>
            ReferenceEquals(owner, detector) && ReferenceEquals(template, t) && text.Length == hit.Length &&
            dateOffset == hit.DateIndex - hit.Index && dateLength == hit.DateLength &&
            string.CompareOrdinal(line, hit.Index, text, 0, hit.Length) == 0;

        public void Store(DateDetector detector, DateTemplate t, string line, TemplateHit hit, DateMatchOutcome outcome, long seconds, bool zoned)
        {
            owner = detector;
            template = t;
            text = line.Substring(hit.Index, hit.Length);
            DateText = line.Substring(hit.DateIndex, hit.DateLength);
            dateOffset = hit.DateIndex - hit.Index;
            dateLength = hit.DateLength;
            Outcome = outcome;
            Seconds = seconds;
            Zoned = zoned;
        }
    }

    /// <summary><see cref="Match(string)"/>, using <paramref name="speculation"/> when it is what the search would give.</summary>
    internal DateMatch? Match(string line, DateSpeculation? speculation)
    {
        var result = Search(line, speculation);
        var steady = lastIndex < templates.Count && templates[lastIndex].Template.IsAnchored ? templates[lastIndex].Template : null;
        if (!ReferenceEquals(steady, steadyTemplate)) Volatile.Write(ref steadyTemplate, steady);
        return result;
    }

    private DateMatch? Search(string line, DateSpeculation? speculation)
    {
        if (line is null) throw new ArgumentNullException(nameof(line));
        var count = templates.Count;
        Match? match = null;
        Match? bestMatch = null;
        int bestStart = int.MaxValue, bestIndex = -1;
        var ignoreBySearch = int.MaxValue;
        var index = lastIndex;

        // Fast path: the last winner, in the same place if its surroundings are unchanged.
        if (index < count)
        {
            var template = templates[index].Template;
            Match m;
            if (template.IsAnchored)
            {
                if (speculation is not null && ReferenceEquals(speculation.Template, template))
                {
                    // The search made ahead is this one: an anchored template searches the whole line.
                    if (speculation.Success)
                    {
                        template.CountHit();
                        return Accept(line, null, speculation.Hit, index, speculation);
                    }
                    m = System.Text.RegularExpressions.Match.Empty;
                }
                else if (template.Recognizer is { } recognizer && recognizer.TryMatch(line, out var spans))
                {
                    // Span code found what the search would (syslog, ISO 8601 dates): no regex, no Match.
                    template.CountHit();
                    return Accept(line, null, spans.Hit, index, null, spans);
                }
                else m = template.Search(line, 0, line.Length);
                ignoreBySearch = index;
            }
            else if (SameSurroundings(line))
            {
                // Span code that finds the date exactly where the last one was (Apache access logs) is
                // the match this search would accept below; anything else runs the search.
                if (template.Recognizer is { } recognizer && recognizer.TryMatchAt(line, lastPos, lastEndPos, out var spans))
                {
                    template.CountHit();
                    return Accept(line, null, spans.Hit, index, null, spans);
                }
                m = template.Search(line, lastPos, lastEndPos);
            }
            else
            {
                m = template.Search(line, 0, line.Length);
                ignoreBySearch = index;
            }
            if (m.Success)
            {
                if (count == 1 || template.IsAnchored || (m.Index == lastPos && m.Index + m.Length == lastEndPos))
                    match = m;
                else
                {
                    bestMatch = m;
                    bestStart = m.Index;
                    bestIndex = index;
                }
            }
        }

        // Full search, keeping the earliest "collision" as a fallback.
        if (match is null)
        {
            for (var i = 0; i < count; i++)
            {
                if (i == ignoreBySearch) continue;
                var entry = templates[i];
                var m = entry.Template.Search(line, 0, line.Length);
                if (!m.Success) continue;
                var start = m.Index;
                index = i;
                if (i + 1 >= count || entry.Template.IsAnchored ||
                    (start == 0 && entry.Hits > 0 && templates[i + 1].Template.GlobalHits == 0))
                {
                    match = m;
                    break;
                }
                if (start > entry.Distance || start > lastPos)
                {
                    if (start < bestStart)
                    {
                        bestMatch = m;
                        bestStart = start;
                        bestIndex = i;
                    }
                    continue;
                }
                match = m;
                break;
            }
            if (match is null && bestMatch is not null)
            {
                match = bestMatch;
                index = bestIndex;
            }
        }
        if (match is null) return null;
        var accepted = Accept(line, match, TemplateHit.Of(match, templates[index].Template), index, null);
        Matching.MatchRecycler.Recycle(match);
        return accepted;
    }

    // The match, a speculation (with its fields read) or a recognizer's spans describe the winning search.
    private DateMatch Accept(string line, Match? match, TemplateHit hit, int index, DateSpeculation? speculation, in DateSpans spans = default)
    {
        var entry = templates[index];
        var template = entry.Template;
        var start = hit.Index;
        var end = hit.Index + hit.Length;
        entry.Hits++;
        var usedAt = wallClock();
        entry.LastUsed = usedAt;
        entry.Distance = start;
        if (firstUnused == index) firstUnused++;
        // Fail2Ban reads line[start] and line[end-1] here: an IndexError on an empty match at the
        // end of the line (e.g. {NONE} on an empty line) aborts the line before the state is saved.
        if (speculation is not null ? !speculation.StartsInsideLine : start >= line.Length)
            return new DateMatch(template, -1, 0, start, end, DateMatchOutcome.LineFailure, 0);
        lastPos = start;
        lastEndPos = end;
        lastLine = line;
        if (index > 0 && index != lastIndex) index = Reorder(index);
        lastIndex = index;

        if (!hit.DateSuccess)
            return new DateMatch(template, -1, 0, start, end, DateMatchOutcome.EmptyDate, 0);
        if (hit.DateLength == 0)
            return new DateMatch(template, hit.DateIndex, 0, start, end, DateMatchOutcome.EmptyDate, 0);
        // Consecutive lines often carry the same date text: with a fixed "now" the result is the same.
        // (A speculation shares the text instance between such lines: no need to read the line.)
        if (fixedNow is not null && ReferenceEquals(template, memoTemplate) &&
            (speculation?.DateText is { } sharedText && ReferenceEquals(sharedText, memoText) ||
             MemoText.SequenceEqual(line.AsSpan(hit.DateIndex, hit.DateLength))))
            return new DateMatch(template, hit.DateIndex, hit.DateLength, start, end, memoOutcome, memoTimestamp);
        DateMatchOutcome outcome;
        double timestamp;
        if (match is not null) outcome = Convert(template, match, line, usedAt, out timestamp);
        else if (speculation is not null)
        {
            // The fields were read ahead; the zone step stays here, in line order (it has state).
            outcome = speculation.Outcome;
            timestamp = outcome != DateMatchOutcome.Converted ? 0 : speculation.Zoned ? speculation.Seconds : zone.NaiveToEpoch(speculation.Seconds);
        }
        else
        {
            outcome = DateFieldReader.ReadFields(template, spans, line, ConversionContext(usedAt), out var seconds, out var zoned);
            timestamp = outcome != DateMatchOutcome.Converted ? 0 : zoned ? seconds : zone.NaiveToEpoch(seconds);
        }
        if (fixedNow is not null)
        {
            memoTemplate = template;
            // The text stays in its line (no copy per new date): a string only when one was made ahead.
            memoText = speculation?.DateText;
            memoLine = line;
            memoStart = hit.DateIndex;
            memoLength = hit.DateLength;
            memoOutcome = outcome;
            memoTimestamp = timestamp;
        }
        return new DateMatch(template, hit.DateIndex, hit.DateLength, start, end, outcome, timestamp);
    }

    private DateMatchOutcome Convert(DateTemplate template, Match match, string line, double usedAt, out double timestamp)
    {
        timestamp = 0;
        switch (template.Kind)
        {
            case DateTemplateKind.Pattern:
                return DateFieldReader.Read(template, match, line, ConversionContext(usedAt), out timestamp);
            case DateTemplateKind.Epoch:
            case DateTemplateKind.LongEpoch:
            {
                var g = template.ValueGroup >= 0 ? match.Groups[template.ValueGroup] : null;
                if (g is null || !g.Success) return DateMatchOutcome.LineFailure; // float(None)
                if (!TryParseFloat(line.AsSpan(g.Index, g.Length), out var value)) return DateMatchOutcome.Unparsable;
                if (template.Kind == DateTemplateKind.LongEpoch && g.Length >= 13)
                    value = g.Length >= 16 && line.IndexOf('.', g.Index, g.Length) < 0 ? value / 1000000 : value / 1000;
                timestamp = value;
                return DateMatchOutcome.Converted;
            }
            default:
            {
                // TAI64N: hex characters 2..16 of "@4000…" are the seconds (label without its top digit).
                var g = match.Groups[template.DateGroup];
                if (g.Length < 3) return DateMatchOutcome.Unparsable;
                long seconds = 0;
                for (var i = g.Index + 2; i < g.Index + Math.Min(17, g.Length); i++)
                {
                    var c = line[i];
                    var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (digit < 0) return DateMatchOutcome.Unparsable;
                    seconds = seconds * 16 + digit;
                }
                timestamp = seconds;
                return DateMatchOutcome.Converted;
            }
        }
    }

    // "Now" for the year inference: the real clock, as read a moment ago for the template's last use when
    // that was the real clock too (Fail2Ban reads it twice within microseconds; one read per line is enough).
    private DateFieldReader.Context ConversionContext(double usedAt) =>
        fixedContext ?? new DateFieldReader.Context(wallClockIsReal ? usedAt : DateDetectorSettings.RealClock(), zone, defaultOffsetMinutes);

    // Python float() of the digits an epoch regex matched (\d may be any Unicode decimal digit).
    private static bool TryParseFloat(ReadOnlySpan<char> text, out double value)
    {
        Span<char> ascii = text.Length <= 64 ? stackalloc char[text.Length] : new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var d = CharUnicodeInfo.GetDecimalDigitValue(c);
            ascii[i] = d >= 0 ? (char)('0' + d) : c;
        }
#if NET
        return double.TryParse(ascii, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#else
        return double.TryParse(ascii.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#endif
    }

    // Fail2Ban's check that the last date's surroundings are unchanged: the char before the start
    // (or the start char itself when not alphanumeric) and the char at the end (or the one before it).
    private bool SameSurroundings(string line)
    {
        if (lastLine is { } previous)
        {
            lastPosBefore = CharAt(previous, lastPos - 1);
            lastPosAt = previous[lastPos];
            lastEndBefore = previous[lastEndPos == 0 ? previous.Length - 1 : lastEndPos - 1];
            lastEndAt = CharAt(previous, lastEndPos);
            lastLine = null;
        }
        var begins = CharAt(line, lastPos - 1) == lastPosBefore ||
                     (CharAt(line, lastPos) == lastPosAt && !IsPythonAlnum(lastPosAt));
        if (!begins) return false;
        return CharAt(line, lastEndPos) == lastEndAt ||
               (CharAt(line, lastEndPos - 1) == lastEndBefore && !IsPythonAlnum(lastEndBefore));
    }

    // line[i:i+1] as a char code, NoChar for an empty slice.
    private static int CharAt(string line, int i) => i >= 0 && i < line.Length ? line[i] : NoChar;

    private static bool IsPythonAlnum(int c) => c != NoChar && (char.IsLetter((char)c) || char.IsNumber((char)c));

    // Fail2Ban's _reorderTemplate: bubble a winning template up towards the front.
    private int Reorder(int index)
    {
        var entry = templates[index];
        var untime = entry.LastUsed - UnusedTime;
        var weight = entry.Weight;
        var pos = firstUnused < index ? firstUnused : index / 2;
        if (!Movable(pos))
        {
            if (pos == index - 1) return index;
            pos = index - 1;
            if (!Movable(pos)) return index;
        }
        templates.RemoveAt(index);
        templates.Insert(pos, entry);
        while (firstUnused < templates.Count && templates[firstUnused].Hits > 0) firstUnused++;
        return pos;

        bool Movable(int p) => weight > templates[p].Weight || untime > templates[p].LastUsed;
    }

    // DateDetector.appendTemplate for one datepattern piece.
    private void AppendPiece(string piece)
    {
        var key = DateTemplateCache.KeyOf(piece);
        DateTemplate template;
        lock (cache.Gate)
        {
            var cached = cache.Lookup(key);
            if (cached is null)
            {
                if (key == "{^LN-BEG}")
                {
                    AddDefaults(t => (t.Flags & DateTemplateFlags.LineBegin) != 0);
                    return;
                }
                if (key == "{DEFAULT}")
                {
                    // Fail2Ban's filter for {DEFAULT} returns None for every template, so this adds
                    // nothing (the defaults only arrive if the list stays empty).
                    AddDefaults(_ => false);
                    return;
                }
                if (key.IndexOf("{DATE}", StringComparison.Ordinal) >= 0)
                {
                    AddExpandedDefaults(piece);
                    return;
                }
                cached = key == "{NONE}" ? cache.GetPatternTemplate("{UNB}^", key) : cache.GetPatternTemplate(piece, key);
            }
            cache.Store(key, cached);
            template = cached;
        }
        AppendTemplate(template, ignoreDuplicate: false);
    }

    private void AddDefaults(Func<DateTemplate, bool> filter)
    {
        var ignoreDuplicate = templates.Count > 0;
        foreach (var template in cache.Defaults)
            if (filter(template)) AppendTemplate(template, ignoreDuplicate);
    }

    // {DATE}: one template per source default, the piece with {DATE} replaced by its pattern.
    private void AddExpandedDefaults(string piece)
    {
        var ignoreDuplicate = templates.Count > 0;
        foreach (var source in cache.SourceDefaults)
        {
            DateTemplate template;
            lock (cache.Gate)
                template = cache.GetWrappedTemplate(source, s => DatePlaceholder.Replace(piece, _ => DateTemplateCache.UnboundPattern(s)));
            AppendTemplate(template, ignoreDuplicate);
        }
    }

    private void AppendTemplate(DateTemplate template, bool ignoreDuplicate)
    {
        if (!knownNames.Add(template.Name))
        {
            if (ignoreDuplicate) return;
            throw new Fail2BanException(DiagnosticIds.DatePattern, "There is already a template with name " + template.Name);
        }
        templates.Add(new DateDetectorTemplate(template));
    }
}
