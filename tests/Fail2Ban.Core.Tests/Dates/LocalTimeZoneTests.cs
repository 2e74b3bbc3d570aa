using System;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Tests.Dates;

/// <summary>
/// POSIX TZ rules and mktime semantics; expected epochs are glibc's (Python <c>time.mktime</c>
/// with tm_isdst = -1 under the same TZ value).
/// </summary>
public sealed class LocalTimeZoneTests
{
    private const string SampleZone = "CET-01CEST-02,M3.5.0,M10.5.0";

    private static readonly DateTime[] Points =
    {
        new(2004, 2, 29, 12, 0, 0), new(2004, 3, 1, 12, 0, 0), new(2005, 3, 1, 1, 0, 0), new(2005, 3, 1, 4, 0, 0),
        new(2005, 10, 27, 0, 0, 0), new(2005, 10, 28, 0, 0, 0), new(2005, 1, 15, 12, 0, 0), new(2005, 7, 15, 12, 0, 0),
        new(2005, 4, 3, 1, 0, 0), new(2005, 4, 3, 4, 0, 0), new(2005, 10, 2, 1, 0, 0), new(2005, 10, 2, 4, 0, 0),
    };

    [Theory]
    [InlineData("XST-1XDT,J60/3,J300", new long[] { 1078052400, 1078135200, 1109635200, 1109642400, 1130364000, 1130454000, 1105786800, 1121421600, 1112482800, 1112493600, 1128207600, 1128218400 })]
    [InlineData("XST-1XDT,59,299/1:30", new long[] { 1078048800, 1078135200, 1109635200, 1109642400, 1130364000, 1130454000, 1105786800, 1121421600, 1112482800, 1112493600, 1128207600, 1128218400 })]
    [InlineData("AEST-10AEDT,M10.1.0,M4.1.0/3", new long[] { 1078016400, 1078102800, 1109599200, 1109610000, 1130331600, 1130418000, 1105750800, 1121392800, 1112450400, 1112464800, 1128178800, 1128186000 })]
    [InlineData("<+03>-3", new long[] { 1078045200, 1078131600, 1109628000, 1109638800, 1130360400, 1130446800, 1105779600, 1121418000, 1112479200, 1112490000, 1128204000, 1128214800 })]
    [InlineData("UTC0", new long[] { 1078056000, 1078142400, 1109638800, 1109649600, 1130371200, 1130457600, 1105790400, 1121428800, 1112490000, 1112500800, 1128214800, 1128225600 })]
    [InlineData("EST5EDT,M3.2.0,M11.1.0", new long[] { 1078074000, 1078160400, 1109656800, 1109667600, 1130385600, 1130472000, 1105808400, 1121443200, 1112504400, 1112515200, 1128229200, 1128240000 })]
    [InlineData("NZST-12NZDT,M9.5.0,M4.1.0/3", new long[] { 1078009200, 1078095600, 1109592000, 1109602800, 1130324400, 1130410800, 1105743600, 1121385600, 1112443200, 1112457600, 1128168000, 1128178800 })]
    public void PosixRulesGiveGlibcEpochs(string tz, long[] expected)
    {
        var zone = LocalTimeZone.Parse(tz);
        for (var i = 0; i < Points.Length; i++)
            Assert.Equal((double)expected[i], zone.ToEpoch(Points[i]));
    }

    [Theory]
    [InlineData("XST-1XDT,J60/3,J300", "2005-03-01T01:00:00", "2005-10-28T01:00:00", "2005-04-03T02:00:00")]
    [InlineData("AEST-10AEDT,M10.1.0,M4.1.0/3", "2005-03-01T11:00:00", "2005-10-28T11:00:00", "2005-04-03T10:00:00")]
    [InlineData("EST5EDT,M3.2.0,M11.1.0", "2005-02-28T19:00:00", "2005-10-27T20:00:00", "2005-04-02T20:00:00")]
    [InlineData("<+03>-3", "2005-03-01T03:00:00", "2005-10-28T03:00:00", "2005-04-03T03:00:00")]
    public void EpochsPrintAsLocalTime(string tz, string a, string b, string c)
    {
        var zone = LocalTimeZone.Parse(tz);
        Assert.Equal(a, zone.FormatLocal(1109635200));
        Assert.Equal(b, zone.FormatLocal(1130457600));
        Assert.Equal(c, zone.FormatLocal(1112486400));
        Assert.Equal(new DateTime(2005, 3, 1, 0, 0, 0).AddSeconds(zone.GetUtcOffset(1109635200)), zone.ToLocal(1109635200));
    }

    [Fact]
    public void SampleZoneSwitchesAsSpecified()
    {
        // Spec 5.5: autumn switch at 02:00 CEST (00:00 UTC), not Zurich's 03:00.
        var zone = LocalTimeZone.Parse(SampleZone);
        Assert.Equal(7200, zone.GetUtcOffset(1130630399)); // 2005-10-29T23:59:59Z
        Assert.Equal(3600, zone.GetUtcOffset(1130630400)); // 2005-10-30T00:00:00Z
        Assert.Equal(3600, zone.GetUtcOffset(1111885199)); // 2005-03-27T00:59:59Z
        Assert.Equal(7200, zone.GetUtcOffset(1111885200)); // 2005-03-27T01:00:00Z
    }

    [Fact]
    public void NonExistentSpringTimeUsesTheOffsetBeforeTheChange()
    {
        var zone = LocalTimeZone.Parse(SampleZone);
        Assert.Equal(1111887000d, zone.ToEpoch(new DateTime(2005, 3, 27, 2, 30, 0))); // 01:30Z
        Assert.Equal(1111885200d, zone.ToEpoch(new DateTime(2005, 3, 27, 2, 0, 0)));  // 01:00Z
        Assert.Equal(1111885200d, zone.ToEpoch(new DateTime(2005, 3, 27, 3, 0, 0)));  // 01:00Z
        var us = LocalTimeZone.Parse("EST5EDT,M3.2.0,M11.1.0");
        Assert.Equal(1110699000d, us.ToEpoch(new DateTime(2005, 3, 13, 2, 30, 0)));    // 07:30Z
    }

    [Fact]
    public void AmbiguousAutumnTimeFollowsThePreviousConversion()
    {
        // glibc's mktime keeps the offset of its last call as the first guess (observed: after a
        // summer date 01:30 is CEST, after a winter date it is CET); 02:00 exists once.
        var zone = LocalTimeZone.Parse(SampleZone);
        zone.ToEpoch(new DateTime(2005, 7, 1));
        Assert.Equal(1130628600d, zone.ToEpoch(new DateTime(2005, 10, 30, 1, 30, 0))); // 23:30Z
        Assert.Equal(1130634000d, zone.ToEpoch(new DateTime(2005, 10, 30, 2, 0, 0)));  // 01:00Z
        zone.ToEpoch(new DateTime(2005, 1, 1));
        Assert.Equal(1130632200d, zone.ToEpoch(new DateTime(2005, 10, 30, 1, 30, 0))); // 00:30Z
    }

    [Fact]
    public void IanaNamesUseTheSystemDatabase()
    {
        var zone = LocalTimeZone.Parse("Europe/Zurich");
        Assert.Equal("Europe/Zurich", zone.Name);
        Assert.Equal(1124013600d, zone.ToEpoch(new DateTime(2005, 8, 14, 12, 0, 0)));
        Assert.Equal("2005-08-14T12:00:00", zone.FormatLocal(1124013600));
        Assert.Equal(3600, LocalTimeZone.Parse(":Europe/Zurich").GetUtcOffset(1105786800));
    }

    [Theory]
    [InlineData("")]
    [InlineData("XYZ")]
    [InlineData("CET-01CEST-02,M3.5.0")]
    [InlineData("CET-01CEST-02,M13.5.0,M10.5.0")]
    [InlineData("No/Such_Zone")]
    public void InvalidZonesAreReported(string tz)
    {
        var e = Assert.Throws<Fail2BanException>(() => LocalTimeZone.Parse(tz));
        Assert.Equal(DiagnosticIds.OptionValue, e.Id);
    }
}
