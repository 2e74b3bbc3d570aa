using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class JsonFixedSpacingRuleTests
{
    [Fact]
    public void A_json_failregex_requiring_spaces_is_reported_with_a_compact_line_it_misses_and_a_fix()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.JsonFixedSpacing,
            LintHarness.Filter(@"^\{""event"": ""login_failed"", ""ip"": ""<HOST>""\}$")));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((2, 23, 2, 25), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Equal(@"{""event"":""login_failed"",""ip"":""192.0.2.1""}", f.Evidence.Line);
        Assert.Equal(new[] { @":\s*", @",\s*", @":\s*" }, f.Fix!.Edits.Select(e => e.NewText));
    }

    [Fact]
    public void A_json_datepattern_requiring_a_space_is_reported_at_its_line()
    {
        var text = "[Definition]\ndatepattern = \"time\": \"%%Y-%%m-%%d %%H:%%M:%%S\"\nfailregex = ^\\{\"event\":\"login_failed\",\"ip\":\"<HOST>\"\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.JsonFixedSpacing, text));
        Assert.Equal((2, 21), (f.Location.Line, f.Location.Column));
        Assert.Contains("datepattern", f.Message);
        Assert.Contains("\"time\":\"2005-08-14 12:00:00\"", f.Evidence!.Line);
        Assert.Equal(@":\s*", Assert.Single(f.Fix!.Edits).NewText);
    }

    [Theory]
    [InlineData(@"^\{\""event\"": \""login_failed\"", \""ip\"": \""<HOST>\""\}$")]
    [InlineData(@"^\{""event"":\s+""login_failed"",""ip"":\s+""<HOST>""\}$")]
    [InlineData(@"^\{""event"": +""login_failed"",""ip"":""<HOST>""\}$")]
    public void Escaped_quotes_and_required_white_space_classes_are_reported_too(string failregex)
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.JsonFixedSpacing, LintHarness.Filter(failregex)));
        Assert.Equal(@"{""event"":""login_failed"",""ip"":""192.0.2.1""}", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^\{""event"":\s*""login_failed"",\s*""ip"":\s*""<HOST>""\}$")]
    [InlineData(@"^\{""event"":""login_failed"",""ip"":""<HOST>""\}$")]
    [InlineData(@"^user ""\S+"": login failed from <HOST>$")]
    [InlineData(@"^user ""admin"": login failed from <HOST>$")]
    public void Flexible_or_compact_json_and_prose_with_quotes_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.JsonFixedSpacing, LintHarness.Filter(failregex)));
    }
}
