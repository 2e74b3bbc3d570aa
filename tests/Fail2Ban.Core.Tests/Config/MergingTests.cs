using System.Linq;
using Fail2Ban.Core.Config;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Spec 1.3: later files override option by option; KNOWN/ remembers the overridden value.</summary>
public sealed class MergingTests
{
    private static MergedConfig Merge(params string[] files)
    {
        var config = new MergedConfig();
        for (var i = 0; i < files.Length; i++) config.Merge(IniParser.Parse("/f" + i + ".conf", files[i]));
        return config;
    }

    private static string Raw(MergedConfig c, string section, string option)
    {
        Assert.True(c.TryGetSection(section, out var s), "section " + section);
        Assert.True(s.TryGetOption(option, out var o), "option " + option);
        return o.RawValue.Text;
    }

    [Fact]
    public void LaterFileOverridesAndKnownKeepsThePreviousValue()
    {
        var c = Merge("[S]\na = 1\nb = 1\n", "[S]\na = 2\n", "[S]\na = 3\n");
        Assert.Equal("3", Raw(c, "S", "a"));
        Assert.Equal("1", Raw(c, "S", "b"));
        Assert.Equal("2", Raw(c, "KNOWN/S", "a"));
        Assert.False(c.TryGetSection("KNOWN/S", out var k) && k.Contains("b"));
    }

    [Fact]
    public void KnownSectionExistsAsSoonAsTheSectionIsMergedAgain()
    {
        var c = Merge("[S]\na = 1\n", "[S]\n");
        Assert.True(c.HasSection("KNOWN/S"));
        Assert.True(c.TryGetSection("KNOWN/S", out var known));
        Assert.Equal(0, known.Count);
        Assert.False(Merge("[S]\na = 1\n").HasSection("KNOWN/S"));
    }

    [Fact]
    public void DefaultIsOverwrittenWithoutKnownTracking()
    {
        var c = Merge("[DEFAULT]\nd = 1\n", "[DEFAULT]\nd = 2\n");
        Assert.True(c.Defaults.TryGetOption("d", out var d));
        Assert.Equal("2", d.RawValue.Text);
        Assert.False(c.HasSection("KNOWN/DEFAULT"));
    }

    [Fact]
    public void ConditionalSectionsMergeIntoTheBaseWithSuffixedNames()
    {
        var c = Merge("[Init]\nb = plain\n[Init?family=inet6]\nb = six\n");
        Assert.Equal("plain", Raw(c, "Init", "b"));
        Assert.Equal("six", Raw(c, "Init", "b?family=inet6"));
        Assert.False(c.HasSection("Init?family=inet6"));
    }

    [Fact]
    public void OptionOrderIsFirstDefinitionOrder()
    {
        var c = Merge("[S]\nb = 1\na = 1\n", "[S]\nc = 2\nb = 2\n");
        Assert.True(c.TryGetSection("S", out var s));
        Assert.Equal(new[] { "b", "a", "c" }, s.Options.Select(o => o.Name));
    }

    [Fact]
    public void OverridingValueKeepsTheLocationOfTheFileThatSetIt()
    {
        var c = Merge("[S]\na = 1\n", "\n[S]\na = 2\n");
        Assert.True(c.TryGetSection("S", out var s));
        Assert.True(s.TryGetOption("a", out var a));
        Assert.Equal(new Text.SourceLocation("/f1.conf", 3, 1), a.NameLocation);
    }
}
