using System.Linq;
using Fail2Ban.Core.Dates;

namespace Fail2Ban.Core.Tests.Dates;

/// <summary>The 31 default templates compiled in 2026 (spec 4.4, master): name, weight, flags, Python regex.</summary>
public sealed class DefaultTemplateTests
{
    private sealed record Expected(int Weight, DateTemplateFlags Flags, string Name, string Regex);

    // Verbatim from the spec's compiled list (#0 … #30).
    private static readonly Expected[] Defaults =
    {
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}ExYear(?P<_sep>[-/.])Month(?P=_sep)Day(?:T|  ?)24hour:Minute:Second(?:[.,]Microseconds)?(?:\s*Zone offset)?",
            @"^(?:\W{0,2})?((?P<Y>20[012]\d)(?P<_sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=_sep)(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])(?:T|  ?)(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:[.,](?P<f>[0-9]{1,6}))?(?:\s*(?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))?)(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}(?:DAY )?MON Day %k:Minute:Second(?:\.Microseconds)?(?: ExYear)?",
            @"(?iu)^(?:\W{0,2})?((?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<Y>20[012]\d))?)(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}(?:DAY )?MON Day ExYear %k:Minute:Second(?:\.Microseconds)?",
            @"(?iu)^(?:\W{0,2})?((?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]) (?P<Y>20[012]\d)  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?)(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}Day(?P<_sep>[-/])Month(?P=_sep)(?:ExYear|ExYear2) %k:Minute:Second",
            @"^(?:\W{0,2})?((?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])(?P<_sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=_sep)(?:(?P<Y>20[012]\d)|(?P<y>\d{2}))  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]))(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}Day(?P<_sep>[-/])MON(?P=_sep)ExYear[ :]?24hour:Minute:Second(?:\.Microseconds)?(?: Zone offset)?",
            @"(?iu)^(?:\W{0,2})?((?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])(?P<_sep>[-/])(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?P=_sep)(?P<Y>20[012]\d)[ :]?(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))?)(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}Month/Day/ExYear:24hour:Minute:Second",
            @"^(?:\W{0,2})?((?P<m>0?[1-9]|1[0-2])/(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])/(?P<Y>20[012]\d):(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]))(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}Month-Day-ExYear %k:Minute:Second(?:\.Microseconds)?",
            @"^(?:\W{0,2})?((?P<m>0?[1-9]|1[0-2])-(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])-(?P<Y>20[012]\d)  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?)(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}Epoch",
            @"^(?:\W{0,2})?((?P<square>(?<=^\[))?\d{10,11}\b(?:\.\d{3,6})?)(?(square)(?=\]))(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}ExYear2ExMonthExDay  ?24hour:Minute:Second",
            @"^(?:\W{0,2})?((?P<y>\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>[1-2]\d|0[1-9]|3[0-1])  ?(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]))(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}MON Day, ExYear 12hour:Minute:Second AMPM",
            @"(?iu)^(?:\W{0,2})?((?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]), (?P<Y>20[012]\d) (?P<I>1[0-2]|0[1-9]|[1-9]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]) (?P<p>am|pm))(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}ExYearExMonthExDay(?:-|T|  ?)Ex24hour:?ExMinute:?ExSecond(?:[.,]Microseconds)?(?:\s*Zone offset)?",
            @"^(?:\W{0,2})?((?P<Y>20[012]\d)(?P<m>0[1-9]|1[0-2])(?P<d>[1-2]\d|0[1-9]|3[0-1])(?:-|T|  ?)(?P<H>[0-1]\d|2[0-3]):?(?P<M>[0-5]\d):?(?P<S>[0-5]\d|6[0-1])(?:[.,](?P<f>[0-9]{1,6}))?(?:\s*(?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))?)(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}(?:Zone name )?(?:DAY )?MON Day %k:Minute:Second(?:\.Microseconds)?(?: ExYear)?",
            @"(?iu)^(?:\W{0,2})?((?:(?P<Z>Z|[A-Z]{3,5}) )?(?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<Y>20[012]\d))?)(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}(?:Zone offset )?(?:DAY )?MON Day %k:Minute:Second(?:\.Microseconds)?(?: ExYear)?",
            @"(?iu)^(?:\W{0,2})?((?:(?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?) )?(?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<Y>20[012]\d))?)(?=\b|\W|$)"),
        new(100, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}TAI64N",
            @"^(?:\W{0,2})?(@[0-9a-f]{24})(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"ExYear(?P<_sep>[-/.])Month(?P=_sep)Day(?:T|  ?)24hour:Minute:Second(?:[.,]Microseconds)?(?:\s*Zone offset)?",
            @"(?=^|\b|\W)((?P<Y>20[012]\d)(?P<_sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=_sep)(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])(?:T|  ?)(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:[.,](?P<f>[0-9]{1,6}))?(?:\s*(?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))?)(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"(?:DAY )?MON Day %k:Minute:Second(?:\.Microseconds)?(?: ExYear)?",
            @"(?iu)(?=^|\b|\W)((?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<Y>20[012]\d))?)(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"(?:DAY )?MON Day ExYear %k:Minute:Second(?:\.Microseconds)?",
            @"(?iu)(?=^|\b|\W)((?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]) (?P<Y>20[012]\d)  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?)(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"Day(?P<_sep>[-/])Month(?P=_sep)(?:ExYear|ExYear2) %k:Minute:Second",
            @"(?=^|\b|\W)((?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])(?P<_sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=_sep)(?:(?P<Y>20[012]\d)|(?P<y>\d{2}))  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]))(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"Day(?P<_sep>[-/])MON(?P=_sep)ExYear[ :]?24hour:Minute:Second(?:\.Microseconds)?(?: Zone offset)?",
            @"(?iu)(?=^|\b|\W)((?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])(?P<_sep>[-/])(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?P=_sep)(?P<Y>20[012]\d)[ :]?(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))?)(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"Month/Day/ExYear:24hour:Minute:Second",
            @"(?=^|\b|\W)((?P<m>0?[1-9]|1[0-2])/(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])/(?P<Y>20[012]\d):(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]))(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"Month-Day-ExYear %k:Minute:Second(?:\.Microseconds)?",
            @"(?=^|\b|\W)((?P<m>0?[1-9]|1[0-2])-(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])-(?P<Y>20[012]\d)  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?)(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordEnd, @"Epoch",
            @"((?:^|(?P<square>(?<=^\[))|(?P<selinux>(?<=\baudit\()))\d{10,11}\b(?:\.\d{3,6})?)(?:(?(selinux)(?=:\d+\)))|(?(square)(?=\])))(?=\b|\W|$)"),
        new(1, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"{^LN-BEG}24hour:Minute:Second",
            @"^(?:\W{0,2})?((?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]))(?=\b|\W|$)"),
        new(1, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"^<Month/Day/ExYear2@24hour:Minute:Second>",
            @"^(<(?P<m>0?[1-9]|1[0-2])/(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])/(?P<y>\d{2})@(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])>)(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"ExYear2ExMonthExDay  ?24hour:Minute:Second",
            @"(?=^|\b|\W)((?P<y>\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>[1-2]\d|0[1-9]|3[0-1])  ?(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]))(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"MON Day, ExYear 12hour:Minute:Second AMPM",
            @"(?iu)(?=^|\b|\W)((?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]), (?P<Y>20[012]\d) (?P<I>1[0-2]|0[1-9]|[1-9]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]) (?P<p>am|pm))(?=\b|\W|$)"),
        new(1, DateTemplateFlags.LineBegin | DateTemplateFlags.WordEnd, @"^MON-Day-ExYear2 %k:Minute:Second",
            @"(?iu)^((?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])-(?P<y>\d{2})  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1]))(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"ExYearExMonthExDay(?:-|T|  ?)Ex24hour:?ExMinute:?ExSecond(?:[.,]Microseconds)?(?:\s*Zone offset)?",
            @"(?=^|\b|\W)((?P<Y>20[012]\d)(?P<m>0[1-9]|1[0-2])(?P<d>[1-2]\d|0[1-9]|3[0-1])(?:-|T|  ?)(?P<H>[0-1]\d|2[0-3]):?(?P<M>[0-5]\d):?(?P<S>[0-5]\d|6[0-1])(?:[.,](?P<f>[0-9]{1,6}))?(?:\s*(?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))?)(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"(?:Zone name )?(?:DAY )?MON Day %k:Minute:Second(?:\.Microseconds)?(?: ExYear)?",
            @"(?iu)(?=^|\b|\W)((?:(?P<Z>Z|[A-Z]{3,5}) )?(?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<Y>20[012]\d))?)(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordBegin | DateTemplateFlags.WordEnd, @"(?:Zone offset )?(?:DAY )?MON Day %k:Minute:Second(?:\.Microseconds)?(?: ExYear)?",
            @"(?iu)(?=^|\b|\W)((?:(?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?) )?(?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<Y>20[012]\d))?)(?=\b|\W|$)"),
        new(1, DateTemplateFlags.WordEnd, @"TAI64N",
            @"(@[0-9a-f]{24})(?=\b|\W|$)"),
    };

    [Fact]
    public void DefaultsCompileExactlyAsFail2Bans()
    {
        var cache = new DateTemplateCache(2026);
        var actual = cache.Defaults;
        Assert.Equal(Defaults.Length, actual.Count);
        for (var i = 0; i < Defaults.Length; i++)
        {
            var e = Defaults[i];
            var a = actual[i];
            Assert.True(e.Name == a.Name, "#" + i + " name: " + a.Name);
            Assert.True(e.Regex == a.PythonRegex, "#" + i + " regex: " + a.PythonRegex);
            Assert.True(e.Flags == a.Flags, "#" + i + " flags: " + a.Flags);
            Assert.True(e.Weight == a.Weight, "#" + i + " weight: " + a.Weight);
        }
    }

    [Fact]
    public void DefaultDetectorHasThe31Defaults()
    {
        var detector = new DateDetector(null, new DateDetectorSettings { TemplateCache = new DateTemplateCache(2026) });
        Assert.Equal(Defaults.Select(d => d.Name), detector.Templates.Select(t => t.Name));
        Assert.All(detector.Templates, t => Assert.Equal(0, t.Hits));
    }

    [Fact]
    public void LineBeginSetIsThe17AnchoredDefaults()
    {
        var detector = new DateDetector("{^LN-BEG}", new DateDetectorSettings { TemplateCache = new DateTemplateCache(2026) });
        var expected = Defaults.Where(d => (d.Flags & DateTemplateFlags.LineBegin) != 0).Select(d => d.Name).ToArray();
        Assert.Equal(17, expected.Length);
        Assert.Equal(expected, detector.Templates.Select(t => t.Name));
    }

    [Fact]
    public void EveryDefaultTranslatesToAWorkingNetRegex()
    {
        var cache = new DateTemplateCache(2026);
        var samples = new[]
        {
            "2005-01-23T21:59:59.981746+0200", "Sun Jan 23 21:59:59.011 2005", "Sun Jan 23 2005 21:59:59.011", "23/01/05 21:59:59",
            "[31/Oct/2006:09:22:55 -0000]", "05/20/2008:01:57:39", "01-27-2012 16:22:44.252", "1124013600", "130322 11:46:11",
            "Apr 27, 2013 2:33:06 PM", "20050123T215959", "PDT Apr 16 21:05:29", "+00:00 Jan 23 21:59:59.011 2005",
            "@4000000042ff1b3a00000000", "21:59:59", "<09/16/08@05:03:30>", "Apr-27-13 02:33:06",
        };
        foreach (var template in cache.Defaults)
            Assert.Contains(samples, s => template.Regex.IsMatch(s));
    }
}
