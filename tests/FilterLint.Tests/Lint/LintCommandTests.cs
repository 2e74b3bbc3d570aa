using System;
using System.Diagnostics;
using System.IO;
using Fail2Ban.Core.Tests.Infrastructure;

namespace FilterLint.Tests.Lint;

/// <summary><c>filterlint lint</c>: exit codes, targets, --fix, severities, and the corpus budget through the CLI.</summary>
public sealed class LintCommandTests : IDisposable
{
    private readonly TempConfigTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Exit_codes_clean_findings_threshold_and_input_errors()
    {
        var clean = _tree.Write("a/clean.conf", LintFilters.Clean);
        var smtp = _tree.Write("b/smtp.conf", LintFilters.Smtp);
        Assert.Equal(0, CliRunner.Run("lint", clean).ExitCode);
        Assert.Equal(1, CliRunner.Run("lint", smtp).ExitCode);
        Assert.Equal(0, CliRunner.Run("lint", "--fail-on", "error", smtp).ExitCode);
        Assert.Equal(1, CliRunner.Run("lint", "--rule", "F2B2001=error", "--fail-on", "error", smtp).ExitCode);
        var missing = CliRunner.Run("lint", Path.Combine(_tree.Root, "nope.conf"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr);
        Assert.Equal(2, CliRunner.Run("lint", "--rule", "F2B9999=error", clean).ExitCode);
        Assert.Equal(2, CliRunner.Run("lint", "--format", "xml", clean).ExitCode);
        Assert.Equal(2, CliRunner.Run("lint").ExitCode);
    }

    [Theory]
    [InlineData("corpus/filter.d/demo.conf", "corpus/logs/demo")]
    [InlineData("src/config/filter.d/demo.conf", "src/fail2ban/tests/files/logs/demo")]
    [InlineData("named/filter.d/demo.conf", "named/logs/demo.log")]
    public void Sample_logs_beside_the_config_tree_are_found_without_samples_option(string filterPath, string logPath)
    {
        // Two failregexes, a sample log that only the first one matches: F2B5001 needs the samples to be found.
        const string filter = "[Definition]\nfailregex = ^auth failed from <HOST>$\n            ^bad user \\S+ from <HOST>$\n";
        var conf = _tree.Write(filterPath, filter);
        Assert.DoesNotContain("F2B5001", CliRunner.Run("lint", conf).Stdout);
        _tree.Write(logPath, "# failJSON: { \"time\": \"2005-08-14T11:59:58\", \"match\": true , \"host\": \"192.0.2.1\" }\n"
            + "Aug 14 11:59:58 auth failed from 192.0.2.1\n");
        var result = CliRunner.Run("lint", conf);
        Assert.Contains("demo.conf(3,", result.Stdout);
        Assert.Contains("F2B5001", result.Stdout);
    }

    [Fact]
    public void A_plain_log_beside_the_filters_is_not_taken_for_annotated_samples()
    {
        // samples/LogWatch keeps plain logs for `filterlint regex`; read as samples, every matched line would be an F2B5002.
        var conf = _tree.Write("plain/filter.d/demo.conf", "[Definition]\nfailregex = ^auth failed from <HOST>$\n");
        _tree.Write("plain/logs/demo.log", "Aug 14 11:59:58 auth failed from 192.0.2.1\n");
        var result = CliRunner.Run("lint", conf);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("F2B50", result.Stdout);
    }

    [Fact]
    public void A_filter_that_does_not_compile_exits_2_with_a_located_error_and_no_stack_trace()
    {
        var broken = _tree.Write("c/broken.conf", LintFilters.Broken);
        var result = CliRunner.Run("lint", broken);
        // Fail2Ban refuses the filter: an input that cannot be read, as documented (2), not a lint finding (1).
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("broken.conf(2,", result.Stdout);
        Assert.Contains("error F2B1010", result.Stdout);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
    }

    [Fact]
    public void A_folder_lints_its_filters_and_skips_common_includes()
    {
        _tree.Write("d/filter.d/common.conf", "[DEFAULT]\n_x = y\n");
        _tree.Write("d/filter.d/clean.conf", LintFilters.Clean);
        var result = CliRunner.Run("lint", Path.Combine(_tree.Root, "d"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 filter linted", result.Stdout);
    }

    [Fact]
    public void Fix_applies_the_mechanical_fix_and_the_filter_is_then_clean_of_it()
    {
        var smtp = _tree.Write("e/smtp.conf", LintFilters.Smtp);
        var result = CliRunner.Run("lint", "--fix", "--rule", "F2B3004=none", smtp);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 fix(es) applied", result.Stderr);
        Assert.Contains("_verb = [A-Z]{4,}\n", File.ReadAllText(smtp));
        Assert.Equal(0, CliRunner.Run("lint", "--rule", "F2B3004=none", smtp).ExitCode);
    }

    [Fact]
    public void Settings_file_and_suppression_comments_are_honoured()
    {
        var settings = _tree.Write("f/.globalconfig", "is_global = true\ndotnet_diagnostic.F2B2001.severity = none\n");
        var smtp = _tree.Write("f/smtp.conf", LintFilters.Smtp.Replace("             ^Login failed", "# filterlint: disable=F2B3004\n             ^Login failed"));
        var result = CliRunner.Run("lint", "--settings", settings, smtp);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 warnings", result.Stdout);
    }

    [Fact]
    public void Filter_options_after_a_path_or_a_name_lint_exactly_that_variant()
    {
        var smtp = _tree.Write("g/filter.d/smtp.conf", LintFilters.Smtp);
        // F2B3004 is in mode extra only: the normal variant is clean of it, the extra one shows it without a variant suffix.
        var normal = CliRunner.Run("lint", smtp + "[mode=normal]");
        Assert.Equal(1, normal.ExitCode);
        Assert.DoesNotContain("F2B3004", normal.Stdout);
        Assert.Contains("F2B2001", normal.Stdout);
        var extra = CliRunner.Run("lint", "--config", Path.Combine(_tree.Root, "g"), "smtp[mode=extra]");
        Assert.Contains("warning F2B3004", extra.Stdout);
        Assert.DoesNotContain("[mode", extra.Stdout);
        var all = CliRunner.Run("lint", smtp);
        Assert.Contains("[mode extra]", all.Stdout);
        var bad = CliRunner.Run("lint", smtp + "[mode=normal");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("option syntax", bad.Stderr);
    }

    [Fact]
    public void A_logtype_option_selects_the_logtype_variant()
    {
        _tree.Write("h/filter.d/base.conf", "[DEFAULT]\nlogtype = file\n__prefix_line = <lt_<logtype>/__prefix_line>\n" +
            "[lt_file]\n__prefix_line = \\S+ daemon:\\s+\n[lt_short]\n__prefix_line = \\S+ [A-Z]{4}:\\s+\n");
        var filter = _tree.Write("h/filter.d/logins.conf",
            "[INCLUDES]\nbefore = base.conf\n[Definition]\nfailregex = ^%(__prefix_line)sLogin failed from <HOST>$\n");
        var all = CliRunner.Run("lint", filter);
        Assert.Contains("base.conf(7,", all.Stdout);
        Assert.Contains("[logtype short]", all.Stdout);
        Assert.Equal(0, CliRunner.Run("lint", filter + "[logtype=file]").ExitCode);
        var shortOnly = CliRunner.Run("lint", filter + "[logtype=short]");
        Assert.Contains("base.conf(7,", shortOnly.Stdout);
        Assert.DoesNotContain("[logtype", shortOnly.Stdout);
    }

    [SkippableFact]
    public void Upstream_master_filters_lint_through_the_cli()
    {
        // Lint time is measured by scripts/bench-lint.sh, not asserted here: a wall-clock bound fails under load.
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var result = CliRunner.Run("lint", "--format", "json", Path.Combine(Corpus.MasterRoot, "filter.d"));
        Assert.Equal("", result.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.True(doc.RootElement.GetArrayLength() <= 97, doc.RootElement.GetArrayLength() + " findings");
    }
}
