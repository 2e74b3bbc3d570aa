using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using static Fail2Ban.Core.Tests.Config.TestFilters;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Spec 1.1, the <c>fail2ban-regex</c> FILTER argument.</summary>
public sealed class FilterArgumentTests
{
    private static readonly InMemoryConfigFileSource Source = Files(
        ("sshd.conf", "[Definition]\nfailregex = sshd <HOST>\n"),
        ("/work/own/my.conf", "[Definition]\nfailregex = mine <HOST>\n"),
        ("/work/other/filter.d/web.conf", "[Definition]\nfailregex = web <HOST>\n"),
        ("/work/other/filter.d/web.local", "[Definition]\nfailregex = web-local <HOST>\n"));

    [Fact]
    public void BareNameWithOptionsUsesTheStandardAlgorithm()
    {
        var a = FilterArgument.Resolve(Source, ConfigDir, "sshd[mode=aggressive]");
        Assert.Equal(FilterArgumentKind.Named, a.Kind);
        Assert.Equal(ConfigDir, a.ConfigDirectory);
        Assert.Equal("sshd", a.FilterName);
        Assert.Equal("aggressive", a.Options["mode"]);
        Assert.Equal("sshd <HOST>", FilterReader.Read(Source, a).Fail()[0]);
    }

    [Fact]
    public void PathInAFilterDFolderUsesItsParentAsConfigDirectory()
    {
        var a = FilterArgument.Resolve(Source, ConfigDir, "/work/other/filter.d/web.conf");
        Assert.Equal(FilterArgumentKind.Named, a.Kind);
        Assert.Equal("/work/other", a.ConfigDirectory);
        Assert.Equal("web", a.FilterName);
        Assert.Equal("web-local <HOST>", FilterReader.Read(Source, a).Fail()[0]);
    }

    [Fact]
    public void RelativePathAndExtensionlessPathAreFound()
    {
        var a = FilterArgument.Resolve(Source, ConfigDir, "other/filter.d/web.conf", currentDirectory: "/work");
        Assert.Equal(FilterArgumentKind.Named, a.Kind);
        Assert.Equal("/work/other/filter.d/web.conf", a.FilePath);
        var own = FilterArgument.Resolve(Source, ConfigDir, "own/my", currentDirectory: "/work");
        Assert.Equal(FilterArgumentKind.File, own.Kind);
        Assert.Equal("/work/own/my.conf", own.FilePath);
        // Only the last 6 characters are checked for a '.': "filter.d/web" is not tried with extensions.
        Assert.Equal(FilterArgumentKind.LiteralRegex, FilterArgument.Resolve(Source, ConfigDir, "other/filter.d/web", currentDirectory: "/work").Kind);
    }

    [Fact]
    public void OtherPathIsAForeignFile()
    {
        var a = FilterArgument.Resolve(Source, ConfigDir, "/work/own/my.conf[x=1]");
        Assert.Equal(FilterArgumentKind.File, a.Kind);
        Assert.Equal("/work/own/my.conf", a.FilePath);
        Assert.Equal("mine <HOST>", FilterReader.Read(Source, a).Fail()[0]);
    }

    [Fact]
    public void MasterMapsFilterDPrefixToTheConfigDirectory()
    {
        var a = FilterArgument.Resolve(Source, ConfigDir, "filter.d/sshd");
        Assert.Equal(FilterArgumentKind.Named, a.Kind);
        Assert.Equal("sshd", a.FilterName);
        Assert.Equal(ConfigDir, a.ConfigDirectory);
    }

    [Theory]
    [InlineData(@"^Failed password for .* from <HOST>$")]
    [InlineData("nosuchfilter")]
    [InlineData("nosuch.conf")]
    public void AnythingElseIsALiteralRegex(string text) =>
        Assert.Equal(FilterArgumentKind.LiteralRegex, FilterArgument.Resolve(Source, ConfigDir, text).Kind);

    [Fact]
    public void MalformedOptionsOfAFilterLikeArgumentAreAnError()
    {
        var e = Assert.Throws<Fail2BanException>(() => FilterArgument.Resolve(Source, ConfigDir, "sshd[mode]"));
        Assert.Equal(DiagnosticIds.FilterOptions, e.Id);
    }

    [Fact]
    public void ReadingALiteralRegexAsAFilterFails()
    {
        var a = FilterArgument.Resolve(Source, ConfigDir, "a b");
        Assert.Equal(DiagnosticIds.FilterNotFound, Assert.Throws<Fail2BanException>(() => FilterReader.Read(Source, a)).Id);
    }
}
