using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Patterns;
using static Fail2Ban.Core.Patterns.Fail2BanTagPatterns;

namespace Fail2Ban.Core.Tests.Patterns;

/// <summary>
/// Fail2Ban's regex preparation (spec 2.1–2.8). Expected expansions are what Fail2Ban 1.0.2's own
/// <c>Regex</c> class produced for the same input (<c>Regex(src, useDns=…)._regex</c>).
/// </summary>
public class FilterRegexTranslatorTests
{
    [Fact]
    public void TagConstantsAreFail2BansTexts()
    {
        Assert.Equal(@"(?:::f{4,6}:)?(?P<ip4>(?:\d{1,3}\.){3}\d{1,3})", IP4);
        Assert.Equal(@"(?P<ip6>(?:[0-9a-fA-F]{1,4}::?|::){1,7}(?:[0-9a-fA-F]{1,4}|(?<=:):))", IP6);
        Assert.Equal(@"(?P<dns>[\w\-.^_]*\w)", DNS);
        Assert.Equal(@"\[?(?:(?:::f{4,6}:)?(?P<ip4>(?:\d{1,3}\.){3}\d{1,3})|(?P<ip6>(?:[0-9a-fA-F]{1,4}::?|::){1,7}(?:[0-9a-fA-F]{1,4}|(?<=:):)))\]?", ADDR);
        Assert.Equal(@"(?:\[?(?:(?:::f{4,6}:)?(?P<ip4>(?:\d{1,3}\.){3}\d{1,3})|(?P<ip6>(?:[0-9a-fA-F]{1,4}::?|::){1,7}(?:[0-9a-fA-F]{1,4}|(?<=:):)))\]?|(?P<dns>[\w\-.^_]*\w))", HOST);
        Assert.Equal(@"\[?(?:(?:::f{4,6}:)?(?P<ip4>(?:\d{1,3}\.){3}\d{1,3})|(?P<ip6>(?:[0-9a-fA-F]{1,4}::?|::){1,7}(?:[0-9a-fA-F]{1,4}|(?<=:):)))(?:/(?P<cidr>\d+))?\]?", SUBNET);
        Assert.Equal(@"(?P<cidr>\d+)", CIDR);
        Assert.Equal(@"(?P<fid>\S+)", FID);
        Assert.Equal(@"(?P<fport>\w+)", FPORT);
        Assert.Equal(@"\n(?P<skiplines3>(?:(?:.*\n)*?))", SkipLines(3));
    }

    [Theory]
    [InlineData("^Failed for <F-USER>.+</F-USER> from <HOST>$", false, "^Failed for (?P<user>.+) from " + HOST + "$")]
    [InlineData("from <HOST>$", true, "from " + ADDR + "$")]
    [InlineData("<ADDR>", false, ADDR)]
    [InlineData("<IP4>", false, IP4)]
    [InlineData("<IP6>", false, IP6)]
    [InlineData("<DNS>", false, DNS)]
    [InlineData("<CIDR>", false, CIDR)]
    [InlineData("<SUBNET>", false, SUBNET)]
    [InlineData("<F-ID/>", false, FID)]
    [InlineData("<F-PORT/>", false, FPORT)]
    [InlineData("<F-IP4/> <F-IP6/>", false, IP4 + " " + IP6)]
    [InlineData("<F-ADDR/> <F-DNS/>", false, ADDR + " " + DNS)]
    [InlineData("<F-CIDR/>", false, CIDR)]
    [InlineData("<F-SUBNET/>", true, SUBNET)]
    [InlineData(@"<F-ID>\S+</F-ID> port <F-PORT>\d+</F-PORT>", false, @"(?P<fid>\S+) port (?P<fport>\d+)")]
    [InlineData("</F-USER> x <F-USER>y</F-USER>", false, "</F-USER> x (?P<user>y)")]
    [InlineData("a<SKIPLINES>b<SKIPLINES>c", false, "a" + @"\n(?P<skiplines0>(?:(?:.*\n)*?))" + "b" + @"\n(?P<skiplines1>(?:(?:.*\n)*?))" + "c")]
    [InlineData("<host> <F-user> <F-USER/> <Foo> <F-X>a</F-X>", false, "<host> <F-user> <F-USER/> <Foo> (?P<x>a)")]
    [InlineData("<<HOST>>", false, "<" + HOST + ">")]
    [InlineData("<F-ALT_USER>x</F-ALT_USER> <F-TUPLE_ID>z</F-TUPLE_ID>", false, "(?P<alt_user>x) (?P<tuple_id>z)")]
    // 2.5: wrapped global flags become scoped flags
    [InlineData("((?i)LOGIN|PLAIN) <HOST>", false, "(?i:LOGIN|PLAIN) " + HOST)]
    [InlineData("(?:(?i)expn|vrfy) <HOST>", false, "(?i:expn|vrfy) " + HOST)]
    [InlineData("x ((?im)a) ((?s)b) <HOST>", false, "x (?im:a) (?s:b) " + HOST)]
    [InlineData("(?i:Failed) <HOST>", false, "(?i:Failed) " + HOST)]
    public void ExpandsLikeFail2Ban(string source, bool useDnsIsNo, string expanded)
    {
        var regex = FilterRegexTranslator.Translate(source, FilterRegexKind.Ignore, useDnsIsNo, false);
        Assert.Equal(source, regex.Source);
        Assert.Equal(expanded, regex.Expanded);
        _ = new Regex(regex.DotNetPattern, regex.Options);
    }

    [Theory]
    [InlineData("<HOST> <HOST>", DiagnosticIds.DuplicateGroupName, 7, 6)]
    [InlineData("<HOST> and <ADDR>", DiagnosticIds.DuplicateGroupName, 11, 6)]
    [InlineData("<F-USER>a</F-USER> <F-USER>b</F-USER>", DiagnosticIds.DuplicateGroupName, 19, 8)]
    [InlineData("<F-USER>(?P<user>x)</F-USER>", DiagnosticIds.DuplicateGroupName, 12, 4)]
    [InlineData("user <F-USER>x from <HOST>", DiagnosticIds.RegexSyntax, 5, 21)]
    [InlineData("<F-MY-TAG>x</F-MY-TAG>", DiagnosticIds.RegexSyntax, 0, 10)]
    [InlineData(@"\((?i)x) <HOST>", DiagnosticIds.GlobalFlagNotAtStart, 2, 4)]
    [InlineData("a(?i)b <HOST>", DiagnosticIds.GlobalFlagNotAtStart, 1, 4)]
    [InlineData("(?<=a+)<HOST>", DiagnosticIds.RegexSyntax, 0, 7)]
    [InlineData(@"<HOST>\e", DiagnosticIds.RegexSyntax, 6, 2)]
    [InlineData(@"<HOST>\z", DiagnosticIds.RegexSyntax, 6, 2)]
    [InlineData(@"[\w-.]<HOST>", DiagnosticIds.RegexSyntax, 1, 4)]
    [InlineData("   ", DiagnosticIds.EmptyRegex, 0, 3)]
    [InlineData("", DiagnosticIds.EmptyRegex, 0, 0)]
    public void ErrorsPointIntoTheSource(string source, string id, int offset, int length)
    {
        var e = Assert.Throws<RegexTranslationException>(() => FilterRegexTranslator.Translate(source, FilterRegexKind.Fail, false, false));
        Assert.Equal(id, e.Id);
        Assert.Equal((offset, length), (e.Offset, e.Length));
    }

    [Fact]
    public void ErrorsLocateInTheConfFile()
    {
        var e = Assert.Throws<RegexTranslationException>(() => FilterRegexTranslator.Translate("<HOST> x <HOST>", FilterRegexKind.Fail, false, false));
        var located = e.ToFail2BanException(Text.LocatedString.At("<HOST> x <HOST>", new Text.SourceLocation("f.conf", 7, 13)));
        Assert.Equal(new Text.SourceLocation("f.conf", 7, 22), located.Location);
        Assert.Equal(DiagnosticIds.DuplicateGroupName, located.Id);
    }

    [Fact]
    public void MultilineOnlyForFailregexes()
    {
        Assert.Equal(RegexOptions.CultureInvariant | RegexOptions.Multiline,
            FilterRegexTranslator.Translate("^<HOST>$", FilterRegexKind.Fail, false, true).Options);
        Assert.Equal(RegexOptions.CultureInvariant, FilterRegexTranslator.Translate("^<HOST>$", FilterRegexKind.Fail, false, false).Options);
        Assert.Equal(RegexOptions.CultureInvariant, FilterRegexTranslator.Translate("^<HOST>$", FilterRegexKind.Prefix, false, true).Options);
        Assert.Equal(RegexOptions.CultureInvariant, FilterRegexTranslator.Translate("^x$", FilterRegexKind.Ignore, false, true).Options);
    }

    [Fact]
    public void GlobalFlagRewriteStopsCapturing()
    {
        var regex = FilterRegexTranslator.Translate("((?i)login) (x) <HOST>", FilterRegexKind.Fail, false, false);
        var m = regex.Regex.Match("LOGIN x 1.2.3.4");
        Assert.True(m.Success);
        Assert.Equal("x", m.Groups[PythonRegexTranslator.UnnamedGroupName(1)].Value);
        Assert.Equal("1.2.3.4", m.Groups["ip4"].Value);
        var note = Assert.Single(regex.Notes, n => n.Kind == TranslationNoteKind.GlobalFlagRewrite);
        Assert.Equal((0, 5), (note.SourceOffset, note.SourceLength));
    }

    [Fact]
    public void NotesAreLocatedInTheSourceAndTellTheirTag()
    {
        var regex = FilterRegexTranslator.Translate(@"^x{,3} (?P<a>y)(?P=a) <HOST>\Z", FilterRegexKind.Fail, false, false);
        var own = regex.Notes.Where(n => n.Tag is null).Select(n => (n.Kind, n.SourceOffset, n.SourceLength)).ToList();
        Assert.Equal(new[]
        {
            (TranslationNoteKind.OpenLowerBound, 2, 4),
            (TranslationNoteKind.NamedGroup, 7, 6),
            (TranslationNoteKind.NamedBackreference, 15, 6),
            (TranslationNoteKind.EndOfString, 28, 2),
        }, own);
        Assert.All(regex.Notes.Where(n => n.Tag != null), n =>
        {
            Assert.Equal("<HOST>", n.Tag);
            Assert.Equal((22, 6), (n.SourceOffset, n.SourceLength));
        });
        Assert.Equal(3, regex.Notes.Count(n => n.Tag != null)); // ip4, ip6, dns
    }

    [Fact]
    public void NodesKnowTheirTagAndSourceText()
    {
        var regex = FilterRegexTranslator.Translate("^Failed for <F-USER>.+</F-USER> from <HOST>$", FilterRegexKind.Fail, false, false);
        var items = ((SequenceNode)regex.Root).Items;
        var user = Assert.IsType<GroupNode>(items[2]);
        Assert.Equal("user", user.Name);
        Assert.Equal("<F-USER>", user.Origin?.Tag);
        Assert.Equal(TagExpansionKind.CustomOpen, user.Origin?.Kind);
        Assert.Equal(new PatternSpan(12, 19), regex.MapToSource(user.Span)); // <F-USER>.+</F-USER>
        Assert.Null(((SequenceNode)user.Body).Items[0].Origin);
        var host = Assert.IsType<GroupNode>(items[4]);
        Assert.Equal("<HOST>", host.Origin?.Tag);
        Assert.Equal(TagExpansionKind.Host, host.Origin?.Kind);
        Assert.All(host.DescendantsAndSelf(), n => Assert.Same(host.Origin, n.Origin));
        Assert.Equal(new PatternSpan(37, 6), regex.MapToSource(host.Span));
        Assert.Equal(37, regex.MapToSourceOffset(host.Span.Start + 20));
        Assert.Equal(43, regex.MapToSourceOffset(host.Span.End)); // the '$' after the tag
        Assert.Equal(new[] { "user", "ip4", "ip6", "dns" }, regex.GroupNames);
        Assert.True(regex.HasFailureIdGroup);
    }

    [Fact]
    public void LiteralsAreNotMergedAcrossATag()
    {
        var regex = FilterRegexTranslator.Translate("ab<SKIPLINES>cd", FilterRegexKind.Fail, false, true);
        var items = ((SequenceNode)regex.Root).Items;
        Assert.Equal("ab", Assert.IsType<LiteralNode>(items[0]).Value);
        Assert.Equal("\n", Assert.IsType<LiteralNode>(items[1]).Value);
        Assert.Equal("<SKIPLINES>", items[1].Origin?.Tag);
    }

    [Fact]
    public void MapsOffsetsThroughTheFlagRewrite()
    {
        // "(?:(?i)" (7 chars) becomes "(?i:" (4 chars): later offsets shift back by 3.
        var regex = FilterRegexTranslator.Translate(@"(?:(?i)a|b) \d", FilterRegexKind.Ignore, false, false);
        Assert.Equal(@"(?i:a|b) \d", regex.Expanded);
        Assert.Equal(0, regex.MapToSourceOffset(2));
        Assert.Equal(12, regex.MapToSourceOffset(9));
    }

    [Theory]
    [InlineData("<HOST>", null, true)]
    [InlineData("<ADDR>", null, true)]
    [InlineData("<F-ID>x</F-ID>", null, true)]
    [InlineData("<F-MLFID>x</F-MLFID>", null, true)]
    [InlineData("<DNS>", null, true)]
    [InlineData("<F-USER>x</F-USER>", null, false)]
    [InlineData("<CIDR>", null, false)]
    [InlineData("<F-USER>x</F-USER>", "^<HOST> <F-CONTENT>.+</F-CONTENT>$", true)]
    [InlineData("<F-USER>x</F-USER>", "^<F-CONTENT>.+</F-CONTENT>$", false)]
    public void FailureIdRule(string failregex, string? prefregex, bool ok)
    {
        var fail = FilterRegexTranslator.Translate(failregex, FilterRegexKind.Fail, false, false);
        var pref = prefregex is null ? null : FilterRegexTranslator.Translate(prefregex, FilterRegexKind.Prefix, false, false);
        if (ok)
        {
            FilterRegexTranslator.CheckFailureIdRule(fail, pref?.GroupNames);
            return;
        }
        var e = Assert.Throws<RegexTranslationException>(() => FilterRegexTranslator.CheckFailureIdRule(fail, pref?.GroupNames));
        Assert.Equal(DiagnosticIds.NoFailureIdGroup, e.Id);
        Assert.Equal("No failure-id group in '" + fail.Expanded + "'", e.Message);
    }

    [Fact]
    public void AltAndTupleGroupsAreSortedWithTheirTargets()
    {
        var regex = FilterRegexTranslator.Translate(
            "<F-ALT_USER_2>a</F-ALT_USER_2> <F-ALT_USER1>b</F-ALT_USER1> <F-ALT_USER>c</F-ALT_USER> <F-TUPLE_ID_1>d</F-TUPLE_ID_1> <F-TUPLE_PORT>e</F-TUPLE_PORT> <HOST>",
            FilterRegexKind.Fail, false, false);
        Assert.Equal(new[] { ("alt_user", "user"), ("alt_user1", "user1"), ("alt_user_2", "user") },
            regex.AltGroups.Select(g => (g.GroupName, g.TargetName)));
        Assert.Equal(new[] { ("tuple_id_1", "fid"), ("tuple_port", "fport") },
            regex.TupleGroups.Select(g => (g.GroupName, g.TargetName)));
    }

    [Theory]
    [InlineData("alt_user", "user")]
    [InlineData("alt_user_2", "user")]
    [InlineData("alt_user1", "user1")]
    [InlineData("alt_user_2_3", "user_2")]
    [InlineData("alt_ID", "fid")]
    [InlineData("tuple_port_10", "fport")]
    [InlineData("alt__1", "")]
    [InlineData("tuple_", "")]
    [InlineData("alt_", null)]
    [InlineData("user", null)]
    [InlineData("xalt_user", null)]
    public void CompoundGroupTargets(string group, string? target)
    {
        Assert.Equal(target, CompoundGroupName.TryParse(group)?.TargetName);
    }
}
