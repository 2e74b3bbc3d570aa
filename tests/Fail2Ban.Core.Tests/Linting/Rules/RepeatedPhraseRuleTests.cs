using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class RepeatedPhraseRuleTests
{
    [Fact]
    public void A_doubled_word_is_reported_with_the_line_holding_it_once_and_a_fix()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.RepeatedPhrase, LintHarness.Filter(@"^Login: Login: denied for \S+ from <HOST>$")));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((2, 14, 2, 26), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.StartsWith("Login: denied for ", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("Login: Login", "Login", 14), (edit.OldText, edit.NewText, edit.Column));
    }

    [Fact]
    public void A_doubled_phrase_separated_by_a_space_is_reported()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.RepeatedPhrase, LintHarness.Filter(@"^bad user bad user from <HOST>$")));
        Assert.Contains("'bad user'", f.Message);
        Assert.StartsWith("bad user from ", f.Evidence!.Line);
    }

    [Fact]
    public void A_doubled_word_with_escaped_separators_is_reported_and_fixed_as_written()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.RepeatedPhrase, LintHarness.Filter(@"^Login\: Login\: denied from <HOST>$")));
        Assert.StartsWith("Login: denied from ", f.Evidence!.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"Login\: Login", "Login"), (edit.OldText, edit.NewText));
    }

    [Theory]
    [InlineData(@"^no no such user from <HOST>$")]
    [InlineData(@"^Received disconnect from <HOST>: 11: Bye Bye$")]
    [InlineData(@"^session session2 closed for <HOST>$")]
    [InlineData(@"^Login: denied for \S+ from <HOST>$")]
    [InlineData(@"^Login: (?:Login: )?denied from <HOST>$")]
    public void Short_words_longer_tokens_and_single_words_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.RepeatedPhrase, LintHarness.Filter(failregex)));
    }
}
