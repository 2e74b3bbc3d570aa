using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
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
    private DateFieldReader.Context? fixedContext;

    // Last conversion (only reused when "now" is fixed).
    private DateTemplate? memoTemplate;
    private string? memoText;
    private DateMatchOutcome memoOutcome;
    private double memoTimestamp;

    // Position and surrounding characters of the last date (Fail2Ban's __lastPos / __lastEndPos).
    private int lastPos = 1;
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
        if (settings.DefaultLogZone is { } logZone)
        {
            if (ZoneOffset.ParseFixed(logZone.AsSpan(), out var minutes) != ZoneOffset.ParseStatus.Valid)
                throw new Fail2BanException(DiagnosticIds.OptionValue, "Unknown or unsupported time zone: '" + logZone + "'");
            defaultOffsetMinutes = minutes;
        }
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
    public DateMatch? Match(string line)
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
                m = template.Search(line, 0, line.Length);
                ignoreBySearch = index;
            }
            else if (SameSurroundings(line))
            {
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
        return Accept(line, match, index);
    }

    private DateMatch Accept(string line, Match match, int index)
    {
        var entry = templates[index];
        var template = entry.Template;
        var start = match.Index;
        var end = match.Index + match.Length;
        entry.Hits++;
        entry.LastUsed = wallClock();
        entry.Distance = start;
        if (firstUnused == index) firstUnused++;
        // Fail2Ban reads line[start] and line[end-1] here: an IndexError on an empty match at the
        // end of the line (e.g. {NONE} on an empty line) aborts the line before the state is saved.
        if (start >= line.Length)
            return new DateMatch(template, -1, 0, start, end, DateMatchOutcome.LineFailure, 0);
        lastPos = start;
        lastPosBefore = CharAt(line, start - 1);
        lastPosAt = line[start];
        lastEndPos = end;
        lastEndBefore = line[end == 0 ? line.Length - 1 : end - 1];
        lastEndAt = CharAt(line, end);
        if (index > 0 && index != lastIndex) index = Reorder(index);
        lastIndex = index;

        var group = match.Groups[template.DateGroup];
        if (!group.Success)
            return new DateMatch(template, -1, 0, start, end, DateMatchOutcome.EmptyDate, 0);
        if (group.Length == 0)
            return new DateMatch(template, group.Index, 0, start, end, DateMatchOutcome.EmptyDate, 0);
        // Consecutive lines often carry the same date text: with a fixed "now" the result is the same.
        if (fixedNow is not null && ReferenceEquals(template, memoTemplate) && memoText!.Length == group.Length &&
            string.CompareOrdinal(line, group.Index, memoText, 0, group.Length) == 0)
            return new DateMatch(template, group.Index, group.Length, start, end, memoOutcome, memoTimestamp);
        var outcome = Convert(template, match, line, out var timestamp);
        if (fixedNow is not null)
        {
            memoTemplate = template;
            memoText = line.Substring(group.Index, group.Length);
            memoOutcome = outcome;
            memoTimestamp = timestamp;
        }
        return new DateMatch(template, group.Index, group.Length, start, end, outcome, timestamp);
    }

    private DateMatchOutcome Convert(DateTemplate template, Match match, string line, out double timestamp)
    {
        timestamp = 0;
        switch (template.Kind)
        {
            case DateTemplateKind.Pattern:
                return DateFieldReader.Read(template, match, line, ConversionContext(), out timestamp);
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

    private DateFieldReader.Context ConversionContext()
    {
        if (fixedNow is not { } now) return new DateFieldReader.Context(DateDetectorSettings.RealClock(), zone, defaultOffsetMinutes);
        return fixedContext ??= new DateFieldReader.Context(now, zone, defaultOffsetMinutes);
    }

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
