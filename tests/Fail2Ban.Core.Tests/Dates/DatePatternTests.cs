using System.Linq;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Tests.Dates;

/// <summary>Pattern → regex (spec 4.1–4.3) and datepattern values (4.5).</summary>
public sealed class DatePatternTests
{
    private static DateDetector Detector(string? pattern, DateTemplateCache? cache = null) =>
        new(pattern, new DateDetectorSettings
        {
            TemplateCache = cache ?? new DateTemplateCache(2026),
            Now = 1124013600,
            LocalZone = LocalTimeZone.Parse("CET-01CEST-02,M3.5.0,M10.5.0"),
            WallClock = () => 1.7e9,
        });

    private static DateTemplate Single(string pattern)
    {
        var d = Detector(pattern);
        Assert.Single(d.Templates);
        return d.Templates[0].Template;
    }

    [Theory]
    // Spec 4.1 examples.
    [InlineData("%H:%M:%S **", @"(?=^|\b|\W)((?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]) )", DateTemplateFlags.WordBegin, "24hour:Minute:Second **")]
    [InlineData("**%ExY %b", @"(?iu)((?P<Y>20[012]\d) (?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))(?=\b|\W|$)", DateTemplateFlags.WordEnd, "**ExYear MON")]
    [InlineData("{UNB}%d.%m.%Y", @"((?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]).(?P<m>0?[1-9]|1[0-2]).(?P<Y>\d{4}))", DateTemplateFlags.None, "Day.Month.Year")]
    [InlineData("^%H:%M:%S.%f", @"^((?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]).(?P<f>[0-9]{1,6}))(?=\b|\W|$)", DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, "^24hour:Minute:Second.Microseconds")]
    // Line-start form, explicit group, $ end, %% and Python's "%(key)s".
    [InlineData("{^LN-BEG}%H:%M:%S **", @"^(?:\W{0,2})?((?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]) )", DateTemplateFlags.LineBegin, "{^LN-BEG}24hour:Minute:Second **")]
    [InlineData(@"^[^\[]*\[(%d/%b/%Y)", @"(?iu)^[^\[]*\[((?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])/(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(?P<Y>\d{4}))(?=\b|\W|$)", DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"^[^\[]*\[(Day/MON/Year)")]
    [InlineData("%y%%%m$", @"(?=^|\b|\W)((?P<y>\d\d)%(?P<m>0?[1-9]|1[0-2]))$", DateTemplateFlags.WordBegin | DateTemplateFlags.LineEnd, "Year2%Month$")]
    [InlineData("%%a %(d)s", @"(?=^|\b|\W)(%a (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]))(?=\b|\W|$)", DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, "%a Day")]
    [InlineData("%Exl %ExZ %c", @"(?iu)(?=^|\b|\W)( ?(?P<I>1[0-2]|\d) (?P<Z>[A-Z](?:[A-Z]{2,4})?) (?P<a>mon|tue|wed|thu|fri|sat|sun)\s+(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])\s+(?P<H>2[0-3]|[0-1]\d|\d):(?P<M>[0-5]\d|\d):(?P<S>6[0-1]|[0-5]\d|\d)\s+(?P<Y>\d\d\d\d))(?=\b|\W|$)", DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, "%Exl ExZone name %c")]
    public void PatternsCompileLikeFail2Ban(string pattern, string regex, DateTemplateFlags flags, string name)
    {
        var cache = new DateTemplateCache(2026);
        var t = cache.GetPatternTemplate(pattern);
        Assert.Equal(regex, t.PythonRegex);
        Assert.Equal(flags, t.Flags);
        Assert.Equal(name, t.Name);
    }

    [Theory]
    [InlineData(2015, @"(?P<Y>20[01]\d)")]
    [InlineData(2016, @"(?P<Y>20[01]\d)")]
    [InlineData(2017, @"(?P<Y>20[012]\d)")]
    [InlineData(2026, @"(?P<Y>20[012]\d)")]
    [InlineData(2027, @"(?P<Y>20[0123]\d)")]
    [InlineData(2036, @"(?P<Y>20[0123]\d)")]
    [InlineData(2037, @"(?P<Y>20[01234]\d)")]
    public void ExYearCoversTheYearsAroundTheCurrentOne(int year, string regex)
    {
        var t = new DateTemplateCache(year).GetPatternTemplate("{UNB}%ExY");
        Assert.Equal("(" + regex + ")", t.PythonRegex);
    }

    [Theory]
    [InlineData("%Q %H")]
    [InlineData("100% %H")]
    [InlineData("%H:%M %")]
    [InlineData("%(q)s")]
    [InlineData("%Eq")]
    public void UnknownDirectivesAreErrors(string pattern)
    {
        var e = Assert.Throws<Fail2BanException>(() => Detector(pattern));
        Assert.Equal(DiagnosticIds.DatePattern, e.Id);
        Assert.Contains("Failed to set datepattern", e.Message);
    }

    [Fact]
    public void ReusedGroupNamesAreInvalidRegexes()
    {
        var e = Assert.Throws<Fail2BanException>(() => Detector("%Y %ExY"));
        Assert.Equal(DiagnosticIds.DatePattern, e.Id);
        // ...but alternatives with different names are fine.
        Assert.Single(Detector("(?:%ExY|%Exy) %H").Templates);
    }

    [Fact]
    public void DuplicateTemplateNamesAreErrors()
    {
        var e = Assert.Throws<Fail2BanException>(() => Detector("%H:%M:%S\n%H:%M:%S"));
        Assert.Equal(DiagnosticIds.DatePattern, e.Id);
        Assert.Contains("There is already a template with name 24hour:Minute:Second", e.Message);
        // Defaults after other templates skip duplicates silently.
        Assert.Equal(17, Detector("{^LN-BEG}EPOCH\n{^LN-BEG}").Templates.Count);
    }

    [Fact]
    public void PiecesAreSplitOnNewlinesAndStripped()
    {
        var d = Detector("\n  ^%H:%M:%S  \n\n\t{^LN-BEG}\n");
        Assert.Equal(18, d.Templates.Count);
        Assert.Equal("^24hour:Minute:Second", d.Templates[0].Name);
        Assert.Equal(31, Detector("  \n ").Templates.Count);
    }

    [Fact]
    public void DateExpandsTheSourceDefaults()
    {
        // apache-badbots: 17 expansions + 17 line-anchored defaults.
        var d = Detector("^[^\\[]*\\[({DATE})\n{^LN-BEG}");
        Assert.Equal(34, d.Templates.Count);
        var names = d.Templates.Select(t => t.Name).ToList();
        Assert.Equal(@"^[^\[]*\[(ExYear(?P<_sep>[-/.])Month(?P=_sep)Day(?:T|  ?)24hour:Minute:Second(?:[.,]Microseconds)?(?:\s*Zone offset)?)", names[0]);
        Assert.Contains(@"^[^\[]*\[(Epoch)", names);   // junk template matching the word "Epoch"
        Assert.Contains(@"^[^\[]*\[(TAI64N)", names);
        Assert.Contains(@"^[^\[]*\[(24hour:Minute:Second)", names); // {^LN-BEG} removed from the default
        Assert.Contains(@"^[^\[]*\[(^<Month/Day/ExYear2@24hour:Minute:Second>)", names);
        var junk = d.Templates.First(t => t.Name == @"^[^\[]*\[(Epoch)");
        Assert.NotNull(d.Match("x [Epoch] y"));
        Assert.Equal(1, junk.Hits);
    }

    [Fact]
    public void DateAloneAtLineStartMakesRealEpochAndTai64nTemplates()
    {
        var d = Detector("^{DATE}");
        Assert.Equal(17, d.Templates.Count);
        Assert.Contains(d.Templates, t => t.Name == "{^LN-BEG}Epoch" && t.Template.Kind == DateTemplateKind.Epoch);
        Assert.Contains(d.Templates, t => t.Name == "{^LN-BEG}TAI64N" && t.Template.Kind == DateTemplateKind.Tai64N);
        var m = d.Match("1124013600 x");
        Assert.Equal(1124013600d, m!.Value.Timestamp);
    }

    [Fact]
    public void DateAloneGivesTheUnboundSourceDefaults()
    {
        // Same objects as the sources, except "{^LN-BEG}%H:%M:%S" which loses its prefix.
        var cache = new DateTemplateCache(2026);
        var d = Detector("{DATE}", cache);
        var sources = cache.SourceDefaults;
        Assert.Equal(17, d.Templates.Count);
        for (var i = 0; i < 17; i++)
        {
            if (i == 8) Assert.Equal("24hour:Minute:Second", d.Templates[i].Name);
            else Assert.Same(sources[i], d.Templates[i].Template);
        }
    }

    [Fact]
    public void NoneMatchesAnEmptyDateEverywhere()
    {
        var t = Single("{NONE}");
        Assert.Equal("^()", t.PythonRegex);
        Assert.Equal(DateTemplateFlags.LineBegin, t.Flags);
        var d = Detector("{NONE}");
        var m = d.Match("Aug 14 11:00:00 anything")!.Value;
        Assert.Equal(DateMatchOutcome.EmptyDate, m.Outcome);
        Assert.Equal(0, m.Start);
        Assert.Equal(0, m.Length);
        Assert.Null(m.Timestamp);
        // Fail2Ban's detector raises IndexError on an empty line with an empty match.
        Assert.Equal(DateMatchOutcome.LineFailure, d.Match("")!.Value.Outcome);
    }

    [Fact]
    public void SpecialWordsAreCaseInsensitive()
    {
        var cache = new DateTemplateCache(2026);
        Assert.Equal(DateTemplateKind.Epoch, Detector("epoch", cache).Templates[0].Template.Kind);
        Assert.Equal("{^LN-BEG}Epoch", Detector("^Epoch", cache).Templates[0].Name);
        Assert.Equal("{^LN-BEG}TAI64N", Detector("{^LN-BEG}tai64n", cache).Templates[0].Name);
        Assert.Equal("LongEpoch", Detector("LEPOCH", cache).Templates[0].Name);
        // Cache key is upper-cased without '%': the first spelling wins.
        var iso = Detector("ISO8601", cache).Templates[0].Template;
        Assert.Equal("(?=^|\\b|\\W)(ISO8601)(?=\\b|\\W|$)", iso.PythonRegex);
        Assert.Same(iso, Detector("iso8601", cache).Templates[0].Template);
    }

    [Fact]
    public void DefaultKeywordAddsNothingNextToOtherTemplates()
    {
        // Fail2Ban's {DEFAULT} filter returns None for every template (1.0.2 code): nothing is added,
        // and the 31 defaults arrive only when the list stays empty.
        Assert.Single(Detector("^%H:%M:%S\n{DEFAULT}").Templates);
        Assert.Equal(31, Detector("{DEFAULT}").Templates.Count);
    }

    [Fact]
    public void InvalidLogZoneIsAnError()
    {
        var e = Assert.Throws<Fail2BanException>(() => new DateDetector(null, new DateDetectorSettings { DefaultLogZone = "Europe/Paris" }));
        Assert.Equal(DiagnosticIds.OptionValue, e.Id);
        Assert.Throws<Fail2BanException>(() => new DateDetector(null, new DateDetectorSettings { DefaultLogZone = "ABCD" }));
    }
}
