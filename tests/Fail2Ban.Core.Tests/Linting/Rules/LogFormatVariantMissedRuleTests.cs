using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class LogFormatVariantMissedRuleTests
{
    private const string Header = "_daemon = named\n__line_prefix = (?:{0}\\S+ named\\[\\d+\\]:\\s+)?\n";

    [Fact]
    public void A_header_that_needs_the_white_space_a_syslog_date_leaves_misses_the_journal_line()
    {
        var filter = LintHarness.Filter(@"^%(__line_prefix)s\s*client <HOST>#\S+: query denied$", string.Format(Header, @"\s"));
        var f = Assert.Single(LintHarness.Findings(RuleIds.LogFormatVariantMissed, filter));
        Assert.Equal((3, 20), (f.Location.Line, f.Location.Column));
        Assert.Equal("mail named[12345]: client 192.0.2.1#x: query denied", f.Evidence!.Line);
        Assert.Contains("missed", f.Evidence.Explanation);
    }

    [Theory]
    [InlineData(@"\s*")]
    [InlineData("")]
    public void A_header_that_may_start_the_line_is_not_reported(string space)
    {
        var filter = LintHarness.Filter(@"^%(__line_prefix)s\s*client <HOST>#\S+: query denied$", string.Format(Header, space));
        Assert.Empty(LintHarness.Findings(RuleIds.LogFormatVariantMissed, filter));
    }

    [Fact]
    public void The_file_logtype_of_a_filter_with_logtypes_is_not_asked_for_journal_lines()
    {
        var extra = string.Format(Header, @"\s") + "logtype = file\n";
        var filter = LintHarness.Filter(@"^%(__line_prefix)s\s*client <HOST>#\S+: query denied$", extra);
        Assert.Empty(LintHarness.Findings(RuleIds.LogFormatVariantMissed, filter));
    }

    private const string AccessLog = @"^\s*<ADDR> [^""]*""[A-Z]{3,10} [^""]+"" \d+ \d+ ""[^""]+"" ""BadBot""$";

    private const string NginxError = @"^\s*\[error\] \d+#\d+: \*\d+ user ""[^""]+"": password mismatch, client: <HOST>, server: \S*, request: ""[^""]+""";

    [Fact]
    public void An_nginx_error_regex_that_requires_the_host_field_misses_the_line_of_a_request_without_one()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.LogFormatVariantMissed, LintHarness.Filter(NginxError + @", host: ""[^""]+""$")));
        Assert.Contains("without a Host header", f.Message);
        Assert.EndsWith(@"request: ""x""", f.Evidence!.Line);
        Assert.Contains("client: 192.0.2.1, server: ", f.Evidence.Line);
    }

    [Fact]
    public void An_nginx_error_regex_that_requires_anything_after_the_request_is_reported_without_samples()
    {
        // nginx-botsearch: '\, .*?$' after the request; the generated line has only ', ' there.
        var f = Assert.Single(LintHarness.Findings(RuleIds.LogFormatVariantMissed, LintHarness.Filter(NginxError + @"\, .*?$")));
        Assert.EndsWith(@"request: ""x""", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"(?:, host: ""[^""]*"")?$")]
    [InlineData(@"(?:, (?:host|referrer): ""[^""]*""){0,2}\s*$")]
    [InlineData("")]
    public void An_nginx_error_regex_with_the_fields_after_the_request_optional_is_not_reported(string tail) =>
        Assert.Empty(LintHarness.Findings(RuleIds.LogFormatVariantMissed, LintHarness.Filter(NginxError + tail)));

    [Fact]
    public void An_access_log_regex_with_catch_alls_around_the_method_is_asked_for_the_virtual_host_form_too()
    {
        // apache-badbots before vhostpref: the line generated from '"(GET|POST|HEAD).*HTTP' has the method right before "HTTP".
        var regex = @"^<HOST> -.*""(GET|POST|HEAD).*HTTP.*""(?:BadBot)""$";
        var f = Assert.Single(LintHarness.Findings(RuleIds.LogFormatVariantMissed, LintHarness.Filter(regex, "_daemon = apache2")));
        Assert.Contains("www.example.org 192.0.2.1 -", f.Evidence!.Line);
    }

    [Fact]
    public void An_access_log_regex_that_starts_with_the_address_misses_the_virtual_host_form()
    {
        // Without a sample log: a suggestion to check how the server logs, for a server that has such a format.
        var f = Assert.Single(LintHarness.Findings(RuleIds.LogFormatVariantMissed, LintHarness.Filter(AccessLog, "_daemon = apache2")));
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Contains("www.example.org 192.0.2.1 ", f.Evidence!.Line);
        var named = LintHarness.Lint(LintHarness.Filter(AccessLog), name: "nginx-badbots").Findings;
        Assert.Single(named, x => x.RuleId == RuleIds.LogFormatVariantMissed);

        var vhost = FailRegexWithoutSampleRuleTests.Samples(new()
        {
            ["test"] = "www.example.com 192.0.2.7 - - [18/Aug/2024:21:08:39 +0100] \"GET / HTTP/1.1\" 403 332 \"-\" \"BadBot\"\n",
        });
        Assert.Equal(LintSeverity.Warning, Assert.Single(LintHarness.Findings(RuleIds.LogFormatVariantMissed, LintHarness.Filter(AccessLog), null, vhost)).Severity);

        var plain = FailRegexWithoutSampleRuleTests.Samples(new()
        {
            ["test"] = "192.0.2.7 - - [18/Aug/2024:21:08:39 +0100] \"GET / HTTP/1.1\" 403 332 \"-\" \"BadBot\"\n",
        });
        Assert.Empty(LintHarness.Findings(RuleIds.LogFormatVariantMissed, LintHarness.Filter(AccessLog), null, plain));
    }

    [Fact]
    public void Without_a_sample_log_an_access_log_of_a_server_without_a_virtual_host_format_is_not_reported()
    {
        // openHAB's Jetty request log has the combined shape but no virtual-host-first format.
        Assert.Empty(LintHarness.Findings(RuleIds.LogFormatVariantMissed, LintHarness.Filter(AccessLog)));
        Assert.DoesNotContain(LintHarness.Lint(LintHarness.Filter(AccessLog), name: "openhab").Findings, x => x.RuleId == RuleIds.LogFormatVariantMissed);
    }

    [Fact]
    public void An_access_log_regex_that_allows_the_virtual_host_is_not_reported()
    {
        Assert.Empty(LintHarness.Findings(RuleIds.LogFormatVariantMissed, LintHarness.Filter(AccessLog.Replace(@"^\s*<ADDR>", @"^\s*(?:\S+\s+)?<ADDR>"), "_daemon = apache2")));
    }

    [Fact]
    public void Master_named_refused_is_not_reported()
    {
        if (LintHarness.MasterFindings(RuleIds.LogFormatVariantMissed, "named-refused") is { } findings) Assert.Empty(findings);
    }
}
