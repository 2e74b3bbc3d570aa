using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class JsonStringEscapeRuleTests
{
    [Fact]
    public void A_json_value_read_up_to_the_first_quote_is_reported_with_an_escaped_quote_line_and_a_fix()
    {
        var text = LintHarness.Filter(@"^\{""user"":""[^""]*"",""remote"":""<HOST>"",""msg"":""login failed""\}$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.JsonStringEscape, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        var column = text.Split('\n')[1].IndexOf("[^", System.StringComparison.Ordinal) + 1;
        Assert.Equal((2, column, column + 5), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Equal(@"{""user"":""x\""y"",""remote"":""192.0.2.1"",""msg"":""login failed""}", f.Evidence!.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"[^""]*", @"(?:[^""\\]|\\.)*"), (edit.OldText, edit.NewText));
    }

    [Fact]
    public void A_value_class_in_an_interpolated_option_is_reported_where_it_is_written()
    {
        var text = "[Definition]\n_kv = (?:,?\\s*\"\\w+\":(?:\"[^\"]+\"|\\d+))*\n"
            + "failregex = ^prefix: \\{%(_kv)s,?\\s*\"addr\":\"<HOST>\"%(_kv)s,?\\s*\"event\":\"auth failed\"\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.JsonStringEscape, text));
        Assert.Equal((2, 25, 30), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Contains(@"x\""y", f.Evidence!.Line);
        Assert.Equal((2, @"(?:[^""\\]|\\.)+"), (f.Fix!.Edits.Single().Line, f.Fix.Edits.Single().NewText));
    }

    [Theory]
    [InlineData(@"^<HOST> - \S+ ""[^""]*"" 404 \d+$")]                                     // access log: not JSON
    [InlineData(@"^event=""auth"",user=""[^""]*"",remote=""<HOST>""$")]                   // key=value, not JSON
    [InlineData(@"^\{""user"":""(?:[^""\\]|\\.)*"",""remote"":""<HOST>""\}$")]           // already escape-aware
    [InlineData(@"^\{""user"":""[^""]*"".*""remote"":""<HOST>""\}$")]                    // .* walks past the quote
    [InlineData(@"^\{""level"":""[^""]*"",""remote"":""<HOST>""\}$")]                    // the server writes the level
    public void Non_json_escape_aware_or_covered_values_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.JsonStringEscape, LintHarness.Filter(failregex)));
    }

    [SkippableFact]
    public void On_master_the_json_filters_that_read_values_up_to_the_first_quote_are_reported()
    {
        Skip.If(Fail2Ban.Core.Tests.Infrastructure.Corpus.MasterRoot is null, Fail2Ban.Core.Tests.Infrastructure.Corpus.SkipReason);
        var findings = CorpusLintGuardTests.LintMaster().Findings.Where(f => f.RuleId == RuleIds.JsonStringEscape).ToList();
        Assert.Equal(new[] { "cowrie.conf", "froxlor-auth.conf" }, findings.Select(f => System.IO.Path.GetFileName(f.Location.File)).Distinct().OrderBy(n => n));
        Assert.All(findings, f => Assert.Contains(@"\""", f.Evidence!.Line));
    }
}
