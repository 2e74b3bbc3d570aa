using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class NarrowNameClassRuleTests
{
    [Fact]
    public void A_user_name_after_for_is_reported_with_a_dotted_login_line_and_a_widened_class()
    {
        var text = LintHarness.Filter(@"^\S+ myd\[\d+\]: Failed authentication for \w+ from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.NarrowNameClass, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        var (line, column, _) = LintHarness.Place(text, @"\w+ from");
        Assert.Equal((line, column, column + 3), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Contains("Failed authentication for john.doe from 192.0.2.1", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"\w+", @"[\w.@-]+"), (edit.OldText, edit.NewText));
    }

    [Theory]
    [InlineData(@"^\S+ myd: no IP address found for host \w+ \(from <HOST>\)$", "host mail-1.example.org (", @"[\w.-]+")]
    [InlineData(@"^\S+ myd: badlogin: [\w-]+ ?\[<HOST>\] plaintext$", "badlogin: mail-1.example.org", @"[\w.-]+")]
    [InlineData(@"^\S+ myd: failed login from \w+\[<HOST>\]$", "from mail-1.example.org[192.0.2.1]", @"[\w.-]+")]
    [InlineData(@"^\S+ myd: sender \w+ rejected, client <HOST>$", "sender john.doe@example.org rejected", @"[\w.@-]+")]
    [InlineData(@"^\S+ myd: login <F-USER>[a-zA-Z0-9_.]+</F-USER> failed from <HOST>$", "login mary-ann failed", @"[a-zA-Z0-9_.@-]+")]
    [InlineData(@"^\S+ myd: auth failed; user=\w{1,32} rhost=<HOST>$", "user=john.doe rhost", @"[\w.@-]{1,32}")]
    public void Names_the_regex_labels_are_judged_by_the_punctuation_they_hold(string failregex, string evidence, string fix)
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.NarrowNameClass, LintHarness.Filter(failregex)));
        Assert.Contains(evidence, f.Evidence!.Line);
        Assert.Equal(fix, f.Fix!.Edits.Single().NewText);
    }

    [Theory]
    [InlineData(@"^\S+ myd: command \w+ failed from <HOST>$")]                    // no label: what \w+ holds is not known
    [InlineData(@"^\S+ myd: Failed authentication for \S+ from <HOST>$")]         // already takes any name
    [InlineData(@"^\S+ myd: no address for host \w+(?:[.-]\w+)* from <HOST>$")]  // the rest of the name is read on
    [InlineData(@"^\S+ myd: login ""\w+"" failed from <HOST>$")]                 // quoted: F2B3007's
    [InlineData(@"^\S+ myd: session [0-9a-f]+ for \w{2} from <HOST>$")]          // a short fixed code, not a name
    [InlineData(@"^\S+ myd: client <HOST> forwarded for \w+ denied$")]           // an address list
    [InlineData(@"^\S+ myd: user=[^.]+ rhost=<HOST>$")]                          // a negated class: a delimiter was chosen
    public void Values_that_are_not_names_or_already_fit_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.NarrowNameClass, LintHarness.Filter(failregex)));
    }

    [Fact]
    public void A_class_written_in_an_option_is_reported_where_it_is_written()
    {
        var text = "[Definition]\n_name = [\\w-]+\nfailregex = ^\\S+ myd: lookup failed for hostname %(_name)s, client <HOST>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.NarrowNameClass, text));
        Assert.Equal((2, 9, 15), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Equal((2, @"[\w-]+", @"[\w.-]+"), (f.Fix!.Edits.Single().Line, f.Fix.Edits.Single().OldText, f.Fix.Edits.Single().NewText));
    }

    [SkippableFact]
    public void Master_filters_name_classes_all_fit()
    {
        Skip.If(Fail2Ban.Core.Tests.Infrastructure.Corpus.MasterRoot is null, Fail2Ban.Core.Tests.Infrastructure.Corpus.SkipReason);
        Assert.DoesNotContain(CorpusLintGuardTests.LintMaster().Findings, f => f.RuleId == RuleIds.NarrowNameClass);
    }
}
