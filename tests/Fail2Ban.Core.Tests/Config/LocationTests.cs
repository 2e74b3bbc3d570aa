using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Text;
using static Fail2Ban.Core.Tests.Config.TestFilters;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Every character of a resolved value maps back to where it was written, through includes,
/// <c>%(…)s</c> interpolation, tag substitution and filter options.</summary>
public sealed class LocationTests
{
    private static SourceLocation At(string file, int line, int column) => new(PathOf(file), line, column);

    [Fact]
    public void InterpolatedCharactersMapToTheReferencedDefinitionInAnotherFile()
    {
        var f = Read("x",
            ("common.conf", "[DEFAULT]\n_daemon = \\S*\nprefix = pre-%(_daemon)s\n"),
            ("x.conf", "[INCLUDES]\nbefore = common.conf\n[Definition]\nfailregex = ^%(prefix)s <HOST>\n"));
        var regex = f.FailRegex.Single();
        Assert.Equal(@"^pre-\S* <HOST>", regex.Text);
        Assert.Equal(At("x.conf", 4, 13), regex.LocationAt(0));     // '^'
        Assert.Equal(At("common.conf", 3, 10), regex.LocationAt(1)); // 'p' of pre-
        Assert.Equal(At("common.conf", 2, 11), regex.LocationAt(5)); // '\' of \S*
        Assert.Equal(At("x.conf", 4, 25), regex.LocationAt(9));     // '<' of <HOST>
    }

    [Fact]
    public void SubstitutedTagCharactersMapToTheTagValue()
    {
        var f = Read("x", ("x.conf", "[Definition]\nfailregex = a <sub> b\n\nsub = XYZ\n"));
        var regex = f.FailRegex.Single();
        Assert.Equal("a XYZ b", regex.Text);
        Assert.Equal(At("x.conf", 2, 13), regex.LocationAt(0));
        Assert.Equal(At("x.conf", 4, 7), regex.LocationAt(2));
        Assert.Equal(At("x.conf", 4, 9), regex.LocationAt(4));
        Assert.Equal(At("x.conf", 2, 21), regex.LocationAt(6));
    }

    [Fact]
    public void SplitRegexLinesMapToTheirOwnLines()
    {
        var f = Read("x", ("x.conf", "[Definition]\nfailregex = first\n            second\n"));
        Assert.Equal(At("x.conf", 3, 13), f.FailRegex[1].LocationAt(0));
    }

    [Fact]
    public void FilterOptionValuesMapIntoTheReference()
    {
        var files = Files(("x.conf", "[Definition]\nfailregex = <mode>-%(mode)s\n"));
        var f = FilterReader.ReadFilter(files, ConfigDir, FilterReference.Parse("x[mode=agg]", new SourceLocation("jail.local", 5, 10)));
        var regex = f.FailRegex.Single();
        Assert.Equal("agg-agg", regex.Text);
        Assert.Equal(new SourceLocation("jail.local", 5, 17), regex.LocationAt(0));
        Assert.Equal(new SourceLocation("jail.local", 5, 17), regex.LocationAt(4));
    }

    [Fact]
    public void NameReferenceMapsToTheReference()
    {
        var f = Read("x", ("x.conf", "[Definition]\nfailregex = in %(__name__)s\n"));
        Assert.Equal(At("x.conf", 2, 16), f.FailRegex.Single().LocationAt(3));
    }

    [SkippableFact]
    public void CorpusSshdPrefRegexMapsIntoCommonConf()
    {
        Skip.If(Infrastructure.Corpus.MasterRoot is null, Infrastructure.Corpus.SkipReason);
        var files = UpstreamLayout.Load(Infrastructure.Corpus.MasterRoot);
        var f = FilterReader.ReadFilter(files, UpstreamLayout.StockConfig, "sshd");
        var pref = f.PrefRegex!;
        var at = pref.Text.IndexOf("(?:@vserver_", System.StringComparison.Ordinal);
        Assert.True(at > 0);
        var loc = pref.LocationAt(at + 3)!.Value;
        Assert.Equal(UpstreamLayout.StockConfig + "/filter.d/common.conf", loc.File);
        Assert.True(f.Modes.SequenceEqual(new[] { "normal", "ddos", "extra", "aggressive" }), string.Join(",", f.Modes));
    }
}
