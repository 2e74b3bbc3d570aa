using System;
using Fail2Ban.Core.Dates;

namespace Fail2Ban.Core.Tests.Dates;

/// <summary>Fixed-offset zone texts (spec 4.9).</summary>
public sealed class ZoneOffsetTests
{
    [Theory]
    [InlineData("Z", 0)]
    [InlineData("UTC", 0)]
    [InlineData("GMT", 0)]
    [InlineData("CET", 60)]
    [InlineData("CEST", 120)]
    [InlineData("CEST+01", 180)]
    [InlineData("UTC+0200", 120)]
    [InlineData("+02:00", 120)]
    [InlineData("-05", -300)]
    [InlineData("-0530", -330)]
    [InlineData("NPT", 345)]
    [InlineData("MART", -570)]
    [InlineData("NFT", 690)]
    [InlineData("Y", -720)]
    [InlineData("NZDT", 780)]
    [InlineData("PST-08", -960)]
    public void ValidTextsGiveMinutesEastOfUtc(string text, int minutes)
    {
        Assert.Equal(ZoneOffset.ParseStatus.Valid, ZoneOffset.TryParse(text.AsSpan(), out var m));
        Assert.Equal(minutes, m);
    }

    [Theory]
    [InlineData("error")]
    [InlineData("utc")]
    [InlineData("Europe/Paris")]
    [InlineData("+2")]
    [InlineData("+25")]
    [InlineData("CET+01:0")]
    [InlineData("ChST")]
    [InlineData("ABCDEF")]
    public void MalformedTextsAreInvalid(string text) =>
        Assert.Equal(ZoneOffset.ParseStatus.Invalid, ZoneOffset.TryParse(text.AsSpan(), out _));

    [Theory]
    [InlineData("ABCD")]
    [InlineData("XYZ+01")]
    public void UnknownAbbreviationsAreLineFailures(string text) =>
        Assert.Equal(ZoneOffset.ParseStatus.UnknownAbbreviation, ZoneOffset.TryParse(text.AsSpan(), out _));

    [Fact]
    public void AbbreviationTableIsVerbatim()
    {
        Assert.True(ZoneOffset.TryGetAbbreviation("ChST", out var chst));
        Assert.Equal(600, chst);
        Assert.True(ZoneOffset.TryGetAbbreviation("HLV", out var hlv));
        Assert.Equal(-270, hlv);
        Assert.False(ZoneOffset.TryGetAbbreviation("cet", out _));
    }
}
