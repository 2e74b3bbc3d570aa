using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class SuperLinearBacktrackingRuleTests
{
    [Fact]
    public void Nested_repeats_that_split_the_same_text_are_reported_with_a_measured_pump()
    {
        // The shape of Fail2Ban 1.0.1's dovecot _bypass_reject_reason (issue 3370: 100% CPU).
        var text = "[Definition]\n_reason = (?:: (?:\\w+\\([^\\):]*\\) \\w+|[^\\(]+))*\nfailregex = ^Disconnected%(_reason)s \\(auth failed\\): rip=<ADDR>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.SuperLinearBacktracking, text));
        Assert.Equal((2, 11), (f.Location.Line, f.Location.Column));
        Assert.Equal(LintEvidenceKind.SlowInput, f.Evidence!.Kind);
        Assert.True(f.Evidence.MatchMilliseconds >= 100);
        Assert.StartsWith("Disconnected: x: x: x:", f.Evidence.Line);
    }

    [Fact]
    public void An_exponential_repeat_is_an_error_naming_the_quoted_field_and_the_one_second_length()
    {
        var text = LintHarness.Filter("^login failed for \"[^\"]+(?:\"+[^\"]*)*\" from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.SuperLinearBacktracking, text));
        Assert.Equal(LintSeverity.Error, f.Severity);
        Assert.Contains("exponential time", f.Message);
        Assert.Contains("the quoted field after 'login failed for \"'", f.Message);
        Assert.Matches("a line of \\d\\d characters .* costs one second", f.Message);
        // The attack line is the daemon's line with the pump in the field, long enough for Python to try it.
        // A short line is printed whole (what the command in the explanation writes too).
        Assert.StartsWith("login failed for \"alice\"\"\"\"", f.Evidence!.Line);
        Assert.Equal(f.Evidence.LineLength, f.Evidence.Line.Length);
        Assert.Contains("steps counted", f.Evidence.Explanation);
        Assert.InRange(f.Evidence.MatchMilliseconds!.Value, 1000, 10_000);
    }

    [SkippableFact]
    public void The_reproduction_command_writes_the_whole_attack_line_and_the_line_is_printable()
    {
        var text = LintHarness.Filter("^login failed for \"[^\"]+(?:\"+[^\"]*)*\" from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.SuperLinearBacktracking, text));
        Assert.DoesNotContain("\\x01", f.Evidence!.Line);
        var at = f.Evidence.Explanation.IndexOf("python3 -c '", System.StringComparison.Ordinal);
        Assert.True(at >= 0, f.Evidence.Explanation);
        var command = f.Evidence.Explanation.Substring(at).Replace(" > attack.log", "");
        Skip.If(!System.IO.File.Exists("/usr/bin/python3") && !System.IO.File.Exists("/usr/local/bin/python3"), "python3 is not installed");
        var run = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", new[] { "-c", command }) { RedirectStandardOutput = true })!;
        var line = run.StandardOutput.ReadToEnd().TrimEnd('\n');
        run.WaitForExit();
        Assert.Equal(f.Evidence.LineLength, line.Length);
        Assert.StartsWith("login failed for \"alice\"\"", line);
    }

    [Fact]
    public void A_quadratic_in_the_virtual_host_an_access_log_writes_before_the_client_is_a_note()
    {
        // The server writes its own virtual host name first; the client's request comes after its address.
        var f = Assert.Single(LintHarness.Findings(RuleIds.SuperLinearBacktracking,
            LintHarness.Filter(@"^(?:[\w]+[\w\-\.]*\s+)?<HOST> -.*""(GET|POST|HEAD) [^""]*"" 404")));
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Contains("the server writes this part before the client's address", f.Message);
    }

    [Fact]
    public void A_quadratic_over_the_daemons_own_key_value_text_is_a_note()
    {
        // slapd writes "RESULT tag=97 err=49 text=" itself: no client makes that part 8 KB long.
        var f = Assert.Single(LintHarness.Findings(RuleIds.SuperLinearBacktracking, LintHarness.Filter(@"^RESULT(?:\s(?!err)\S+=\S*)* err=49 from <HOST>")));
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Contains("not a field the client fills", f.Message);
    }

    [Fact]
    public void A_configured_severity_wins_over_the_findings_own()
    {
        var text = LintHarness.Filter("^login failed for \"[^\"]+(?:\"+[^\"]*)*\" from <HOST>$");
        var settings = new LintSettings().Set(RuleIds.SuperLinearBacktracking, LintSeverity.Warning);
        var f = Assert.Single(LintHarness.Lint(text, settings: settings).Findings, x => x.RuleId == RuleIds.SuperLinearBacktracking);
        Assert.Equal(LintSeverity.Warning, f.Severity);
    }

    [Theory]
    [InlineData("^rejected request input=\"\\w+[\\w.-]*\" from <HOST>$", "the quoted input=\"\u2026\" field")]
    [InlineData("^<HOST> - \"GET /\\w+[\\w/.-]*\\.php HTTP/1\\.[01]\" 404$", "the request path")]
    public void An_overlapping_pair_is_a_polynomial_warning_with_its_degree(string failregex, string field)
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.SuperLinearBacktracking, LintHarness.Filter(failregex)));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Contains("polynomial time of degree 2", f.Message);
        Assert.Contains(field, f.Message);
    }

    [Theory]
    // upstream's fix of the same part: the repeated field cannot hold the separator
    [InlineData("^Disconnected(?::(?: [^\\( ]*|\\([^\\(]*\\))*)? \\(auth failed\\): rip=<ADDR>$")]
    [InlineData("^Disconnected: \\S+ \\S+ \\(auth failed\\): rip=<ADDR>$")]
    [InlineData("^Disconnected\\s*\\s+from <ADDR>$")]
    [InlineData("^<HOST> - \"GET [^ ?]*\\?[^ =]*=\\S* HTTP/1\\.[01]\" 404$")]
    public void Unambiguous_repeats_and_white_space_runs_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.SuperLinearBacktracking, LintHarness.Filter(failregex)));
    }
}
