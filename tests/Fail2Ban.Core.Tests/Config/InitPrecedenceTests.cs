using System.Linq;
using Fail2Ban.Core.Config;
using static Fail2Ban.Core.Tests.Config.TestFilters;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Spec 1.6: the filter reader procedure and the verified <c>t11</c> precedence table.</summary>
public sealed class InitPrecedenceTests
{
    private static readonly (string, string)[] T11 =
    {
        ("t11.conf",
            "[INCLUDES]\nbefore = t11common.conf\n" +
            "[Definition]\nmode=normal\nx=defX\np=%(mode)s\n" +
            "failregex = pct:%(mode)s tag:<mode> x:<x> y:<y> z:<z> init:<initonly> p:<p> HOST:<HOST> known:<known/x>\n" +
            "[Init]\nx=initX\nz=initZ\ninitonly=I\n"),
        ("t11common.conf", "[Definition]\nx=commonX\n"),
    };

    [Theory]
    [InlineData("t11", "pct:normal tag:normal x:initX y:<y> z:initZ init:I p:normal HOST:<HOST> known:initX")]
    [InlineData("t11[mode=aggr, x=optX, z=optZ]", "pct:aggr tag:aggr x:optX y:<y> z:optZ init:I p:aggr HOST:<HOST> known:initX")]
    [InlineData("t11[y=Y, failregex='replaced <y>']", "replaced Y")]
    public void VerifiedTable(string reference, string expected) =>
        Assert.Equal(expected, Read(reference, T11).Fail().Single());

    [Fact]
    public void InitOverridesDefinitionOfAStandardOptionAndKnownSeesTheInitValue()
    {
        var f = Read("x", ("x.conf",
            "[Init]\njournalmatch = _SYSTEMD_UNIT=a.service\nfailregex = initfail\n" +
            "[Definition]\njournalmatch = def\nfailregex = deffail <known/failregex>\n"));
        Assert.Equal("_SYSTEMD_UNIT=a.service", f.JournalMatch.Single().Text);
        Assert.Equal("initfail", f.Fail().Single());
        Assert.True(f.TryGetValue("journalmatch", out var jm));
        Assert.Equal(OptionSource.InitSection, jm.Source);
    }

    [Fact]
    public void FilterOptionBeatsInit()
    {
        var f = Read("x[journalmatch=opt]", ("x.conf", "[Init]\njournalmatch = init\n[Definition]\njournalmatch = def\n"));
        Assert.Equal("opt", f.JournalMatch.Single().Text);
        Assert.True(f.TryGetValue("known/journalmatch", out var known));
        Assert.Equal("init", known.Value!.Text);
    }

    [Fact]
    public void ConditionalInitOptionTakesThePlainFilterOption()
    {
        const string filter = "[Definition]\nfailregex = <b> <b?family=inet6>\n[Init]\nb = plain\n[Init?family=inet6]\nb = six\n";
        // The base name of a conditional option is ignored by tag substitution.
        Assert.Equal("<b> six", Read("x", ("x.conf", filter)).Fail().Single());
        Assert.Equal("<b> given", Read("x[b=given]", ("x.conf", filter)).Fail().Single());
    }

    [Fact]
    public void StandardOptionsComeFromDefinitionOrDefaultWithSources()
    {
        var f = Read("x", ("x.conf", "[DEFAULT]\nmaxlines = 2\n[Definition]\nfailregex = f\nprefregex = ^p<F-CONTENT>.+</F-CONTENT>$\nusedns = no\n"));
        Assert.Equal(2, f.MaxLines);
        Assert.Equal("^p<F-CONTENT>.+</F-CONTENT>$", f.PrefRegex!.Text);
        Assert.Equal("no", f.UseDns);
        Assert.True(f.TryGetValue("maxlines", out var ml));
        Assert.Equal(OptionSource.DefaultSection, ml.Source);
        Assert.Equal(new Text.SourceLocation(PathOf("x.conf"), 2, 1), ml.DefinedAt);
        Assert.True(f.TryGetValue("failregex", out var fr));
        Assert.Equal(OptionSource.DefinitionSection, fr.Source);
    }

    [Fact]
    public void AutomaticLogTypeOnlyWhenNeitherOptionsNorDefinitionSetIt()
    {
        var files = Files(("x.conf", "[DEFAULT]\nlogtype = short\n[Definition]\nfailregex = <logtype>\n"));
        Assert.Equal("file", FilterReader.ReadFilter(files, ConfigDir, "x", null, "file").Fail().Single());
        Assert.Equal("short", FilterReader.ReadFilter(files, ConfigDir, "x").Fail().Single());
        var own = Files(("x.conf", "[Definition]\nlogtype = own\nfailregex = <logtype>\n"));
        Assert.Equal("own", FilterReader.ReadFilter(own, ConfigDir, "x", null, "file").Fail().Single());
    }
}
