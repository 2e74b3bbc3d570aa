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

    [Fact]
    public void OnlyTheSyslogAndIsoTemplatesHaveSpanCode() =>
        Assert.Equal(2, new DateTemplateCache(2026).Defaults.Count(t => t.Recognizer is not null));

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
            var expected = m.Success ? TemplateHit.Of(m, template) : default;
            var hit = spans.Hit;
            var same = m.Success && hit.Index == expected.Index && hit.Length == expected.Length &&
                       hit.DateIndex == expected.DateIndex && hit.DateLength == expected.DateLength;
            if (same)
            {
                foreach (var fg in template.Fields)
                {
                    var g = m.Groups[fg.Group];
                    var got = spans.TryGet(fg, out var index, out var length);
                    if (got != g.Success || (got && (index != g.Index || length != g.Length))) same = false;
                }
                var want = DateFieldReader.ReadFields(template, m, line, Context, out var wantSeconds, out var wantZoned);
                var have = DateFieldReader.ReadFields(template, spans, line, Context, out var seconds, out var zoned);
                same &= want == have && wantSeconds == seconds && wantZoned == zoned;
            }
            if (!same && failures.Length < 4000)
                failures.AppendLine("'" + line + "': regex " + (m.Success ? "'" + m.Value + "'" : "no match") +
                                    ", span code " + hit.Index + "+" + hit.Length);
        }
        Assert.True(failures.Length == 0, failures.ToString());
        return (recognized, regexOnly);
    }
}
