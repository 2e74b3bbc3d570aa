using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>The INI line rules of spec 1.2, one by one.</summary>
public sealed class IniParserTests
{
    private static string Value(string text, string section, string option)
    {
        var doc = IniParser.Parse("/f.conf", text);
        var s = section == "DEFAULT" ? doc.Defaults : doc.Sections.Single(x => x.Name == section);
        Assert.True(s.TryGetOption(option, out var o), "option " + option + " missing");
        return o.RawValue.Text;
    }

    private static Fail2BanException Error(string text) =>
        Assert.Throws<Fail2BanException>(() => IniParser.Parse("/f.conf", text));

    [Fact]
    public void InlineSemicolonCommentNeedsWhitespaceBefore()
    {
        Assert.Equal("a", Value("[S]\nx = a ;comment\n", "S", "x"));
        Assert.Equal("a;b", Value("[S]\nx = a;b\n", "S", "x"));
        Assert.Equal(@"a\;b", Value("[S]\nx = a\\;b\n", "S", "x"));
        Assert.Equal("|[Uu](?:ser unknown|ndeliverable address)",
            Value("[S]\nexre-user = |[Uu](?:ser unknown|ndeliverable address)  ; pragma: codespell-ignore\n", "S", "exre-user"));
    }

    [Fact]
    public void HashIsNeverAnInlineComment()
    {
        Assert.Equal("page.htm#07 $#x", Value("[S]\nx = page.htm#07 $#x\n", "S", "x"));
        Assert.Equal("a #b", Value("[S]\nx = a #b\n", "S", "x"));
    }

    [Fact]
    public void IndentedFullLineCommentsDoNotEndOrExtendAValue()
    {
        Assert.Equal("a\nb", Value("[S]\nx = a\n  # comment\n\t; other\n  b\n", "S", "x"));
    }

    [Fact]
    public void BlankLinesStayInsideValuesButTrailingOnesAreStripped()
    {
        Assert.Equal("a\n\nb", Value("[S]\nx = a\n\n  b\n\n\n", "S", "x"));
        // A line that is empty because of a comment adds nothing.
        Assert.Equal("a\nb", Value("[S]\nx = a\n ;only comment\n  b\n", "S", "x"));
    }

    [Fact]
    public void ContinuationNeedsMoreIndentationThanTheOptionLine()
    {
        Assert.Equal("indented\ncont", Value("[S]\n  x = indented\n    cont\n  y = second\n", "S", "x"));
        Assert.Equal("second", Value("[S]\n  x = indented\n    cont\n  y = second\n", "S", "y"));
        Assert.Equal("\nfirst", Value("[S]\nx =\n    first\n", "S", "x"));
    }

    [Fact]
    public void SectionHeaderRunsToTheLastBracket()
    {
        var doc = IniParser.Parse("/f.conf", "[a] [b]\nx = 1\n[Definition] trailing\ny = 2\n[c]]\nz = 3\n");
        Assert.Equal(new[] { "a] [b", "Definition", "c]" }, doc.Sections.Select(s => s.Name));
    }

    [Fact]
    public void SectionNamesAreCaseSensitiveOptionNamesAreLowerCased()
    {
        var doc = IniParser.Parse("/f.conf", "[definition]\nFailRegex = x\n[Definition]\nfailregex = y\n");
        Assert.Equal(new[] { "definition", "Definition" }, doc.Sections.Select(s => s.Name));
        Assert.True(doc.Sections[0].TryGetOption("failregex", out var o));
        Assert.Equal("x", o.RawValue.Text);
    }

    [Fact]
    public void OptionNameEndsAtTheFirstDelimiter()
    {
        Assert.Equal("with colon = v", Value("[S]\nkey:with colon = v\n", "S", "key"));
        Assert.Equal("v", Value("[S]\nkey : v\n", "S", "key"));
    }

    [Fact]
    public void UniversalNewlinesSplitLines()
    {
        Assert.Equal("a\nb", Value("[S]\r\nx = a\r\n  b\rc = d\r\n", "S", "x"));
        Assert.Equal("d", Value("[S]\r\nx = a\r\n  b\rc = d\r\n", "S", "c"));
    }

    [Fact]
    public void DefaultMayRepeatButNotItsOptions()
    {
        Assert.Equal("2", Value("[DEFAULT]\nx = 1\n[DEFAULT]\ny = 2\n", "DEFAULT", "y"));
        var e = Error("[DEFAULT]\nx = 1\n[DEFAULT]\nX = 2\n");
        Assert.Equal(DiagnosticIds.ConfigSyntax, e.Id);
        Assert.Equal(new Text.SourceLocation("/f.conf", 4, 1), e.Location);
    }

    [Fact]
    public void DuplicateSectionAndOptionAreErrorsWithLocation()
    {
        var s = Error("[Definition]\na = 1\n[Definition]\n");
        Assert.Equal(new Text.SourceLocation("/f.conf", 3, 1), s.Location);
        var o = Error("[Definition]\n  failregex = x\n  FailRegex = y\n");
        Assert.Equal(new Text.SourceLocation("/f.conf", 3, 3), o.Location);
        Assert.Contains("already exists", o.Message);
    }

    [Fact]
    public void OptionBeforeAnySectionIsMissingSectionHeader()
    {
        var e = Error("# comment\n\nfailregex = x\n[Definition]\n");
        Assert.Equal(DiagnosticIds.ConfigSyntax, e.Id);
        Assert.Equal(new Text.SourceLocation("/f.conf", 3, 1), e.Location);
        Assert.Contains("no section headers", e.Message);
    }

    [Fact]
    public void ByteOrderMarkIsNotSkipped()
    {
        var e = Error("\uFEFF[Definition]\nfailregex = x\n");
        Assert.Contains("no section headers", e.Message);
        Assert.Contains("byte order mark", e.Message);
        Assert.Equal(new Text.SourceLocation("/f.conf", 1, 1), e.Location);
    }

    [Fact]
    public void LineWithoutDelimiterAndNamelessOptionAreParseErrors()
    {
        Assert.Equal(new Text.SourceLocation("/f.conf", 2, 3), Error("[Definition]\n  junk line\n").Location);
        Assert.Equal(new Text.SourceLocation("/f.conf", 2, 1), Error("[Definition]\n= value\n").Location);
    }

    [Fact]
    public void ImmediateErrorsWinOverEarlierParseErrors()
    {
        // Python raises duplicate errors at once but collects unparsable lines until the end of the file.
        var e = Error("[Definition]\njunk\na = 1\na = 2\n");
        Assert.Contains("already exists", e.Message);
    }

    [Fact]
    public void EmptyFileHasNoSections()
    {
        var doc = IniParser.Parse("/f.conf", "");
        Assert.Empty(doc.Sections);
        Assert.Equal(0, doc.Defaults.Count);
    }

    [Fact]
    public void ValuesRememberLineAndColumnOfEveryLine()
    {
        var doc = IniParser.Parse("/f.conf", "[S]\nx = first\n      second\n");
        Assert.True(doc.Sections[0].TryGetOption("x", out var o));
        Assert.Equal(new Text.SourceLocation("/f.conf", 2, 1), o.NameLocation);
        Assert.Equal(new Text.SourceLocation("/f.conf", 2, 5), o.RawValue.LocationAt(0));
        Assert.Equal(new Text.SourceLocation("/f.conf", 2, 9), o.RawValue.LocationAt(4));
        Assert.Equal(new Text.SourceLocation("/f.conf", 3, 7), o.RawValue.LocationAt(6));
        Assert.Equal(new Text.SourceLocation("/f.conf", 3, 12), o.RawValue.LocationAt(11));
    }

    [Fact]
    public void PythonWhitespaceIncludesInformationSeparators()
    {
        Assert.Equal("a", Value("[S]\nx = a\x1c\n", "S", "x"));
    }
}
