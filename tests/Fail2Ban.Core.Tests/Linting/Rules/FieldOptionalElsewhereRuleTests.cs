using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class FieldOptionalElsewhereRuleTests
{
    private static string Filter(string first, string second) => LintHarness.Filter(first + "\n            " + second);

    [Fact]
    public void A_field_required_here_and_optional_in_another_failregex_is_reported_with_the_line_without_it_and_a_fix()
    {
        var text = Filter(@"^reject: relay=(\S+ )?\[<HOST>\], reject=550 denied$", @"^reject: relay=\S+ \[<HOST>\], reject=553 unknown$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.FieldOptionalElsewhere, text));
        Assert.Equal(3, f.Location.Line);
        Assert.Contains("failregex #1 (line 2)", f.Message);
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.EndsWith("reject: relay=[192.0.2.1], reject=553 unknown", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"\S+ ", @"(?:\S+ )?"), (edit.OldText, edit.NewText));
        Assert.Empty(LintHarness.Findings(RuleIds.FieldOptionalElsewhere, text.Replace(edit.OldText + @"\[<HOST>\], reject=553", edit.NewText + @"\[<HOST>\], reject=553")));
    }

    [Theory]
    [InlineData(@"^reject: relay=(\S+ )?\[<HOST>\], reject=550 denied$", @"^reject: xrelay=\S+ \[<HOST>\], reject=553 unknown$")] // another label
    [InlineData(@"^reject: relay=(\S+ )?\[<HOST>\], reject=550 denied$", @"^reject: relay=\S+ \S+ \[<HOST>\], reject=553 unknown$")] // other text
    [InlineData(@"^reject: relay=(?:invalid )?\[<HOST>\], reject=550 denied$", @"^reject: relay=invalid \[<HOST>\], reject=553 unknown$")] // a word of the message
    [InlineData(@"^reject: relay=(\S+ )?\[<HOST>\], reject=550 denied$", @"^reject: (?:relay=\S+ )?\[<HOST>\], reject=553 unknown$")] // optional there too
    public void Other_labels_other_text_message_words_and_optional_parts_are_not_reported(string first, string second) =>
        Assert.Empty(LintHarness.Findings(RuleIds.FieldOptionalElsewhere, Filter(first, second)));
}
