using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using static Fail2Ban.Core.Tests.Config.TestFilters;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Spec 1.1: which files are read, in which order.</summary>
public sealed class IncludeTests
{
    private static string[] Relative(ResolvedFilter f) => f.FilesRead.Select(p => p.Substring(FilterDir.Length + 1)).ToArray();

    [Fact]
    public void ReadOrderMatchesTheSpecExample()
    {
        var f = Read("x",
            ("x.conf", "[INCLUDES]\nbefore = a.conf\nafter = b.conf\n[Definition]\nfailregex = <v>\n"),
            ("b.conf", "[INCLUDES]\nafter = a.conf\n[Definition]\nv = b\n"),
            ("a.conf", "[Definition]\nv = a\n"),
            ("a.local", "[Definition]\nv = a.local\n"),
            ("x.local", "[INCLUDES]\nbefore = c.conf\n[Definition]\nv = x.local\n"),
            ("c.conf", "[Definition]\nv = c\n"),
            ("x.d/1.conf", "[Definition]\nv = 1\n"),
            ("x.d/1.local", "[Definition]\nv = 1.local\n"),
            ("x.d/2.conf", "[INCLUDES]\nbefore = missing.conf\n[Definition]\nv = 2\n"));
        Assert.Equal(new[]
        {
            "a.conf", "a.local", "x.conf", "b.conf", "a.conf", "a.local", "x.d/1.conf", "x.d/2.conf", "c.conf", "x.local", "x.d/1.local",
        }, Relative(f));
        Assert.Equal("1.local", f.Fail().Single());
        var warning = Assert.Single(f.Warnings);
        Assert.Equal(DiagnosticIds.MissingInclude, warning.Id);
        Assert.Equal(new Text.SourceLocation(PathOf("x.d/2.conf"), 2, 10), warning.Location);
    }

    [Fact]
    public void NameDFolderIsSortedAndSkipsDotFiles()
    {
        var f = Read("dd",
            ("dd.conf", "[Definition]\nfailregex = <v>\nv = conf\n"),
            ("dd.d/b.conf", "[Definition]\nv = d-b\n"),
            ("dd.d/a.conf", "[Definition]\nv = d-a\n"),
            ("dd.d/.hidden.conf", "[Definition]\nv = hidden\n"),
            ("dd.d/a.local", "[Definition]\nv = d-a-local\n"));
        Assert.Equal(new[] { "dd.conf", "dd.d/a.conf", "dd.d/b.conf", "dd.d/a.local" }, Relative(f));
        Assert.Equal("d-a-local", f.Fail().Single());
    }

    [Fact]
    public void IncludesAreRelativeToTheIncludingFileAndInterpolated()
    {
        var f = Read("x",
            ("x.conf", "[DEFAULT]\nbase = sub/y\n[INCLUDES]\nbefore = %(base)s.conf\n[Definition]\nfailregex = <v>\n"),
            ("sub/y.conf", "[INCLUDES]\nafter = ../z.conf\n[Definition]\nv = y\n"),
            ("z.conf", "[Definition]\nv = z\n"));
        Assert.Equal(new[] { "sub/y.conf", "z.conf", "x.conf" }, Relative(f));
        Assert.Equal("z", f.Fail().Single());
    }

    [Fact]
    public void SelfIncludeIsReadTwiceAndDeeperCyclesAreSkippedWithAWarning()
    {
        var self = Read("x", ("x.conf", "[INCLUDES]\nbefore = x.conf\n[Definition]\nfailregex = self\n"));
        Assert.Equal(new[] { "x.conf", "x.conf" }, Relative(self));
        Assert.Equal(DiagnosticIds.IncludeCycle, Assert.Single(self.Warnings).Id);

        var cycle = Read("p",
            ("p.conf", "[INCLUDES]\nbefore = q.conf\n[Definition]\nfailregex = <v>\nv = p\n"),
            ("q.conf", "[INCLUDES]\nbefore = p.conf\n[Definition]\nv = q\n"));
        Assert.Equal(new[] { "q.conf", "p.conf" }, Relative(cycle));
        Assert.Equal("p", cycle.Fail().Single());
        var w = Assert.Single(cycle.Warnings);
        Assert.Equal(DiagnosticIds.IncludeCycle, w.Id);
        Assert.Equal(new Text.SourceLocation(PathOf("q.conf"), 2, 10), w.Location);
    }

    [Fact]
    public void MissingIncludeAndEmptyBeforeAreIgnored()
    {
        var f = Read("x", ("x.conf", "[INCLUDES]\nbefore =\nafter = gone.conf\n  gone.local\n[Definition]\nfailregex = x\n"));
        Assert.Equal(new[] { "x.conf" }, Relative(f));
        // Only the non-.local include is worth a warning: missing .local overrides are normal.
        Assert.Equal(DiagnosticIds.MissingInclude, Assert.Single(f.Warnings).Id);
    }

    [Fact]
    public void UndecodableIncludeIsSkippedButUndecodableFilterFails()
    {
        var files = Files(("x.conf", "[INCLUDES]\nbefore = bad.conf\n[Definition]\nfailregex = ok\n"));
        files.Add(PathOf("bad.conf"), new byte[] { (byte)'[', (byte)'D', (byte)']', (byte)'\n', 0xFF });
        var f = FilterReader.ReadFilter(files, ConfigDir, "x");
        Assert.Equal("ok", f.Fail().Single());
        var w = Assert.Single(f.Warnings);
        Assert.Equal(DiagnosticIds.ConfigSyntax, w.Id);
        Assert.Equal(new Text.SourceLocation(PathOf("bad.conf"), 2, 1), w.Location);

        var e = Assert.Throws<Fail2BanException>(() => FilterReader.ReadFilter(files, ConfigDir, "bad"));
        Assert.Equal(DiagnosticIds.ConfigSyntax, e.Id);
        Assert.Equal(new Text.SourceLocation(PathOf("bad.conf"), 2, 1), e.Location);
    }

    [Fact]
    public void ParseErrorInAnIncludeFailsTheFilter()
    {
        var e = Assert.Throws<Fail2BanException>(() => Read("x",
            ("x.conf", "[INCLUDES]\nbefore = broken.conf\n[Definition]\nfailregex = x\n"),
            ("broken.conf", "[Definition]\njunk\n")));
        Assert.Equal(new Text.SourceLocation(PathOf("broken.conf"), 2, 1), e.Location);
    }

    [Fact]
    public void MissingFilterIsAnError()
    {
        var e = Assert.Throws<Fail2BanException>(() => Read("nope", ("x.conf", "[Definition]\n")));
        Assert.Equal(DiagnosticIds.FilterNotFound, e.Id);
        // A .local alone is enough for Fail2Ban.
        Assert.Equal("l", Read("only", ("only.local", "[Definition]\nfailregex = l\n")).Fail().Single());
    }

    [Fact]
    public void EmptyFileAndMissingDefinitionAreNotErrors()
    {
        var empty = Read("e", ("e.conf", "# only a comment\n"));
        Assert.Empty(empty.FailRegex);
        Assert.Null(empty.PrefRegex);
        var warning = Assert.Single(empty.Warnings);
        Assert.Equal(DiagnosticIds.ConfigSyntax, warning.Id);
        Assert.Equal(new Text.SourceLocation(PathOf("e.conf"), 1, 1), warning.Location);
        var other = Read("o", ("o.conf", "[Other]\nfailregex = x\n"));
        Assert.Empty(other.FailRegex);
    }

    [Fact]
    public void ExponentialIncludeGraphIsBounded()
    {
        var files = new (string, string)[20];
        for (var i = 0; i < 19; i++)
            files[i] = ("f" + i + ".conf", "[INCLUDES]\nbefore = f" + (i + 1) + ".conf\n   f" + (i + 1) + ".conf\n[Definition]\nfailregex = x\n");
        files[19] = ("f19.conf", "[Definition]\n");
        var e = Assert.Throws<Fail2BanException>(() => Read("f0", files));
        Assert.Equal(DiagnosticIds.IncludeCycle, e.Id);
    }

    [Fact]
    public void ForeignFileReadsItsLocalCompanionButNoDotDFolder()
    {
        var files = Files(
            ("/tmp/my.conf", "[Definition]\nfailregex = <v>\nv = conf\n"),
            ("/tmp/my.local", "[Definition]\nv = local\n"),
            ("/tmp/my.d/a.conf", "[Definition]\nv = d\n"));
        var f = FilterReader.ReadFile(files, "/tmp/my.conf");
        Assert.Equal(new[] { "/tmp/my.conf", "/tmp/my.local" }, f.FilesRead);
        Assert.Equal("local", f.Fail().Single());
    }

    [Fact]
    public void AbsoluteFilterNameIsUsedAsIs()
    {
        var files = Files(("/srv/f/abs.conf", "[Definition]\nfailregex = abs\n"));
        Assert.Equal("abs", FilterReader.ReadFilter(files, ConfigDir, "/srv/f/abs").Fail().Single());
    }
}
