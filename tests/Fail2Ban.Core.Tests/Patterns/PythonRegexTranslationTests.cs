using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Tests.Patterns;

/// <summary>Python pattern → .NET pattern, and Python's rejections (spec 6.2/6.3).</summary>
public class PythonRegexTranslationTests
{
    [Theory]
    // syntax rewrites
    [InlineData(@"(?P<user>\S+)", @"(?<user>[^\s\x1C-\x1F]+)")]
    [InlineData(@"(?P<x>a)(?P=x)", @"(?<x>a)\k<x>")]
    [InlineData(@"a{,2}", @"a{0,2}")]
    [InlineData(@"a{,}", @"a*")]
    [InlineData(@"a{2,}", @"a{2,}")]
    [InlineData(@"a{2,2}", @"a{2}")]
    [InlineData(@"a{0,1}?", @"a??")]
    [InlineData(@"foo\Z", @"foo\z")]
    [InlineData(@"\Afoo$", @"\Afoo$")]
    [InlineData(@"(?iu)abc", @"(?i)abc")]
    [InlineData(@"(?u)abc", @"abc")]
    [InlineData(@"(?u:a)", @"(?:a)")]
    [InlineData(@"(?i:Failed)", @"(?i:Failed)")]
    [InlineData(@"(?-i:a)", @"(?-i:a)")]
    [InlineData(@"(?s)a.b", @"(?s)a.b")]
    [InlineData(@"(?x) a b # comment", @"ab")]
    [InlineData(@"a*+", @"(?>a*)")]
    [InlineData(@"(?:ab)++", @"(?>(?:ab)+)")]
    [InlineData(@"a{1,3}+", @"(?>a{1,3})")]
    [InlineData(@"(?>a+)b", @"(?>a+)b")]
    [InlineData(@"[^[]", @"[^\[]")]
    [InlineData(@"[[]", @"[\[]")]
    [InlineData(@"[a-z-[aeiou]]", @"[a-z\-\[aeiou]]")]
    [InlineData(@"[]a]", @"[\]a]")]
    [InlineData(@"[^]a]", @"[^\]a]")]
    [InlineData(@"[\w-]", @"[\p{L}\p{N}_\-]")]
    [InlineData(@"[\w\-.^_]", @"[\p{L}\p{N}_\-.\^_]")]
    [InlineData(@"\_", @"_")]
    [InlineData(@"\/\:\<\>\-\'\""\=\,\;\ ", @"/:<>-'""=,; ")]
    [InlineData(@"\x1D", @"\x1D")]
    [InlineData(@"\101\0", @"A\x00")]
    [InlineData(@"{x}", @"\{x}")]
    [InlineData(@"a{1", @"a\{1")]
    [InlineData(@"a{}", @"a\{}")]
    [InlineData(@"{{", @"\{\{")]
    [InlineData(@"\.\*\+\?\|\(\)\[\]\^\$\\", @"\.\*\+\?\|\(\)\[]\^\$\\")]
    // group numbering: unnamed groups after a named one are numbered explicitly
    [InlineData(@"(a)(b)", @"(a)(b)")]
    [InlineData(@"(a)(?P<n>b)(c)", @"(a)(?<n>b)(?<3>c)")]
    [InlineData(@"(?P<n>a)(b)\2", @"(?<n>a)(?<2>b)\k<2>")]
    [InlineData(@"(a)\1", @"(a)\k<1>")]
    [InlineData(@"(?P<n>a)\1", @"(?<n>a)\k<n>")]
    [InlineData(@"(?P<n>a)?(?(1)b|c)", @"(?<n>a)?(?(n)b|c)")]
    [InlineData(@"(?(1)a|b)(c)", @"(?(1)a|b)(c)")]
    [InlineData(@"(?P<n>a)?(?(n)b)", @"(?<n>a)?(?(n)b)")]
    // shorthand classes made exact
    [InlineData(@"\d\D", @"\d\D")]
    [InlineData(@"\w\W", @"[\p{L}\p{N}_][^\p{L}\p{N}_]")]
    [InlineData(@"\s\S", @"[\s\x1C-\x1F][^\s\x1C-\x1F]")]
    [InlineData(@"[\s,]", @"[\s\x1C-\x1F,]")]
    [InlineData(@"[^\W\d]", @"[\p{L}\p{N}_-[\d]]")]
    [InlineData(@"[\Wa]", @"(?:[^\p{L}\p{N}_]|[a])")]
    [InlineData(@"[\W]", @"[^\p{L}\p{N}_]")]
    [InlineData(@"(?a)\w\d\s", @"[a-zA-Z0-9_][0-9][\t-\r ]")]
    [InlineData(@"\b", @"(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))")]
    [InlineData(@"\B", @"(?:(?<=[\p{L}\p{N}_])(?=[\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?![\p{L}\p{N}_])(?!\A\z))")]
    // unchanged constructs
    [InlineData(@"(?<=:)(?<!x)(?=a)(?!b)", @"(?<=:)(?<!x)(?=a)(?!b)")]
    [InlineData(@"a|b|", @"a|b|")]
    [InlineData(@"^(?:a|b)$", @"^(?:a|b)$")]
    [InlineData(@"a(?#comment)*", @"a*")]
    [InlineData(@"\t\n\r\f\v\a", @"\t\n\r\f\v\a")]
    [InlineData("\u00e9\\\u00e9", "\u00e9\u00e9")]
    [InlineData(@"\U0001F600+", "(?:\\uD83D\\uDE00)+")]
    public void TranslatesToDotNet(string python, string expected)
    {
        var actual = PythonRegexTranslator.Translate(python);
        Assert.Equal(expected, actual);
        _ = new Regex(actual, RegexOptions.CultureInvariant); // and .NET accepts it
    }

    [Theory]
    [InlineData(@"\z", DiagnosticIds.RegexSyntax, 0, 2, "bad escape \\z")]
    [InlineData(@"a\e", DiagnosticIds.RegexSyntax, 1, 2, "bad escape \\e")]
    [InlineData(@"\h", DiagnosticIds.RegexSyntax, 0, 2, "bad escape \\h")]
    [InlineData(@"[\w-.]", DiagnosticIds.RegexSyntax, 1, 4, "bad character range \\w-.")]
    [InlineData(@"[\d-z]", DiagnosticIds.RegexSyntax, 1, 4, "bad character range \\d-z")]
    [InlineData(@"[z-a]", DiagnosticIds.RegexSyntax, 1, 3, "bad character range z-a")]
    [InlineData(@"[\Z]", DiagnosticIds.RegexSyntax, 1, 2, "bad escape \\Z")]
    [InlineData(@"[\8]", DiagnosticIds.RegexSyntax, 1, 2, "bad escape \\8")]
    [InlineData(@"(?P<x>a)|(?P<x>b)", DiagnosticIds.DuplicateGroupName, 13, 1, "redefinition of group name 'x' as group 2; was group 1")]
    [InlineData(@"a(?i)b", DiagnosticIds.GlobalFlagNotAtStart, 1, 4, "global flags not at the start of the expression")]
    [InlineData(@"a|(?i)b", DiagnosticIds.GlobalFlagNotAtStart, 2, 4, "global flags not at the start of the expression")]
    [InlineData(@"((?i)a)", DiagnosticIds.GlobalFlagNotAtStart, 1, 4, "global flags not at the start of the expression")]
    [InlineData(@"(?<=a|bc)d", DiagnosticIds.RegexSyntax, 0, 9, "look-behind requires fixed-width pattern")]
    [InlineData(@"(?<!a+)d", DiagnosticIds.RegexSyntax, 0, 7, "look-behind requires fixed-width pattern")]
    [InlineData(@"(?P<a-b>x)", DiagnosticIds.RegexSyntax, 4, 3, "bad character in group name 'a-b'")]
    [InlineData(@"(?P<1a>x)", DiagnosticIds.RegexSyntax, 4, 2, "bad character in group name '1a'")]
    [InlineData(@"(?<n>x)", DiagnosticIds.RegexSyntax, 1, 3, "unknown extension ?<n")]
    [InlineData(@"(?P=n)", DiagnosticIds.RegexSyntax, 4, 1, "unknown group name 'n'")]
    [InlineData(@"(?P<n>(?P=n))", DiagnosticIds.RegexSyntax, 10, 1, "cannot refer to an open group")]
    [InlineData(@"\1", DiagnosticIds.RegexSyntax, 1, 1, "invalid group reference 1")]
    [InlineData(@"(a)\2", DiagnosticIds.RegexSyntax, 4, 1, "invalid group reference 2")]
    [InlineData(@"(?(2)a|b)(c)", DiagnosticIds.RegexSyntax, 3, 1, "invalid group reference 2")]
    [InlineData(@"(?(1)a|b|c)(d)", DiagnosticIds.RegexSyntax, 8, 1, "conditional backref with more than two branches")]
    [InlineData(@"x{3,2}", DiagnosticIds.RegexSyntax, 1, 5, "min repeat greater than max repeat")]
    [InlineData(@"*a", DiagnosticIds.RegexSyntax, 0, 1, "nothing to repeat")]
    [InlineData(@"{1}", DiagnosticIds.RegexSyntax, 0, 3, "nothing to repeat")]
    [InlineData(@"^*", DiagnosticIds.RegexSyntax, 1, 1, "nothing to repeat")]
    [InlineData(@"(?i)*", DiagnosticIds.RegexSyntax, 4, 1, "nothing to repeat")]
    [InlineData(@"a**", DiagnosticIds.RegexSyntax, 2, 1, "multiple repeat")]
    [InlineData(@"a{2}{3}", DiagnosticIds.RegexSyntax, 4, 3, "multiple repeat")]
    [InlineData(@"(ab", DiagnosticIds.RegexSyntax, 0, 3, "missing ), unterminated subpattern")]
    [InlineData(@"ab)", DiagnosticIds.RegexSyntax, 2, 1, "unbalanced parenthesis")]
    [InlineData(@"[ab", DiagnosticIds.RegexSyntax, 0, 3, "unterminated character set")]
    [InlineData(@"ab\", DiagnosticIds.RegexSyntax, 2, 1, "bad escape (end of pattern)")]
    [InlineData(@"\x1", DiagnosticIds.RegexSyntax, 0, 3, "incomplete escape \\x1")]
    [InlineData(@"\777", DiagnosticIds.RegexSyntax, 0, 4, "octal escape value \\777 outside of range 0-0o377")]
    [InlineData(@"(?L)a", DiagnosticIds.RegexSyntax, 2, 1, "bad inline flags: cannot use 'L' flag with a str pattern")]
    [InlineData(@"(?au)a", DiagnosticIds.RegexSyntax, 3, 1, "bad inline flags: flags 'a', 'u' and 'L' are incompatible")]
    [InlineData(@"(?i-u:a)", DiagnosticIds.RegexSyntax, 4, 1, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'")]
    [InlineData(@"(?q)", DiagnosticIds.RegexSyntax, 1, 2, "unknown extension ?q")]
    [InlineData(@"(?#abc", DiagnosticIds.RegexSyntax, 0, 6, "missing ), unterminated comment")]
    [InlineData(@"\N{EM DASH}", DiagnosticIds.RegexUnsupported, 0, 11, "named Unicode escape \\N{EM DASH} is not supported")]
    [InlineData(@"[\U0001F600]", DiagnosticIds.RegexUnsupported, 1, 10, "a supplementary character (above U+FFFF) in a character class has no .NET equivalent")]
    public void RejectsWhatPythonRejects(string python, string id, int offset, int length, string message)
    {
        var e = Assert.Throws<Fail2BanException>(() => PythonRegexTranslator.Translate(python));
        Assert.Equal(id, e.Id);
        var inner = Assert.IsType<RegexTranslationException>(e.InnerException);
        Assert.Equal(message, inner.Message);
        Assert.Equal((offset, length), (inner.Offset, inner.Length));
    }

    [Fact]
    public void UnnamedGroupNameAddressesPythonGroupNumbers()
    {
        var regex = new Regex(PythonRegexTranslator.Translate(@"^(?P<x>a)(b)(c)$"), RegexOptions.CultureInvariant);
        var m = regex.Match("abc");
        Assert.Equal("a", m.Groups["x"].Value);
        Assert.Equal("b", m.Groups[PythonRegexTranslator.UnnamedGroupName(2)].Value);
        Assert.Equal("c", m.Groups[PythonRegexTranslator.UnnamedGroupName(3)].Value);
        Assert.Equal("c", m.Groups[3].Value);
    }

    [Fact]
    public void NotesSayWhatWasTranslatedWhere()
    {
        var notes = new List<TranslationNote>();
        PythonRegexTranslator.Translate(@"(?iu)(?P<a>x{,2})(?P=a)\Z[^[]y*+(b)\2", notes);
        var kinds = notes.Select(n => (n.Kind, n.Span.Start, n.Span.Length)).ToList();
        Assert.Equal(new[]
        {
            (TranslationNoteKind.DroppedFlag, 0, 5),
            (TranslationNoteKind.NamedGroup, 5, 6),
            (TranslationNoteKind.OpenLowerBound, 12, 4),
            (TranslationNoteKind.NamedBackreference, 17, 6),
            (TranslationNoteKind.EndOfString, 23, 2),
            (TranslationNoteKind.ClassBracket, 27, 1),
            (TranslationNoteKind.PossessiveQuantifier, 29, 3),
            (TranslationNoteKind.GroupNumber, 32, 1),
        }, kinds);
    }

    [Fact]
    public void PlainPatternsProduceNoNotes()
    {
        var notes = new List<TranslationNote>();
        PythonRegexTranslator.Translate(@"^(\d+)\s+(?:foo|bar)[a-z\[]*$", notes);
        Assert.Empty(notes);
    }
}
