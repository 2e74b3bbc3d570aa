using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class PinnedHttpRequestRuleTests
{
    private const string Date = "datepattern = ^[^\\[]*\\[({DATE})\n";

    private static string Access(string request) => LintHarness.Filter("^<HOST> - \\S+ \\[\\] " + request, Date);

    [Fact]
    public void Method_version_and_sizes_pinned_to_one_sample_are_one_finding_with_a_checked_line_and_three_edits()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.PinnedHttpRequest, Access("\"GET /.* HTTP/1\\.1\" 403 (512|514)$")));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((3, 33, 3, 65), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Contains("\"POST /index.html HTTP/2.0\" 403 ", f.Evidence!.Line);
        Assert.Contains(" HTTP/2.0\" 403 ", f.Evidence.Line);
        Assert.DoesNotContain("\" 403 512", f.Evidence.Line);
        Assert.Equal(new[] { ("GET", "[A-Z]+", 33), (@"1\.1", @"\d(?:\.\d)?", 46), ("(512|514)", @"\d+", 56) },
            f.Fix!.Edits.Select(e => (e.OldText, e.NewText, e.Column)));
    }

    [Fact]
    public void With_a_sample_log_the_proof_is_a_real_line_with_the_pinned_part_written_otherwise()
    {
        var samples = FailRegexWithoutSampleRuleTests.Samples(new()
        {
            ["test"] = "192.0.2.12 - bob [27/Jun/2013:11:55:44 +0000] \"GET /knock/door HTTP/1.1\" 403 266\n",
        });
        var f = Assert.Single(LintHarness.Findings(RuleIds.PinnedHttpRequest, Access("\"[A-Z]+ /\\S* HTTP/1\\.[01]\" 403"), null, samples));
        Assert.Equal("192.0.2.12 - bob [27/Jun/2013:11:55:44 +0000] \"GET /knock/door HTTP/2.0\" 403 266", f.Evidence!.Line);
        Assert.Equal("192.0.2.12", f.Evidence.BannedAddress);
        Assert.StartsWith("this sample line, with '1.1' written '2.0', is missed", f.Evidence.Explanation);
    }

    [Theory]
    [InlineData("\"[A-Z]+ /\\S* HTTP/1\\.[01]\" 403", @"1\.[01]")]
    [InlineData("\"[A-Z]+ \\S+ HTTP/1.1\" 403", "1.1")]
    [InlineData("\"[A-Z]+ [^\"]*\" 403 1234$", "1234")]
    [InlineData("\"POST [^\"]*\" 403", "POST")]
    public void Each_pinned_part_alone_is_reported(string request, string pinned)
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.PinnedHttpRequest, Access(request)));
        Assert.Equal(pinned, Assert.Single(f.Fix!.Edits).OldText);
    }

    [Theory]
    [InlineData("\"(?:GET|POST) /\\S* HTTP/\\d\\.\\d\" 403 \\d+")]
    [InlineData("\"POST /wp-login\\.php HTTP/\\S+\" 200")]
    [InlineData("\"[A-Z]+ /\\S* HTTP/(?:1\\.[01]|2\\.0)\" 403")]
    [InlineData("\"[A-Z]+ /\\S* HTTP/[12]\\.\\d\" 403 (?:\\d+|-)")]
    [InlineData("\"[A-Z]+ [^\"]*\" 403 -")]
    public void Method_alternations_specific_paths_open_versions_and_open_sizes_are_not_reported(string request)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.PinnedHttpRequest, Access(request)));
    }

    [SkippableFact]
    public void Master_openhab_is_not_reported_and_the_apache_pass_knock_is_reported_for_its_version_only()
    {
        if (LintHarness.MasterFindings(RuleIds.PinnedHttpRequest, "openhab") is not { } openhab) return;
        Assert.Empty(openhab);
        // The knock URL is requested with GET on purpose; an HTTP/2 virtual host logs the knock as HTTP/2.0.
        var f = Assert.Single(LintHarness.MasterFindings(RuleIds.PinnedHttpRequest, "apache-pass")!);
        Assert.Contains("\"GET /knocking/ HTTP/2.0\"", f.Evidence!.Line);
        Assert.Equal(@"\d(?:\.\d)?", Assert.Single(f.Fix!.Edits).NewText);
    }

    [Fact]
    public void The_three_edits_on_one_line_apply_and_the_fixed_filter_is_clean()
    {
        var text = Access("\"GET /.*HTTP/1.1\" 403 (512|514)");
        var f = Assert.Single(LintHarness.Findings(RuleIds.PinnedHttpRequest, text));
        var result = LintFixApplier.Apply(text, f.Fix!.Edits);
        Assert.Equal(3, result.Applied);
        Assert.Contains("\"[A-Z]+ /.*HTTP/\\d(?:\\.\\d)?\" 403 \\d+\n", result.Text);
        Assert.Empty(LintHarness.Findings(RuleIds.PinnedHttpRequest, result.Text));
    }
}
