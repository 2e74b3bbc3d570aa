using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Dates;

/// <summary>
/// The span code for the anchored syslog and ISO 8601 dates against the template's regex (the
/// reference): whenever the span code answers, the regex must give the same match, the same group
/// spans and the same fields; every corpus log line and generated edge dates.
/// </summary>
public sealed class DateRecognizerTests
{
    private static readonly DateFieldReader.Context Context =
        new(1780000000, LocalTimeZone.Parse("CET-01CEST-02,M3.5.0,M10.5.0"), null);

    private readonly ITestOutputHelper output;

    public DateRecognizerTests(ITestOutputHelper output) => this.output = output;

    private static DateTemplate SyslogTemplate(int year) => RecognizedTemplate<SyslogDateRecognizer>(year, "{^LN-BEG}(?:DAY )?MON Day %k:Minute:Second");

    private static DateTemplate IsoTemplate(int year) => RecognizedTemplate<IsoDateRecognizer>(year, "{^LN-BEG}ExYear(?P<_sep>[-/.])Month(?P=_sep)Day");

    private static DateTemplate RecognizedTemplate<TRecognizer>(int year, string name)
    {
        var found = new DateTemplateCache(year).Defaults.Where(t => t.Recognizer is TRecognizer).ToList();
        Assert.Single(found);
        Assert.StartsWith(name, found[0].Name, StringComparison.Ordinal);
        return found[0];
    }

    private static DateTemplate ApacheTemplate(int year, bool anchored)
    {
        const string name = "Day(?P<_sep>[-/])MON(?P=_sep)ExYear";
        var found = new DateTemplateCache(year).Defaults.Where(t => t.Recognizer is ApacheDateRecognizer && t.IsAnchored == anchored).ToList();
        Assert.Single(found);
        Assert.StartsWith(anchored ? "{^LN-BEG}" + name : name, found[0].Name, StringComparison.Ordinal);
        return found[0];
    }

    [Fact]
    public void OnlyTheSyslogIsoAndApacheTemplatesHaveSpanCode() =>
        Assert.Equal(4, new DateTemplateCache(2026).Defaults.Count(t => t.Recognizer is not null));

    [SkippableTheory]
    [InlineData("syslog", 500)]
    [InlineData("iso", 50)]
    public void AgreesWithTheRegexOnEveryCorpusLine(string kind, int least)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var logs = Path.Combine(Corpus.MasterRoot, "logs");
        var template = kind == "iso" ? IsoTemplate(2026) : SyslogTemplate(2026);
        var lines = Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f)).ToList();
        var (recognized, regexOnly) = Compare(template, lines);
        output.WriteLine(lines.Count + " lines, " + recognized + " read by span code, " + regexOnly + " matched by the regex only");
        Assert.True(recognized > least, "the span code read only " + recognized + " corpus lines");
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2031)]
    public void IsoAgreesWithTheRegexOnGeneratedEdgeDates(int year)
    {
        var template = IsoTemplate(year);
        var years = new[] { year.ToString(System.Globalization.CultureInfo.InvariantCulture), "2019", "2035", "1999", "20261", "202" };
        var separators = new[] { "-", "/", ".", ":" };
        var months = new[] { "01", "1", "09", "10", "12", "13", "00", "0", "1x", "٣" };
        var days = new[] { "05", " 5", "5", "15", "29", "31", "32", "0", "00", "3", "9x" };
        var gaps = new[] { "T", " ", "  ", "   ", "t", "_" };
        var times = new[] { "00:00:00", "9:05:07", "19:59:59", "23:59:59", "24:00:00", "1:2:3", "12:60:00", "10:00:60", "10:00:61", "10:00:62", "29:59:59", "7:7" };
        var tails = new[] { "", " [error] x", ".123456 h", ",5", ".1234567 h", ".", ". x", "Z", "Zulu", " UTC", "UTCx", "GMT]", "  +0100 x",
            "+01:00", "-0130", "+01:3", "+01x", "+2100", "\tZ", "\u00a0Z", "x", "_", "é", " é", "\u001cZ", "utc", "z" };
        var prefixes = new[] { "", "[", "[(", "[((", "é", " ", "_" };
        var lines = new List<string>();
        // The date's middle in every combination, and its start and end in every combination.
        foreach (var month in months)
        foreach (var day in days)
        foreach (var gap in gaps)
        foreach (var time in times)
        foreach (var tail in tails)
            lines.Add(years[0] + "-" + month + "-" + day + gap + time + tail);
        foreach (var prefix in prefixes)
        foreach (var y in years)
        foreach (var sep in separators)
        foreach (var tail in tails)
        {
            lines.Add(prefix + y + sep + "01" + sep + "05 10:20:30" + tail);
            lines.Add(prefix + y + sep + "1" + (sep == "-" ? "/" : "-") + "5T1:2:3" + tail);
        }
        var (recognized, regexOnly) = Compare(template, lines);
        output.WriteLine(lines.Count + " lines, " + recognized + " read by span code, " + regexOnly + " matched by the regex only");
        Assert.True(recognized > 5000, "the span code read only " + recognized + " generated lines");
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2031)]
    public void AgreesWithTheRegexOnGeneratedEdgeDates(int year)
    {
        var template = SyslogTemplate(year);
        var days = new[] { "", "Mon ", "sat ", "SUN ", "Xyz ", "Mon  " };
        var months = new[] { "Jan", "feb", "DEC", "Sep", "Jux", "ſep" };
        var dayNumbers = new[] { " 5", "05", "5", "15", "29", "30", "31", "32", "0", "00", "3", "  5", "9x" };
        var times = new[] { "00:00:00", "9:05:07", "23:59:59", "24:00:00", "1:2:3", "12:60:00", "10:00:60", "10:00:61", "10:00:62", "29:59:59", "7:7" };
        var tails = new[] { "", " host sshd[1]: x", ".123456 h", ".1234567 h", ".", ". x", " 2025 h", " 2025x", " 2029", " 1999 h",
            "x", "_", "é", "\u00a0h", ":", " 2026.5", ".5 2026 h" };
        var prefixes = new[] { "", "[", "[(", "[((", "<13>", "é", " " };
        var lines = new List<string>();
        foreach (var prefix in prefixes)
        foreach (var day in days)
        foreach (var month in months)
        foreach (var dn in dayNumbers)
        foreach (var time in times)
        foreach (var tail in tails)
            lines.Add(prefix + day + month + " " + dn + " " + time + tail);
        var (recognized, regexOnly) = Compare(template, lines);
        output.WriteLine(lines.Count + " lines, " + recognized + " read by span code, " + regexOnly + " matched by the regex only");
        Assert.True(recognized > 30000, "the span code read only " + recognized + " generated lines");
    }

    [SkippableFact]
    public void ApacheAgreesWithTheRegexOnEveryCorpusLine()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var lines = Directory.EnumerateFiles(Path.Combine(Corpus.MasterRoot, "logs"), "*", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f)).ToList();
        var (anchored, _) = Compare(ApacheTemplate(2026, true), lines);
        var (windows, _) = CompareWindows(ApacheTemplate(2026, false), lines);
        output.WriteLine(lines.Count + " lines, " + anchored + " read from the line start, " + windows + " windows read by span code");
        Assert.True(windows > 50, "the span code read only " + windows + " corpus windows");
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2031)]
    public void ApacheAgreesWithTheRegexOnGeneratedEdgeDates(int year)
    {
        var days = new[] { "05", " 5", "5", "15", "29", "31", "32", "0", "00", "3", "9x", "٣" };
        var months = new[] { "Jan", "jan", "DEC", "Sep", "Jux", "ſep", "Kov" };
        var years = new[] { year.ToString(System.Globalization.CultureInfo.InvariantCulture), "2019", "2035", "1999", "20261", "202" };
        var gaps = new[] { ":", " ", "", "  ", "::" };
        var times = new[] { "00:00:00", "9:05:07", "23:59:59", "24:00:00", "1:2:3", "12:60:00", "10:00:60", "10:00:61", "7:7" };
        var tails = new[] { "", "]", " +0100]", " -0130] x", " +01:00", " +01:3", " +01x", " +2100", " Z", " z]", " UTC", " utcx", " GMT",
            ".123456]", ".1234567]", ". x", "x", "_", "é", " é", "\u00a0", " +0100x" };
        var prefixes = new[] { "", "[", "1.2.3.4 - - [", "x", "é", " ", "_", "((" };
        var lines = new List<string>();
        foreach (var prefix in prefixes)
        foreach (var day in days)
        foreach (var sep in new[] { "/", "-" })
        foreach (var month in months)
        foreach (var tail in tails)
            lines.Add(prefix + day + sep + month + sep + years[0] + ":10:20:30" + tail);
        foreach (var y in years)
        foreach (var gap in gaps)
        foreach (var time in times)
        foreach (var tail in tails)
            lines.Add("h [05/Jan/" + y + gap + time + tail);
        var (anchored, _) = Compare(ApacheTemplate(year, true), lines);
        var (windows, _) = CompareWindows(ApacheTemplate(year, false), lines);
        output.WriteLine(lines.Count + " lines, " + anchored + " read from the line start, " + windows + " windows read by span code");
        Assert.True(anchored > 300, "the span code read only " + anchored + " generated lines from their start");
        Assert.True(windows > 1500, "the span code read only " + windows + " generated windows");
    }

    // The detector's fast path for an unanchored template: a search from the last date's start with the
    // line cut at its end. Windows: the regex's own match on the line, and that match moved by one.
    private static (int Recognized, int RegexOnly) CompareWindows(DateTemplate template, IReadOnlyList<string> lines)
    {
        var recognizer = template.Recognizer!;
        int recognized = 0, regexOnly = 0;
        var failures = new StringBuilder();
        foreach (var line in lines)
        {
            var found = template.Regex.Match(line);
            if (!found.Success) continue;
            foreach (var (pos, end) in new[] { (found.Index, found.Index + found.Length), (found.Index - 1, found.Index + found.Length),
                         (found.Index + 1, found.Index + found.Length), (found.Index, found.Index + found.Length - 1),
                         (found.Index, found.Index + found.Length + 1) })
            {
                if (pos < 0 || end > line.Length) continue;
                var m = template.Search(line, pos, end);
                var exact = m.Success && m.Index == pos && m.Length == end - pos;
                if (!recognizer.TryMatchAt(line, pos, end, out var spans))
                {
                    if (exact) regexOnly++;
                    continue;
                }
                recognized++;
                var same = exact && SameAsRegex(template, m, spans, m.Success ? line.Substring(0, end) : line);
                if (!same && failures.Length < 4000)
                    failures.AppendLine("'" + line + "' [" + pos + ", " + end + "): regex " + (m.Success ? "'" + m.Value + "' at " + m.Index : "no match"));
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
        return (recognized, regexOnly);
    }

    private static bool SameAsRegex(DateTemplate template, System.Text.RegularExpressions.Match m, DateSpans spans, string line)
    {
        var expected = TemplateHit.Of(m, template);
        var hit = spans.Hit;
        if (hit.Index != expected.Index || hit.Length != expected.Length || hit.DateIndex != expected.DateIndex || hit.DateLength != expected.DateLength)
            return false;
        foreach (var fg in template.Fields)
        {
            var g = m.Groups[fg.Group];
            var got = spans.TryGet(fg, out var index, out var length);
            if (got != g.Success || (got && (index != g.Index || length != g.Length))) return false;
        }
        var want = DateFieldReader.ReadFields(template, m, line, Context, out var wantSeconds, out var wantZoned);
        var have = DateFieldReader.ReadFields(template, spans, line, Context, out var seconds, out var zoned);
        return want == have && wantSeconds == seconds && wantZoned == zoned;
    }

    private static (int Recognized, int RegexOnly) Compare(DateTemplate template, IReadOnlyList<string> lines)
    {
        var recognizer = template.Recognizer!;
        int recognized = 0, regexOnly = 0;
        var failures = new StringBuilder();
        foreach (var line in lines)
        {
            var m = template.Regex.Match(line);
            if (!recognizer.TryMatch(line, out var spans))
            {
                if (m.Success) regexOnly++;
                continue;
            }
            recognized++;
            var hit = spans.Hit;
            var same = m.Success && SameAsRegex(template, m, spans, line);
            if (!same && failures.Length < 4000)
                failures.AppendLine("'" + line + "': regex " + (m.Success ? "'" + m.Value + "'" : "no match") +
                                    ", span code " + hit.Index + "+" + hit.Length);
        }
        Assert.True(failures.Length == 0, failures.ToString());
        return (recognized, regexOnly);
    }
}
