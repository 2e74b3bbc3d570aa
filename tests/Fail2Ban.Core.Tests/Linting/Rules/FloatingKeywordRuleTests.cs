using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class FloatingKeywordRuleTests
{
    [Fact]
    public void A_keyword_between_catch_alls_after_the_host_is_reported_with_a_harmless_line_the_filter_reports()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.FloatingKeyword, LintHarness.Filter(@"^<HOST> .*EvilCrawler.*$")));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((2, 23, 2, 34), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.MatchedLine, f.Evidence!.Kind);
        Assert.Contains("referer: http://example.com/search?q=EvilCrawler", f.Evidence.Line);
        Assert.Equal("192.0.2.1", f.Evidence.BannedAddress);
    }

    [Fact]
    public void Literal_alternatives_after_a_catch_all_at_the_very_end_are_reported()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.FloatingKeyword, LintHarness.Filter(@"^\[<HOST>\] not found: .*(\.cgi|\.sh)")));
        Assert.Contains(@"(\.cgi|\.sh)", f.Message);
        Assert.EndsWith("referer: http://example.com/index.cgi", f.Evidence!.Line);
    }

    [Fact]
    public void A_keyword_made_of_alternatives_and_a_literal_is_reported_as_one()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.FloatingKeyword, LintHarness.Filter(@"^<HOST> .*(?:signup|register)\.cgi.*$")));
        Assert.Contains(@"'(?:signup|register)\.cgi'", f.Message);
        Assert.Equal((2, 23, 2, 47), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.EndsWith("search?q=signup.cgi", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^<HOST> \S+ ""[^""]*EvilCrawler[^""]*""$")]
    [InlineData(@"^<HOST> .*EvilCrawler$")]
    [InlineData(@"^.*EvilCrawler.* from <HOST>$")]
    [InlineData(@"^<HOST> .*""GET .* HTTP/.*$")]
    [InlineData(@"^\[<HOST>\] not found: /\S*(\.cgi|\.sh)")]
    [InlineData(@"^<HOST> .*(?:signup|register)\.cgi HTTP/.*$")]
    public void Bound_keywords_keywords_before_the_host_and_field_boundaries_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.FloatingKeyword, LintHarness.Filter(failregex)));
    }
}
