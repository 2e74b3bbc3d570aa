using Fail2Ban.Core.Tests.Infrastructure;
using System.Linq;
using System.IO;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class UnbalancedOptionFragmentRuleTests
{
    [Fact]
    public void A_closing_parenthesis_balanced_only_at_the_use_site_is_reported_in_the_option()
    {
        var text = LintHarness.Filter(@"^bad key (%(_hex)s from <HOST>$", @"_hex = [\da-f]{2}:){3}[\da-f]{2}");
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnbalancedOptionFragment, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((2, 19), (f.Location.Line, f.Location.Column));
        Assert.Contains("'_hex' has a ')' with no '('", f.Message);
    }

    [Fact]
    public void An_unclosed_parenthesis_and_an_unclosed_class_are_reported_where_they_open()
    {
        var paren = LintHarness.Filter(@"^bad key %(_kind)s) from <HOST>$", "_kind = (?:rsa|dsa");
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnbalancedOptionFragment, paren));
        Assert.Equal((2, 9), (f.Location.Line, f.Location.Column));
        Assert.Contains("opens a '('", f.Message);

        var bracket = LintHarness.Filter(@"^bad key %(_chars)s]+ from <HOST>$", @"_chars = [\w.");
        var g = Assert.Single(LintHarness.Findings(RuleIds.UnbalancedOptionFragment, bracket));
        Assert.Equal((2, 10), (g.Location.Line, g.Location.Column));
    }

    [Fact]
    public void An_option_included_from_another_file_is_reported_in_that_file()
    {
        var common = "[DEFINITION]\n_hex = [\\da-f]{2}:){3}[\\da-f]{2}\n";
        var text = "[INCLUDES]\nbefore = common.conf\n" + LintHarness.Filter(@"^bad key (%(_hex)s from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnbalancedOptionFragment, text,
            new System.Collections.Generic.Dictionary<string, string> { ["common.conf"] = common.Replace("DEFINITION", "Definition") }));
        Assert.EndsWith("common.conf", f.Location.File);
        Assert.Equal((2, 19), (f.Location.Line, f.Location.Column));
    }

    [Theory]
    [InlineData(@"_hex = (?:[\da-f]{2}:){3}[\da-f]{2}", @"^bad key %(_hex)s from <HOST>$")]
    [InlineData(@"_hex = \(?[\da-f]+[)\]]", @"^bad key %(_hex)s from <HOST>$")]
    [InlineData("_outer = (?:%(_inner)s)\n_inner = rsa|dsa", @"^bad key %(_outer)s from <HOST>$")]
    [InlineData("_unused = rsa)", @"^bad key \S+ from <HOST>$")]
    public void Balanced_options_escapes_classes_references_and_unused_options_are_not_reported(string options, string failregex) =>
        Assert.Empty(LintHarness.Findings(RuleIds.UnbalancedOptionFragment, LintHarness.Filter(failregex, options)));

    [SkippableTheory]
    [InlineData("sshd")]
    [InlineData("apache-auth")]
    [InlineData("postfix")]
    public void Master_filters_of_the_same_nature_are_not_reported(string filter)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var path = Path.Combine(Corpus.MasterRoot, "filter.d", filter + ".conf");
        var report = new FilterLinter().LintFile(DiskFiles.Under(Corpus.MasterRoot), path);
        Assert.DoesNotContain(report.Findings, x => x.RuleId == RuleIds.UnbalancedOptionFragment);
    }
}
