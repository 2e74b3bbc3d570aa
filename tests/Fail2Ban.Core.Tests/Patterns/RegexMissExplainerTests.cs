using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Tests.Patterns;

public class RegexMissExplainerTests
{
    private const string Sshd = @"^Failed password for <F-USER>\S+</F-USER> from <HOST> port \d+$";

    private static FilterRegex Fail(string source) => FilterRegexTranslator.Translate(source, FilterRegexKind.Fail, false, false);

    [Fact]
    public void StopsInsideALiteral()
    {
        var e = RegexMissExplainer.Explain(Fail(Sshd), "Failed password for root via 1.2.3.4 port 22\n");
        Assert.False(e.IsMatch);
        Assert.Equal(3, e.MatchedStepCount); // ^, "Failed password for ", \S+ (inside the F-USER group)
        Assert.Equal(" from ", e.FailingPythonText);
        Assert.Equal(1, e.FailingLiteralCharsMatched);
        Assert.Equal(25, e.SubjectOffsetReached);
        Assert.Equal(0, e.MatchStart);
        Assert.Equal(new PatternSpan(Sshd.IndexOf(" from ", System.StringComparison.Ordinal), 6), e.FailingSourceSpan);
        Assert.Null(e.FailingTag);
    }

    [Fact]
    public void StopsAtATag()
    {
        var e = RegexMissExplainer.Explain(Fail(Sshd), "Failed password for root from ??? port 22\n");
        Assert.Equal("<HOST>", e.FailingTag);
        Assert.Equal(new PatternSpan(Sshd.IndexOf("<HOST>", System.StringComparison.Ordinal), 6), e.FailingSourceSpan);
        Assert.Equal(30, e.SubjectOffsetReached);
        Assert.Equal(4, e.MatchedStepCount);
    }

    [Fact]
    public void ReportsAMatch()
    {
        var e = RegexMissExplainer.Explain(Fail(Sshd), "Failed password for root from 1.2.3.4 port 22\n");
        Assert.True(e.IsMatch);
        Assert.Null(e.FailingNode);
        Assert.Equal(45, e.SubjectOffsetReached);
    }

    [Fact]
    public void PicksTheAlternativeThatGetsFurthest()
    {
        var e = RegexMissExplainer.Explain(Fail("^foo <IP4>$|^bar x <IP6>$"), "bar y ::1\n");
        Assert.Equal("bar x ", e.FailingPythonText);
        Assert.Equal(4, e.FailingLiteralCharsMatched);
        Assert.Equal(4, e.SubjectOffsetReached);
    }

    [Fact]
    public void KeepsScopedFlagsForAPartialLiteral()
    {
        var e = RegexMissExplainer.Explain(Fail("^x (?i:hello) <HOST>"), "x HELp 1.2.3.4");
        Assert.Equal("hello", e.FailingPythonText);
        Assert.Equal(3, e.FailingLiteralCharsMatched);
        Assert.Equal(5, e.SubjectOffsetReached);
    }

    [Fact]
    public void UnanchoredPrefixFindsItsPlace()
    {
        var e = RegexMissExplainer.Explain(Fail(@"user (?P<u>\w+) denied from <HOST>"), "xx user bob allowed from 1.2.3.4");
        Assert.Equal(3, e.MatchStart);
        Assert.Equal(" denied from ", e.FailingPythonText);
        Assert.Equal(1, e.FailingLiteralCharsMatched); // the space after "bob"
        Assert.Equal(12, e.SubjectOffsetReached);
    }
}
