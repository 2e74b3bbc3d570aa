using Fail2Ban.Core.Config;

namespace Fail2Ban.Core.Tests.Config;

public sealed class ConfigPathTests
{
    [Theory]
    [InlineData("/a/b/../c", "/a/c")]
    [InlineData("/root/fail2ban/tests/config/filter.d/../../../../config/filter.d/common.conf", "/root/config/filter.d/common.conf")]
    [InlineData("/a//./b/", "/a/b")]
    [InlineData("/..", "/")]
    [InlineData("../x", "../x")]
    [InlineData("a/..", ".")]
    public void NormalizeCollapsesLexically(string input, string expected) =>
        Assert.Equal(expected, ConfigPath.Normalize(input));

    [Theory]
    [InlineData("/d/x.conf", "/d/x.local")]
    [InlineData("/d/x.local", "/d/x.local")]
    [InlineData("/d/x", "/d/x.local")]
    [InlineData("/d.x/y", "/d.x/y.local")]
    [InlineData("/d/.hidden", "/d/.hidden.local")]
    [InlineData("/d/a.b.conf", "/d/a.b.local")]
    public void LocalCompanionReplacesTheExtension(string input, string expected) =>
        Assert.Equal(expected, ConfigPath.LocalCompanion(input));

    [Fact]
    public void CombineKeepsAbsoluteNames()
    {
        Assert.Equal("/x/y.conf", ConfigPath.Combine("/etc", "/x/y.conf"));
        Assert.Equal("/etc/y.conf", ConfigPath.Combine("/etc/filter.d", "../y.conf"));
    }
}
