using Fail2Ban.Core.Dates;

namespace Fail2Ban.Core.Tests.Dates;

/// <summary>
/// From a match to a timestamp (spec 4.6, 4.8) in the sample-test environment; expected values
/// come from Fail2Ban 1.0.2's detector under the same settings.
/// </summary>
public sealed class DateTimestampTests
{
    private static DateDetector Detector(string? pattern, string? logZone = null) =>
        new(pattern, new DateDetectorSettings
        {
            TemplateCache = new DateTemplateCache(2026),
            Now = 1124013600,
            LocalZone = LocalTimeZone.Parse("CET-01CEST-02,M3.5.0,M10.5.0"),
            DefaultLogZone = logZone,
            WallClock = () => 1.7e9,
        });

    private static void AssertDate(DateDetector detector, string line, string text, double? epoch, DateMatchOutcome outcome = DateMatchOutcome.Converted)
    {
        var m = detector.Match(line);
        Assert.NotNull(m);
        Assert.Equal(text, m!.Value.GetText(line));
        Assert.Equal(outcome, m.Value.Outcome);
        Assert.Equal(epoch, m.Value.Timestamp);
    }

    [Fact]
    public void YearAndDayInferenceMatchTheObservedExamples()
    {
        var d = Detector(null);
        AssertDate(d, "Dec 23 21:59:59 host x", "Dec 23 21:59:59", 1103835599);  // 2004-12-23
        AssertDate(d, "Aug 15 11:00:00 host", "Aug 15 11:00:00", 1124096400);    // future within a day: 2005
        AssertDate(d, "Aug 15 12:00:01 host", "Aug 15 12:00:01", 1092564001);    // more than a day ahead: 2004
        AssertDate(d, "21:59:59 x", "21:59:59", 1123963199);                     // later than now: yesterday
        AssertDate(d, "11:59:59 x", "11:59:59", 1124013599);                     // today
    }

    [Fact]
    public void ZonesAreAppliedAsFixedOffsets()
    {
        var d = Detector(null);
        AssertDate(d, "PDT Apr 16 21:05:29 x", "PDT Apr 16 21:05:29", 1113710729);
        AssertDate(d, "Jan 23 21:59:59.011 2005 x", "Jan 23 21:59:59.011 2005", 1106513999);
        AssertDate(d, "+02:00 Jan 23 21:59:59 x", "+02:00 Jan 23 21:59:59", 1106510399);
        AssertDate(d, "2005-01-23T21:59:59.981746+0200 x", "2005-01-23T21:59:59.981746+0200", 1106510399);
        var name = Detector("^%b %d %H:%M:%S %ExZ");
        AssertDate(name, "Aug 13 10:00:00 CEST x", "Aug 13 10:00:00 CEST", 1123920000);
        AssertDate(name, "Aug 13 10:00:00 NPT x", "Aug 13 10:00:00 NPT", 1123906500);
        var z = Detector("^%b %d %H:%M:%S %Exz");
        AssertDate(z, "Aug 13 10:00:00 CEST+01 x", "Aug 13 10:00:00 CEST+01", 1123916400);
        AssertDate(z, "Aug 13 10:00:00 -0530 x", "Aug 13 10:00:00 -0530", 1123947000);
        AssertDate(z, "Aug 13 10:00:00 UTC-05 x", "Aug 13 10:00:00 UTC-05", 1123945200);
    }

    [Fact]
    public void UnknownAndLowerCaseZoneNames()
    {
        var d = Detector(null);
        // Upper-case unknown abbreviation: Fail2Ban raises (KeyError) for the line.
        AssertDate(d, "ABCD Jan 23 21:59:59 host", "ABCD Jan 23 21:59:59", null, DateMatchOutcome.LineFailure);
        // A lower-case word taken as %Z (because of (?iu)) does not parse: no timestamp.
        AssertDate(d, "error Jan 23 21:59:59 host", "error Jan 23 21:59:59", null, DateMatchOutcome.Unparsable);
    }

    [Fact]
    public void LogZoneAppliesToLinesWithoutZone()
    {
        var d = Detector("^%Y-%m-%d %H:%M:%S(?: %z)?", "UTC+0200");
        AssertDate(d, "2005-08-13 10:00:00 x", "2005-08-13 10:00:00", 1123920000);
        AssertDate(d, "2005-08-13 10:00:00 +0100 x", "2005-08-13 10:00:00 +0100", 1123923600);
        AssertDate(Detector("^%Y-%m-%d %H:%M:%S", "CET"), "2005-08-13 10:00:00", "2005-08-13 10:00:00", 1123923600);
    }

    [Fact]
    public void ImpossibleDatesHaveNoTimestamp()
    {
        AssertDate(Detector("^%Y-%m-%d %H:%M:%S"), "0000-12-30 00:00:00 x", "0000-12-30 00:00:00", null, DateMatchOutcome.Unparsable);
        AssertDate(Detector("^%d/%m/%y %H:%M:%S"), "30/02/05 10:00:00", "30/02/05 10:00:00", null, DateMatchOutcome.Unparsable);
        AssertDate(Detector("^%H:%M:%S"), "10:00:60 x", "10:00:60", null, DateMatchOutcome.Unparsable);
        AssertDate(Detector("^%Y-%m-%d %k:%M"), "2005-08-13 25:00", "2005-08-13 25:00", null, DateMatchOutcome.Unparsable);
    }

    [Fact]
    public void MonthWithoutDayIsALineFailure()
    {
        AssertDate(Detector("^%m/%Y"), "08/2005 x", "08/2005", null, DateMatchOutcome.LineFailure);
        AssertDate(Detector("**%ExY %b"), "x 2005 Aug", "2005 Aug", null, DateMatchOutcome.LineFailure);
    }

    [Fact]
    public void TwoDigitYearsAreAlways20xx()
    {
        var d = Detector("^%d/%m/%y %H:%M:%S");
        AssertDate(d, "13/08/99 10:00:00 x", "13/08/99 10:00:00", 4090291200);
        AssertDate(d, "13/08/05 10:00:00", "13/08/05 10:00:00", 1123920000);
    }

    [Fact]
    public void TwelveHourClock()
    {
        var d = Detector("^%d %m %Y %I:%M %p");
        AssertDate(d, "13 08 2005 12:30 am", "13 08 2005 12:30 am", 1123885800);
        AssertDate(d, "13 08 2005 12:30 PM", "13 08 2005 12:30 PM", 1123929000);
        AssertDate(d, "13 08 2005 01:30 pm", "13 08 2005 01:30 pm", 1123932600);
        // A %p group that did not take part makes Fail2Ban crash.
        AssertDate(Detector("^%I:%M(?: %p)?"), "01:30 x", "01:30", null, DateMatchOutcome.LineFailure);
    }

    [Fact]
    public void YearDayAndWeekNumbers()
    {
        AssertDate(Detector("^%j %H:%M"), "100 10:00", "100 10:00", 1113120000);
        AssertDate(Detector("^%Y %U %a %H:%M"), "2005 10 Mon 10:00", "2005 10 Mon 10:00", 1110186000);
        var w = Detector("^%Y %W %w %H:%M");
        AssertDate(w, "2005 10 0 10:00", "2005 10 0 10:00", 1110704400);
        AssertDate(w, "2005 0 3 10:00", "2005 0 3 10:00", 1104310800);
    }

    [Fact]
    public void EpochForms()
    {
        var d = Detector(null);
        AssertDate(d, "1124013600 x", "1124013600", 1124013600);
        AssertDate(d, "[1124013600.123] x", "1124013600.123", 1124013600.123);
        AssertDate(d, "audit(1124013600.123:45): x", "1124013600.123", 1124013600.123);
        AssertDate(d, "x @4000000042ff1b3a00000000 y", "@4000000042ff1b3a00000000", 1124014906);
        var plain = Detector("EPOCH");
        AssertDate(plain, "1124013600.5 x", "1124013600", 1124013600); // fraction shorter than 3 digits is not part of it
        var l = Detector("LEPOCH");
        AssertDate(l, "1124013600123 x", "1124013600123", 1124013600.123);
        AssertDate(l, "1124013600123456 x", "1124013600123456", 1124013600.123456);
        AssertDate(l, "1124013600 x", "1124013600", 1124013600);
        AssertDate(l, "1124013600123.456 x", "1124013600123.456", 1124013600.123456);
    }

    [Fact]
    public void CustomEpochPatternCutsTheWholeMatchAndReadsGroupTwo()
    {
        var d = Detector("^<W>{EPOCH}");
        var t = d.Templates[0].Template;
        Assert.Equal(@"(^<W>(\d{10,11}\b(?:\.\d{3,6})?))(?=\b|\W|$)", t.PythonRegex);
        Assert.Equal(DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, t.Flags);
        AssertDate(d, "<W>1124013600 rest", "<W>1124013600", 1124013600);
        // Master: with a plain group of its own the pattern is not wrapped; that group is cut.
        var g = Detector(@"^\[({LEPOCH})\]");
        Assert.Equal(@"^\[((\d{10,11}(?:\d{3}(?:\.\d{1,6}|\d{3})?)?))\](?=\b|\W|$)", g.Templates[0].Template.PythonRegex);
        AssertDate(g, "[1124013600123] x", "1124013600123", 1124013600.123);
    }

    [Fact]
    public void EmptyGroupOneMeansNoDateText()
    {
        var d = Detector("^WARNING:()**");
        var m = d.Match("WARNING: foo")!.Value;
        Assert.Equal(DateMatchOutcome.EmptyDate, m.Outcome);
        Assert.Equal(8, m.Start);
        Assert.Equal(0, m.Length);
        Assert.Null(m.Timestamp);
        Assert.Null(d.Match("INFO: foo"));
    }

    [Fact]
    public void RealClockIsUsedWhenNowIsNotSet()
    {
        var d = new DateDetector("^%H:%M:%S", new DateDetectorSettings { TemplateCache = new DateTemplateCache(2026), LocalZone = LocalTimeZone.Utc });
        var now = (System.DateTime.UtcNow - new System.DateTime(1970, 1, 1)).TotalSeconds;
        var ts = d.Match("00:00:00 x")!.Value.Timestamp!.Value;
        Assert.InRange(now - ts, 0, 86400);
    }
}
