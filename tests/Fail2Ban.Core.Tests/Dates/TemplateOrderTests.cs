using System.Linq;
using Fail2Ban.Core.Dates;

namespace Fail2Ban.Core.Tests.Dates;

/// <summary>
/// The stateful template choice (spec 4.7): collisions, hits, reordering. Expected results and
/// final orders were produced by Fail2Ban 1.0.2's detector on the same lines.
/// </summary>
public sealed class TemplateOrderTests
{
    private static DateDetector Detector(string? pattern, DateTemplateCache cache) =>
        new(pattern, new DateDetectorSettings
        {
            TemplateCache = cache,
            Now = 1124013600,
            LocalZone = LocalTimeZone.Parse("CET-01CEST-02,M3.5.0,M10.5.0"),
            WallClock = () => 1.7e9,
        });

    [Fact]
    public void DefaultsReorderAfterWinsInTheMiddleOfLines()
    {
        var cache = new DateTemplateCache(2026);
        var initial = cache.Defaults.ToList();
        var d = Detector(null, cache);
        (string Line, string? Text, double? Epoch, int Template)[] steps =
        {
            ("foo Aug 15 11:00:00 bar", "foo Aug 15 11:00:00", null, 11), // "foo" read as a zone name by #11
            ("foo Aug 15 11:00:01 bar", "foo Aug 15 11:00:01", null, 11),
            ("x 2005-08-13 10:00:00 y", "2005-08-13 10:00:00", 1123920000, 14),
            ("Aug 15 11:00:00 bar", "Aug 15 11:00:00", 1124096400, 11),
            ("foo 13/08/2005 10:00:00", "13/08/2005 10:00:00", 1123920000, 17),
            ("foo Aug 15 11:00:01 bar 2005-08-13 10:00:00", "foo Aug 15 11:00:01", null, 11),
            ("zz 2005-08-13 10:00:00 Aug 15 11:00:01", "2005-08-13 10:00:00", 1123920000, 14),
        };
        foreach (var (line, text, epoch, template) in steps)
        {
            var m = d.Match(line)!.Value;
            Assert.Equal(text, m.GetText(line));
            Assert.Equal(epoch, m.Timestamp);
            Assert.Same(initial[template], m.Template);
        }
        int[] order = { 11, 14, 17, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30 };
        Assert.Equal(order.Select(i => initial[i]), d.Templates.Select(t => t.Template));
        Assert.Equal(new[] { 4, 2, 1 }, d.Templates.Take(3).Select(t => t.Hits));
        Assert.All(d.Templates.Skip(3), t => Assert.Equal(0, t.Hits));
    }

    [Fact]
    public void WordTemplatesMoveToTheFrontAndKeepWinning()
    {
        var d = Detector("%H:%M:%S\n%d/%m/%Y", new DateTemplateCache(2026));
        (string Line, string Text, double Epoch)[] steps =
        {
            ("a 10:00:00 b", "10:00:00", 1124006400),
            ("ab 10:00:01 c", "10:00:01", 1124006401),
            ("a 13/08/2005 10:00:02", "13/08/2005", 1123884000),
            ("a 13/08/2005 x", "13/08/2005", 1123884000),
            ("13/08/2005 10:00:02", "13/08/2005", 1123884000),
            ("b 13/08/2005 x", "13/08/2005", 1123884000),
        };
        foreach (var (line, text, epoch) in steps)
        {
            var m = d.Match(line)!.Value;
            Assert.Equal(text, m.GetText(line));
            Assert.Equal(epoch, m.Timestamp);
        }
        Assert.Equal(new[] { "24hour:Minute:Second:2", "Day/Month/Year:4" }, d.Templates.Select(t => t.Name + ":" + t.Hits));
    }

    [Fact]
    public void SharedTemplatesCountGlobalHits()
    {
        var cache = new DateTemplateCache(2026);
        var a = Detector("{^LN-BEG}", cache);
        var b = Detector("{^LN-BEG}", cache);
        a.Match("Aug 15 11:00:00 x");
        b.Match("Aug 15 11:00:00 x");
        var template = a.Templates.First(t => t.Hits == 1).Template;
        Assert.Same(template, b.Templates.First(t => t.Hits == 1).Template);
        Assert.Equal(2, template.GlobalHits);
    }

    [Fact]
    public void FastPathSearchesOnlyThePreviousDatePosition()
    {
        // A non-anchored template whose last date ended after a non-alphanumeric char: the next
        // line is searched in line[p:q] only, so the optional fraction is cut off (as in Fail2Ban).
        var d = Detector("%H:%M:%S-(?:%f)?", new DateTemplateCache(2026));
        string[] lines = { "at 10:00:00- x", "at 10:00:01-5 x", "at 10:00:02-5 x", "a 10:00:03-5 x" };
        string[] texts = { "10:00:00-", "10:00:01-", "10:00:02-", "10:00:03-5" };
        for (var i = 0; i < lines.Length; i++)
        {
            var m = d.Match(lines[i])!.Value;
            Assert.Equal(texts[i], m.GetText(lines[i]));
            Assert.Equal(1124006400d + i, m.Timestamp);
        }
    }
}
