using System.Collections.Generic;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Spec 1.5: <c>name[k=v, …]</c> syntax.</summary>
public sealed class FilterReferenceTests
{
    private static Dictionary<string, string> Options(string text) => new(FilterReference.Parse(text).Options);

    [Fact]
    public void NameAndQuotedOrBareValues()
    {
        var r = FilterReference.Parse("sshd[mode=aggressive, k2=\"v, 2]\", k3='x y']");
        Assert.Equal("sshd", r.Name);
        Assert.Equal(new Dictionary<string, string> { ["mode"] = "aggressive", ["k2"] = "v, 2]", ["k3"] = "x y" }, Options(r.Text));
    }

    [Fact]
    public void ChainedGroupsAndLaterDuplicatesWin()
    {
        Assert.Equal(new Dictionary<string, string> { ["a"] = "3", ["b"] = "2" }, Options("n[a=1][b=2] [a=3]"));
    }

    [Fact]
    public void ValuesAreStrippedAndBareValuesMayContainSpaces()
    {
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1 b=2" }, Options("n[a=1 b=2]"));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "x" }, Options("n[a=\"  x  \"]"));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "multi\nline" }, Options("n[a=\"multi\nline\"]"));
    }

    [Fact]
    public void KeysKeepCaseAndMayCarryAConditionMasterSyntax()
    {
        Assert.Equal(new Dictionary<string, string> { ["Mode"] = "x", ["blocktype?family=inet6"] = "y" },
            Options("n[Mode=x, blocktype?family=inet6=y]"));
    }

    [Fact]
    public void NameKeepsTrailingSpacesAndEmptyBracketsHaveNoOptions()
    {
        Assert.Equal("n ", FilterReference.Parse("n [a=1]").Name);
        Assert.Empty(FilterReference.Parse("n[]").Options);
        Assert.Empty(FilterReference.Parse("plain").Options);
    }

    [Theory]
    [InlineData("n[a]", 3)]
    [InlineData("n[mode =x]", 3)]
    [InlineData("n[a=1] junk", 1)]
    [InlineData("[a=1]", 1)]
    [InlineData("n[a=\"x\"y]", 8)]
    [InlineData("n[a='x' ]", 8)]
    public void MalformedOptionsAreErrorsWithColumn(string text, int column)
    {
        var e = Assert.Throws<Fail2BanException>(() => FilterReference.Parse(text, new Text.SourceLocation("jail.conf", 7, 10)));
        Assert.Equal(DiagnosticIds.FilterOptions, e.Id);
        Assert.Equal(new Text.SourceLocation("jail.conf", 7, 9 + column), e.Location);
    }

    [Fact]
    public void OptionValuesAreLocatedInTheReference()
    {
        var r = FilterReference.Parse("sshd[mode=aggressive]", new Text.SourceLocation("jail.local", 3, 10));
        Assert.Equal(new Text.SourceLocation("jail.local", 3, 20), r.LocatedOptions["mode"].LocationAt(0));
    }
}
