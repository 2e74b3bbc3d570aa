using System.Linq;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Tests.Patterns;

/// <summary>The shape of the syntax tree: node kinds, spans and attributes lint rules rely on.</summary>
public class PythonRegexParserTests
{
    private static SequenceNode Seq(string pattern) => Assert.IsType<SequenceNode>(PythonRegexParser.Parse(pattern).Root);

    [Fact]
    public void SequenceOfLiteralAnchorsAndClasses()
    {
        var items = Seq(@"^foo\.bar\d[^a-c\s]$").Items;
        Assert.Equal(new[] { RegexNodeKind.Anchor, RegexNodeKind.Literal, RegexNodeKind.CharClass, RegexNodeKind.CharClass, RegexNodeKind.Anchor },
            items.Select(i => i.Kind));
        var lit = (LiteralNode)items[1];
        Assert.Equal("foo.bar", lit.Value);
        Assert.Equal(new PatternSpan(1, 8), lit.Span);
        var digit = (CharClassNode)items[2];
        Assert.False(digit.Bracketed);
        Assert.Equal(ShorthandClass.Digit, digit.Items.Single().Shorthand);
        var cls = (CharClassNode)items[3];
        Assert.True(cls.Bracketed);
        Assert.True(cls.Negated);
        Assert.Equal(new[] { CharClassItem.Range('a', 'c', new PatternSpan(13, 3)), CharClassItem.Class(ShorthandClass.Space, new PatternSpan(16, 2)) },
            cls.Items);
        Assert.Equal(AnchorKind.LineEnd, ((AnchorNode)items[4]).Anchor);
    }

    [Fact]
    public void QuantifierAppliesToTheLastCharacterOnly()
    {
        var items = Seq("abc*?").Items;
        Assert.Equal("ab", ((LiteralNode)items[0]).Value);
        var q = Assert.IsType<QuantifierNode>(items[1]);
        Assert.Equal(("c", 0, (int?)null, true, false), (((LiteralNode)q.Body).Value, q.Min, q.Max, q.Lazy, q.Possessive));
        Assert.Equal(new PatternSpan(2, 3), q.Span);
    }

    [Theory]
    [InlineData("a*", 0, null, false, false, false)]
    [InlineData("a+?", 1, null, true, false, false)]
    [InlineData("a?+", 0, 1, false, true, false)]
    [InlineData("a{3}", 3, 3, false, false, false)]
    [InlineData("a{2,}", 2, null, false, false, false)]
    [InlineData("a{,5}", 0, 5, false, false, true)]
    [InlineData("a{,}", 0, null, false, false, true)]
    [InlineData("a{2,5}?", 2, 5, true, false, false)]
    public void Quantifiers(string pattern, int min, int? max, bool lazy, bool possessive, bool minOmitted)
    {
        var q = Assert.IsType<QuantifierNode>(Seq(pattern).Items.Single());
        Assert.Equal((min, max, lazy, possessive, minOmitted), (q.Min, q.Max, q.Lazy, q.Possessive, q.MinOmitted));
    }

    [Fact]
    public void GroupsAreNumberedLikePython()
    {
        var tree = PythonRegexParser.Parse(@"(a)(?P<x>b)(?:c)(?i:d)(?>e)(?=f)(?!g)(?<=h)(?<!i)(j)");
        var groups = ((SequenceNode)tree.Root).Items.Cast<GroupNode>().ToList();
        Assert.Equal(new[]
        {
            GroupKind.Capturing, GroupKind.Capturing, GroupKind.NonCapturing, GroupKind.ScopedFlags, GroupKind.Atomic,
            GroupKind.LookAhead, GroupKind.NegativeLookAhead, GroupKind.LookBehind, GroupKind.NegativeLookBehind, GroupKind.Capturing,
        }, groups.Select(g => g.GroupKind));
        Assert.Equal(new[] { 1, 2, 0, 0, 0, 0, 0, 0, 0, 3 }, groups.Select(g => g.Number));
        Assert.Equal("x", groups[1].Name);
        Assert.Equal(PythonRegexFlags.IgnoreCase, groups[3].AddFlags);
        Assert.Equal(new[] { 1, 2, 3 }, tree.Groups.Select(g => g.Number));
        Assert.Equal(new[] { "x" }, tree.GroupNames);
    }

    [Fact]
    public void BackreferencesAndConditionalsResolveTheirGroup()
    {
        var items = Seq(@"(?P<n>a)(b)\1\2(?P=n)(?(2)x|y)(?(n)z)").Items;
        var refs = items.OfType<BackreferenceNode>().ToList();
        Assert.Equal(new[] { (1, "n", false), (2, (string?)null, false), (1, "n", true) },
            refs.Select(r => (r.GroupNumber, r.GroupName, r.WrittenByName)));
        var conds = items.OfType<ConditionalNode>().ToList();
        Assert.Equal((2, (string?)null, false), (conds[0].GroupNumber, conds[0].GroupName, conds[0].WrittenByName));
        Assert.Equal("x", ((LiteralNode)conds[0].Yes.Items.Single()).Value);
        Assert.Equal("y", ((LiteralNode)conds[0].No!.Items.Single()).Value);
        Assert.Equal((1, "n", true), (conds[1].GroupNumber, conds[1].GroupName, conds[1].WrittenByName));
        Assert.Null(conds[1].No);
    }

    [Fact]
    public void ForwardConditionalLearnsTheGroupName()
    {
        var c = Assert.IsType<ConditionalNode>(Seq("(?(1)a)(?P<late>b)").Items[0]);
        Assert.Equal("late", c.GroupName);
    }

    [Fact]
    public void AlternationAndGlobalFlags()
    {
        var tree = PythonRegexParser.Parse("(?i)(?s)a|b|");
        Assert.Equal(PythonRegexFlags.IgnoreCase | PythonRegexFlags.DotAll, tree.InlineFlags);
        var alt = Assert.IsType<AlternationNode>(tree.Root);
        Assert.Equal(3, alt.Alternatives.Count);
        Assert.Equal(new[] { RegexNodeKind.GlobalFlags, RegexNodeKind.GlobalFlags, RegexNodeKind.Literal },
            alt.Alternatives[0].Items.Select(i => i.Kind));
        Assert.Empty(alt.Alternatives[2].Items);
    }

    [Fact]
    public void CompileFlagsAreKeptApart()
    {
        var tree = PythonRegexParser.Parse("^a$", PythonRegexFlags.Multiline);
        Assert.Equal(PythonRegexFlags.Multiline, tree.CompileFlags);
        Assert.Equal(PythonRegexFlags.None, tree.InlineFlags);
    }

    [Fact]
    public void VerboseModeSkipsWhitespaceAndComments()
    {
        var items = Seq("(?x) a \\  b # c\n [ ]").Items;
        // Literals separated by skipped white space stay separate nodes (their spans are not adjacent).
        Assert.Equal(new[] { RegexNodeKind.GlobalFlags, RegexNodeKind.Literal, RegexNodeKind.Literal, RegexNodeKind.Literal, RegexNodeKind.CharClass },
            items.Select(i => i.Kind));
        Assert.Equal(new[] { "a", " ", "b" }, items.OfType<LiteralNode>().Select(l => l.Value));
        Assert.Equal(' ', (char)((CharClassNode)items[4]).Items.Single().First);
    }

    [Fact]
    public void DescendantsWalkInPatternOrder()
    {
        var kinds = PythonRegexParser.Parse("a(b|c)*").Root.DescendantsAndSelf().Select(n => n.Kind).ToList();
        Assert.Equal(new[]
        {
            RegexNodeKind.Sequence, RegexNodeKind.Literal, RegexNodeKind.Quantifier, RegexNodeKind.Group, RegexNodeKind.Alternation,
            RegexNodeKind.Sequence, RegexNodeKind.Literal, RegexNodeKind.Sequence, RegexNodeKind.Literal,
        }, kinds);
    }

    [Fact]
    public void SpansIndexThePattern()
    {
        const string pattern = @"^(?P<user>\S+) from (?:a|b)\Z";
        var tree = PythonRegexParser.Parse(pattern);
        foreach (var node in tree.Root.DescendantsAndSelf())
            Assert.InRange(node.Span.End, node.Span.Start, pattern.Length);
        var items = ((SequenceNode)tree.Root).Items;
        Assert.Equal(@"(?P<user>\S+)", items[1].GetText(pattern));
        Assert.Equal(" from ", items[2].GetText(pattern));
        Assert.Equal("(?:a|b)", items[3].GetText(pattern));
        Assert.Equal(@"\Z", items[4].GetText(pattern));
    }

    [Theory]
    [InlineData(@"abc", 3, 3)]
    [InlineData(@"a\d{2,4}[xy]?", 3, 6)]
    [InlineData(@"(?:ab|c)+", 1, PythonRegexWidth.Unbounded)]
    [InlineData(@"(a|bc)\1", 2, 4)]
    [InlineData(@"^x(?=yy)\b$", 1, 1)]
    [InlineData(@"(?:)*", 0, 0)]
    [InlineData(@"(a)?(?(1)bb|c)", 1, 3)]
    public void WidthsFollowPython(string pattern, long min, long max)
    {
        var tree = PythonRegexParser.Parse(pattern);
        Assert.Equal((min, max), PythonRegexWidth.Of(tree.Root, tree));
    }
}
