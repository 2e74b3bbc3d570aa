using Fail2Ban.Core.Config;
using static Fail2Ban.Core.Tests.Config.TestFilters;

namespace Fail2Ban.Core.Tests.Config;

public sealed class FilterModeCatalogTests
{
    [Fact]
    public void ModesSatisfyEveryReferenceAndTheDefaultComesFirst()
    {
        var f = Read("x", ("x.conf",
            "[Definition]\nmode = more\n" +
            "prefregex = <mdpr-<mode>> <F-CONTENT>.+</F-CONTENT>\nfailregex = <mdre-<mode>>\n" +
            "mdpr-normal = n\nmdre-normal = n\nmdpr-auth = a\nmdre-auth = a\nmdre-auth2 = a2\nmdpr-more = m\nmdre-more = m\n"));
        Assert.Equal(new[] { "more", "normal", "auth" }, f.Modes);
    }

    [Fact]
    public void SectionQualifiedSelectorsFindSections()
    {
        var f = Read("x", ("x.conf",
            "[DEFAULT]\nlogtype = file\n[Definition]\nfailregex = <lt_<logtype>/pre>\n[lt_file]\npre = f\n[lt_short]\npre = s\n[lt_other]\nx = 1\n"));
        Assert.Equal(new[] { "file", "short" }, FilterModeCatalog.FindValues(f.Config, "logtype"));
        Assert.Empty(f.Modes);
    }
}
