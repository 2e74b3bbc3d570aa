using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using static Fail2Ban.Core.Tests.Config.TestFilters;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Spec 1.4: <c>%(name)s</c> interpolation (expected values confirmed with Fail2Ban 1.0.2).</summary>
public sealed class InterpolationTests
{
    private static string Fail1(string reference, params (string, string)[] files) => Assert.Single(Read(reference, files).Fail());

    [Fact]
    public void ReferencesSectionThenDefaultAndUnescapesPercent()
    {
        Assert.Equal("%(y)s %% dflt Definition dflt",
            Fail1("x", ("x.conf", "[DEFAULT]\nd = dflt\n[Definition]\nx = %%(y)s %%%%\nfailregex = %(x)s %(d)s %(__name__)s %(default/d)s\n")));
    }

    [Fact]
    public void NamesAreCaseInsensitiveAndFilterOptionsAreVars()
    {
        const string filter = "[Definition]\nmode = normal\nfailregex = %(MODE)s <mode>\n";
        Assert.Equal("normal normal", Fail1("x", ("x.conf", filter)));
        Assert.Equal("aggr aggr", Fail1("x[mode=aggr]", ("x.conf", filter)));
        // Vars keys are lower-cased, so MODE=upper also wins the config lookup of the <mode> tag.
        Assert.Equal("upper upper", Fail1("x[MODE=upper]", ("x.conf", filter)));
    }

    [Fact]
    public void KnownReadsTheValueBeforeTheLastOverrideElseDefault()
    {
        var files = new[]
        {
            ("x.conf", "[INCLUDES]\nafter = b.conf\n[DEFAULT]\nq = defaultQ\n[Definition]\nq = defQ\nr = r1\nfailregex = %(known/q)s %(known/r)s\n"),
            ("b.conf", "[Definition]\nr = r2\n"),
        };
        Assert.Equal("defaultQ r1", Fail1("x", files));
    }

    [Fact]
    public void KnownWithoutDefaultFallbackIsAnError()
    {
        var e = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\nq = defQ\nfailregex = %(known/q)s\n")));
        Assert.Equal(DiagnosticIds.Interpolation, e.Id);
    }

    [Fact]
    public void SectionReferenceIsInterpolatedInTheReadingSection()
    {
        Assert.Equal("defY", Fail1("x", ("x.conf", "[Definition]\ny = defY\nfailregex = %(other/x)s\n[other]\nx = %(y)s\n")));
        Assert.Equal("{^LN-BEG}", Fail1("x", ("x.conf", "[Definition]\nfailregex = %(lt_file/datepattern)s\n[lt_file]\ndatepattern = {^LN-BEG}\n")));
        // Falls back to DEFAULT when the section lacks the option.
        Assert.Equal("D", Fail1("x", ("x.conf", "[DEFAULT]\no = D\n[Definition]\nfailregex = %(other/o)s\n[other]\n")));
    }

    [Fact]
    public void MixedCaseSectionReferenceFails()
    {
        var e = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\nfailregex = %(Other/o)s\n[Other]\no = 1\n")));
        Assert.Equal(DiagnosticIds.Interpolation, e.Id);
        Assert.Contains("other/o", e.Message);
    }

    [Fact]
    public void ErrorsCarryTheReferenceLocation()
    {
        var missing = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\nfailregex = ab %(nope)s\n")));
        Assert.Equal(new Text.SourceLocation(PathOf("x.conf"), 2, 16), missing.Location);
        var percent = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\nfailregex = 100%\n")));
        Assert.Equal(new Text.SourceLocation(PathOf("x.conf"), 2, 16), percent.Location);
        var syntax = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\nfailregex = %(abc\n")));
        Assert.Equal(DiagnosticIds.Interpolation, syntax.Id);
    }

    [Fact]
    public void RecursionStopsAtDepthTen()
    {
        var e = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\na = %(b)s\nb = %(a)s\nfailregex = %(a)s\n")));
        Assert.Equal(DiagnosticIds.Interpolation, e.Id);
        Assert.Contains("deeper than 10", e.Message);
        // Nine nested levels are fine.
        var chain = "[Definition]\nfailregex = %(a1)s\n";
        for (var i = 1; i < 9; i++) chain += "a" + i + " = %(a" + (i + 1) + ")s\n";
        chain += "a9 = end\n";
        Assert.Equal("end", Fail1("x", ("x.conf", chain)));
    }

    [Fact]
    public void InitValuesAreNotReachableWithInterpolation()
    {
        var e = Assert.Throws<Fail2BanException>(() => Read("x", ("x.conf", "[Definition]\nfailregex = %(i)s\n[Init]\ni = I\n")));
        Assert.Equal(DiagnosticIds.Interpolation, e.Id);
    }

    [Fact]
    public void InitIsInterpolatedWithoutFilterOptions()
    {
        Assert.Equal("W", Fail1("x[w=opt]", ("x.conf", "[Init]\nv = %(w)s\n[DEFAULT]\nw = W\n[Definition]\nfailregex = <v>\n")));
    }
}
