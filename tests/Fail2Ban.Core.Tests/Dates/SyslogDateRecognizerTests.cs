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
/// The span code for the anchored syslog date against the template's regex (the reference): whenever
/// the span code answers, the regex must give the same match, the same group spans and the same
/// fields; every corpus log line and generated edge dates.
/// </summary>
public sealed class SyslogDateRecognizerTests
{
    private static readonly DateFieldReader.Context Context =
        new(1780000000, LocalTimeZone.Parse("CET-01CEST-02,M3.5.0,M10.5.0"), null);

    private readonly ITestOutputHelper output;

    public SyslogDateRecognizerTests(ITestOutputHelper output) => this.output = output;

    private static DateTemplate SyslogTemplate(int year)
    {
        var found = new DateTemplateCache(year).Defaults.Where(t => t.Recognizer is not null).ToList();
        Assert.Single(found);
        Assert.StartsWith("{^LN-BEG}(?:DAY )?MON Day %k:Minute:Second", found[0].Name, StringComparison.Ordinal);
        return found[0];
    }

    [SkippableFact]
    public void AgreesWithTheRegexOnEveryCorpusLine()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var logs = Path.Combine(Corpus.MasterRoot, "logs");
        var template = SyslogTemplate(2026);
        var lines = Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f)).ToList();
        var (recognized, regexOnly) = Compare(template, lines);
        output.WriteLine(lines.Count + " lines, " + recognized + " read by span code, " + regexOnly + " matched by the regex only");
        Assert.True(recognized > 500, "the span code read only " + recognized + " corpus lines");
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
