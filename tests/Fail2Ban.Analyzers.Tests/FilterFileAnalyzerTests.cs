using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Fail2Ban.Analyzers.Tests;

public sealed class FilterFileAnalyzerTests
{
    private const string Common = "[DEFAULT]\n_verb = [A-Z]{4}\n";
    private const string Filter = "[INCLUDES]\nbefore = common.conf\n\n[Definition]\nfailregex = ^%(_verb)s from \\S*\\[<HOST>\\]: 554 rejected$\n            ^Failed login from <HOST>\n";

    [Fact]
    public async Task Findings_land_at_the_conf_line_and_column_where_the_fragment_was_written()
    {
        var diagnostics = await AnalyzerHarness.Run(new[]
        {
            ("/proj/filters/common.conf", Common, (string?)"include"),
            ("/proj/filters/smtp.conf", Filter, "true"),
        });
        var lines = diagnostics.Select(AnalyzerHarness.Format).ToList();
        Assert.Contains("/proj/filters/common.conf(2,9): warning F2B2001", lines);
        Assert.Contains("/proj/filters/smtp.conf(6,32): warning F2B3004", lines);
        var seed = diagnostics.Single(d => d.Id == "F2B2001");
        Assert.Equal(LocationKind.ExternalFile, seed.Location.Kind);
        Assert.Equal(8, seed.Location.GetLineSpan().EndLinePosition.Character - seed.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Contains("CONNECT", seed.GetMessage());
        Assert.EndsWith("/docs/rules/F2B2001.md", seed.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task Probe_findings_come_from_the_lines_of_the_log_named_like_the_filter()
    {
        const string auth = "[Definition]\nfailregex = ^auth failed for user \"<F-USER>\\S+</F-USER>\" from <HOST>$\n            ^Invalid user <F-USER>\\S+</F-USER> from <HOST> port \\d+\n";
        var diagnostics = await AnalyzerHarness.Run(new[]
        {
            ("/proj/filters/auth.conf", auth, (string?)"true"),
            ("/proj/logs/auth.log", "auth failed for user \"bob\" from 198.51.100.7\n", null),
        });
        var evasion = diagnostics.Single(d => d.Id == "F2B3007");
        Assert.Equal("/proj/filters/auth.conf(2,36): warning F2B3007", AnalyzerHarness.Format(evasion));
        Assert.Contains("\"john doe\" from 198.51.100.7", evasion.GetMessage());
        Assert.Contains("a sample line with a user name with a space", evasion.GetMessage());
        Assert.Contains(diagnostics, d => AnalyzerHarness.Format(d).StartsWith("/proj/filters/auth.conf(3,") && d.Id == "F2B3003");
    }

    [Fact]
    public async Task Plain_conf_files_are_linted_common_and_local_files_are_includes_and_false_leaves_a_file_out()
    {
        // <AdditionalFiles Include="x.conf" /> without metadata: what users write first, and what must not be silently skipped.
        var diagnostics = await AnalyzerHarness.Run(new[]
        {
            ("/proj/filters/common.conf", Common, (string?)null),
            ("/proj/filters/smtp.conf", Filter, null),
            ("/proj/filters/smtp.local", "[Definition]\n", null),
            ("/proj/other/broken.conf", "[Definition]\nfailregex = ^failed (from <HOST>$\n", null),
            ("/proj/nginx/site.conf", "server { listen 80; }\n", "false"),
            ("/proj/notes.txt", "failregex = (\n", null),
        });
        var lines = diagnostics.Select(AnalyzerHarness.Format).ToList();
        Assert.Contains("/proj/other/broken.conf(2,21): error F2B1010", lines);
        // The plain common.conf was found as smtp.conf's include (no F2B1002) and its fragment linted where written.
        Assert.Contains("/proj/filters/common.conf(2,9): warning F2B2001", lines);
        Assert.DoesNotContain(diagnostics, d => d.Id == "F2B1002" || d.Id == "F2B1004");
        Assert.DoesNotContain(diagnostics, d => d.Location.GetLineSpan().Path is "/proj/nginx/site.conf" or "/proj/notes.txt" or "/proj/filters/smtp.local");
    }

    [Fact]
    public async Task An_unknown_Fail2BanFilter_value_is_an_info_saying_what_to_write_never_silence()
    {
        var diagnostics = await AnalyzerHarness.Run(new[] { ("/proj/filters/sshd.conf", "[Definition]\nfailregex = (\n", (string?)"yes") });
        var d = Assert.Single(diagnostics);
        Assert.Equal("/proj/filters/sshd.conf(1,1): info F2B1801", AnalyzerHarness.Format(d));
        Assert.Contains("Fail2BanFilter=\"yes\"", d.GetMessage());
        Assert.Contains("<AdditionalFiles Update=\"sshd.conf\" Fail2BanFilter=\"true\" />", d.GetMessage());
    }

    [Fact]
    public async Task With_the_generator_referenced_each_problem_is_reported_once_and_none_is_lost()
    {
        const string twoBad = "[Definition]\nfailregex = ^failed (from <HOST>$\n            ^x [a from <HOST>$\n";
        const string missingAndBad = "[INCLUDES]\nbefore = nothere.conf\n[Definition]\nfailregex = ^failed (from <HOST>$\n";
        var files = new[]
        {
            ("/proj/filters/tagged.conf", twoBad, (string?)"true"),
            ("/proj/filters/plain.conf", twoBad, null),          // not compiled by the generator: all the analyzer's
            ("/proj/filters/smtp.conf", Filter, "true"),         // common.conf missing: F2B1002, then F2B1004 stops the read
            ("/proj/filters/warn.conf", missingAndBad, "true"),  // reads (F2B1002), then F2B1010
            ("/proj/filters/good.conf", "[Definition]\nfailregex = ^\\w{4} refused for <HOST>$\n", "true"),
        };
        var alone = await AnalyzerHarness.Run(files);
        var both = await AnalyzerHarness.Run(files, withGenerator: true);
        var lines = both.Select(AnalyzerHarness.Format).ToList();
        Assert.Equal(lines.Distinct().Count(), lines.Count);
        foreach (var conf in new[] { "tagged", "plain" })
        {
            Assert.Single(lines, "/proj/filters/" + conf + ".conf(2,21): error F2B1010");
            Assert.Single(lines, "/proj/filters/" + conf + ".conf(3,24): error F2B1010");
        }
        Assert.Single(lines, "/proj/filters/smtp.conf(2,10): warning F2B1002");
        Assert.Single(lines, "/proj/filters/smtp.conf(5,14): error F2B1004");
        Assert.Single(lines, "/proj/filters/warn.conf(2,10): warning F2B1002");
        Assert.Single(lines, "/proj/filters/warn.conf(4,21): error F2B1010");
        Assert.Single(lines, "/proj/filters/good.conf(2,14): warning F2B2001");
        // The same problems as the analyzer alone reports: none lost, none added.
        Assert.Equal(alone.Select(AnalyzerHarness.Format).OrderBy(x => x), lines.OrderBy(x => x));
    }

    [Fact]
    public async Task Includes_are_resolved_in_memory_only()
    {
        // Without common.conf among the AdditionalFiles the include is missing (never read from disk),
        // so %(_verb)s cannot be resolved: the missing include is reported too, as the cause.
        var diagnostics = await AnalyzerHarness.Run(new[] { ("/proj/filters/smtp.conf", Filter, (string?)"true") });
        Assert.Equal(2, diagnostics.Length);
        Assert.Equal("/proj/filters/smtp.conf(2,10): warning F2B1002", AnalyzerHarness.Format(diagnostics[0]));
        Assert.Equal("/proj/filters/smtp.conf(5,14): error F2B1004", AnalyzerHarness.Format(diagnostics[1]));
    }

    [Fact]
    public async Task Globalconfig_severities_apply_and_suppression_comments_are_honoured()
    {
        var suppressed = Filter.Replace("            ^Failed login", "# filterlint: disable=F2B3004\n            ^Failed login");
        var diagnostics = await AnalyzerHarness.Run(new[]
        {
            ("/proj/filters/common.conf", Common, (string?)"include"),
            ("/proj/filters/smtp.conf", suppressed, "true"),
        }, "is_global = true\ndotnet_diagnostic.F2B2001.severity = error\n");
        Assert.DoesNotContain(diagnostics, d => d.Id == "F2B3004");
        Assert.Equal(DiagnosticSeverity.Error, diagnostics.Single(d => d.Id == "F2B2001").Severity);
    }

    [Fact]
    public async Task A_finding_below_its_rules_default_keeps_its_own_severity_and_a_globalconfig_still_overrides_it()
    {
        // No sample log: whether the daemon writes a port after the address is a guess, reported as info (as the CLI does).
        var files = new[] { ("/proj/f/login.conf", "[Definition]\nfailregex = ^login failed from <HOST>$\n", (string?)"true") };
        Assert.Equal(DiagnosticSeverity.Info, (await AnalyzerHarness.Run(files)).Single(d => d.Id == "F2B2006").Severity);
        var raised = await AnalyzerHarness.Run(files, "is_global = true\ndotnet_diagnostic.F2B2006.severity = error\n");
        Assert.Equal(DiagnosticSeverity.Error, raised.Single(d => d.Id == "F2B2006").Severity);
    }

    [Fact]
    public async Task The_translation_note_F2B1016_is_off_by_default_and_a_globalconfig_turns_it_on()
    {
        var files = new[] { ("/proj/f/counts.conf", "[Definition]\nfailregex = ^errors \\(\\d{,3}\\) from <HOST>$\n", (string?)"true") };
        Assert.DoesNotContain(await AnalyzerHarness.Run(files), d => d.Id == "F2B1016");
        var on = await AnalyzerHarness.Run(files, "is_global = true\ndotnet_diagnostic.F2B1016.severity = suggestion\n");
        Assert.Equal(DiagnosticSeverity.Info, on.Single(d => d.Id == "F2B1016").Severity);
    }

    [Fact]
    public async Task A_filter_that_does_not_compile_is_an_error_at_the_regex_and_nothing_throws()
    {
        var diagnostics = await AnalyzerHarness.Run(new[] { ("/proj/f/bad.conf", "[Definition]\nfailregex = ^failed (from <HOST>$\n", (string?)"true") });
        var d = Assert.Single(diagnostics);
        Assert.Equal(("F2B1010", DiagnosticSeverity.Error), (d.Id, d.Severity));
        Assert.Equal(1, d.Location.GetLineSpan().StartLinePosition.Line);
    }
}
