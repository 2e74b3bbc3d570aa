using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using static Fail2Ban.Core.Tests.Config.TestFilters;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Spec 1.7 and 1.8: configuration tags, splitting and conversions.</summary>
public sealed class TagSubstitutionTests
{
    private const string LogTypes =
        "[DEFAULT]\nlogtype = file\n[Definition]\nfailregex = <lt_<logtype>/pre> <HOST>\n" +
        "[lt_file]\npre = FILE<x>\nx = X\n[lt_short]\npre = SHORT\n";

    [Fact]
    public void NestedTagsResolveInsideOut()
    {
        Assert.Equal("FILE<x> <HOST>", Read("x", ("x.conf", LogTypes)).Fail().Single());
        Assert.Equal("SHORT <HOST>", Read("x[logtype=short]", ("x.conf", LogTypes)).Fail().Single());
    }

    [Fact]
    public void MultiLineValuesSplitIntoSeveralRegexesAndEmptyLinesVanish()
    {
        const string filter = "[Definition]\nmdre-normal =\nmdre-aggressive = l1\n   l2\n   l3\nmode = normal\n" +
                              "failregex = pre <mdre-<mode>> post\n   <mdre-<mode>>\n";
        Assert.Equal(new[] { "pre  post" }, Read("x", ("x.conf", filter)).Fail());
        Assert.Equal(new[] { "pre l1", "l2", "l3 post", "l1", "l2", "l3" }, Read("x[mode=aggressive]", ("x.conf", filter)).Fail());
    }

    [Fact]
    public void OptionNamedHostHijacksTheRegexTag()
    {
        Assert.Equal("hijack (?P<ip4>x) <[^>]*>",
            Read("x", ("x.conf", "[Definition]\nhost = hijack\nfailregex = <HOST> (?P<ip4>x) <[^>]*>\n")).Fail().Single());
    }

    [Fact]
    public void KnownTagFallsBackToDefaultWhenDefinitionWasMergedAgain()
    {
        const string main = "[INCLUDES]\nafter = b.conf\n[DEFAULT]\nq=defaultQ\n[Definition]\nq=defQ\nfailregex = <known/q>\n";
        Assert.Equal("defaultQ", Read("x", ("x.conf", main), ("b.conf", "[Definition]\n")).Fail().Single());
        Assert.Equal("defQ", Read("x", ("x.conf", main), ("b.conf", "[Other]\n")).Fail().Single());
    }

    [Fact]
    public void DefaultAndSectionQualifiedTags()
    {
        Assert.Equal("D D D", Read("x", ("x.conf", "[Definition]\nfailregex = <DEFAULT/d> <default/d> <Known/d>\n[DEFAULT]\nd = D\n")).Fail().Single());
        // Unlike %(Other/o)s, the tag form works with mixed-case sections.
        Assert.Equal("1", Read("x", ("x.conf", "[Definition]\nfailregex = <Other/o>\n[Other]\no = 1\n")).Fail().Single());
    }

    [Fact]
    public void SelfReferenceAndRunawaySubstitutionAreErrors()
    {
        var self = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\nfailregex = a <failregex>\n")));
        Assert.Equal(DiagnosticIds.TagSubstitution, self.Id);
        Assert.Equal(new Text.SourceLocation(PathOf("x.conf"), 2, 15), self.Location);
        var loop = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\nfailregex = <a>\na = <b>\nb = <a>\n")));
        Assert.Equal(DiagnosticIds.TagSubstitution, loop.Id);
    }

    [Fact]
    public void ExponentialGrowthIsBounded()
    {
        var filter = "[Definition]\nfailregex = <a0>\n";
        for (var i = 0; i < 30; i++) filter += "a" + i + " = <a" + (i + 1) + "><a" + (i + 1) + ">\n";
        filter += "a30 = x\n";
        var e = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", filter)));
        Assert.Equal(DiagnosticIds.TagSubstitution, e.Id);
    }

    [Fact]
    public void MaxLinesIsAnIntegerDatePatternOneString()
    {
        var f = Read("x", ("x.conf", "[Definition]\nmaxlines = <ml>\nml = 3\nfailregex = x\ndatepattern = %%Y\n   {^LN-BEG}\n"));
        Assert.Equal(3, f.MaxLines);
        Assert.Equal("%Y\n{^LN-BEG}", f.DatePattern!.Text);
        Assert.Equal(7, Read("x[maxlines=7]", ("x.conf", "[Definition]\n")).MaxLines);
        Assert.Equal(10, Read("x[maxlines=1_0]", ("x.conf", "[Definition]\n")).MaxLines);
    }

    [Fact]
    public void NonIntegerMaxLinesIsDroppedWithAWarningAndZeroIsAnError()
    {
        var f = Read("x", ("x.conf", "[Definition]\nmaxlines = abc\n"));
        Assert.Null(f.MaxLines);
        Assert.Equal(DiagnosticIds.OptionValue, Assert.Single(f.Warnings).Id);
        var e = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\nmaxlines = 0\n")));
        Assert.Equal(DiagnosticIds.OptionValue, e.Id);
        Assert.Equal(new Text.SourceLocation(PathOf("x.conf"), 2, 12), e.Location);
    }

    [Fact]
    public void JournalMatchIsSplitIntoLines()
    {
        var f = Read("x", ("x.conf", "[Definition]\njournalmatch = _SYSTEMD_UNIT=a.service + _COMM=a\n  \n  _COMM=b\n"));
        Assert.Equal(new[] { "_SYSTEMD_UNIT=a.service + _COMM=a", "_COMM=b" }, f.JournalMatch.Select(j => j.Text));
    }
}
