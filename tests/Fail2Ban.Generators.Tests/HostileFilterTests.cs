using System.Linq;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Generators.Tests.Infrastructure;

namespace Fail2Ban.Generators.Tests;

/// <summary>
/// Hostile filters inside the compiler: each ends in a located error on its own <c>.conf</c>, never in a crash of
/// the generator (CS8785), and the other filters of the project are still generated.
/// </summary>
public sealed class HostileFilterTests
{
    private const string Good = "[Definition]\nfailregex = ^Login failed from <HOST>$\n";

    private static string Nested(int depth) =>
        "[Definition]\nfailregex = ^" + new string('(', depth) + "a" + new string(')', depth) + " <HOST>$\n";

    [Fact]
    public void Deep_nesting_is_a_located_limit_error_and_the_other_filters_are_generated()
    {
        var outcome = new GeneratorHarness().Filter("deep.conf", Nested(10_000)).Filter("good.conf", Good).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/consumer/filters/deep.conf(2," + ("failregex = ^".Length + EngineLimits.MaxRegexNesting + 1) + "): error F2B1009: ", line);
        Assert.Contains("Consumer.Filters.GoodFilter.g.cs", outcome.HintNames);
        Assert.Empty(outcome.CompileErrors);
    }

    [Fact]
    public void A_filter_at_the_nesting_limit_is_generated()
    {
        var outcome = new GeneratorHarness().Filter("deep.conf", Nested(EngineLimits.MaxRegexNesting)).Run();
        Assert.DoesNotContain(outcome.DiagnosticLines, l => l.Contains(": error "));
        Assert.Contains("Consumer.Filters.DeepFilter.g.cs", outcome.HintNames);
    }

    [Fact]
    public void Huge_repetition_and_a_doubling_tag_chain_do_not_exhaust_the_compiler()
    {
        var chain = "[Definition]\nl0 = ab\n" + string.Concat(Enumerable.Range(1, 22).Select(i => $"l{i} = <l{i - 1}><l{i - 1}>\n"))
            + "failregex = ^<l22> <HOST>$\n";
        var outcome = new GeneratorHarness()
            .Filter("rep.conf", "[Definition]\nfailregex = ^[a-z]{999999999} <HOST>$\n")
            .Filter("chain.conf", chain)
            .Filter("good.conf", Good)
            .Run(parseOptions: null);
        Assert.Contains(outcome.DiagnosticLines, l => l.StartsWith("/consumer/filters/chain.conf(") && l.Contains("error F2B1005"));
        Assert.Contains("Consumer.Filters.GoodFilter.g.cs", outcome.HintNames);
    }

    [Fact]
    public void Filters_whose_names_differ_only_in_case_are_located_errors_and_the_others_are_generated()
    {
        var outcome = new GeneratorHarness().Filter("ab.conf", Good).Filter("AB.conf", Good).Filter("good.conf", Good).Run();
        Assert.Equal(2, outcome.DiagnosticLines.Count);
        Assert.Contains(outcome.DiagnosticLines, l => l.StartsWith("/consumer/filters/ab.conf(1,1): error F2B1903: ") && l.Contains("differ only in case"));
        Assert.Contains(outcome.DiagnosticLines, l => l.StartsWith("/consumer/filters/AB.conf(1,1): error F2B1903: "));
        Assert.Contains("Consumer.Filters.GoodFilter.g.cs", outcome.HintNames);
        Assert.DoesNotContain(outcome.HintNames, h => h.Contains("Ab", System.StringComparison.OrdinalIgnoreCase) && !h.Contains("Good"));
        Assert.Empty(outcome.CompileErrors);
    }

    [Fact]
    public void A_file_the_compiler_could_not_read_as_UTF8_is_rejected_as_Fail2Ban_rejects_it()
    {
        // Bytes that are not UTF-8 (0xE9 alone): the compiler falls back to a code page, Fail2Ban refuses the file.
        var outcome = new GeneratorHarness()
            .FilterReadAs("latin.conf", "[Definition]\n# caf\u00e9\nfailregex = ^x <HOST>$\n", System.Text.Encoding.Latin1)
            .Filter("good.conf", Good).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/consumer/filters/latin.conf(2,6): error F2B1001: cannot decode the file as UTF-8: 'utf-8' codec can't decode byte 0xe9", line);
        Assert.Contains("Consumer.Filters.GoodFilter.g.cs", outcome.HintNames);
    }

    [Fact]
    public void Bytes_the_compiler_replaced_by_U_FFFD_make_the_file_rejected_as_Fail2Ban_rejects_it()
    {
        // On Linux the compiler falls back to UTF-8 with replacement for bytes that are not UTF-8.
        var replacing = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        var outcome = new GeneratorHarness()
            .FilterReadAs("latin.conf", "[Definition]\n# caf\uFFFD\nfailregex = ^x <HOST>$\n", replacing)
            .Filter("good.conf", Good).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/consumer/filters/latin.conf(2,6): error F2B1001: cannot decode the file as UTF-8: ", line);
        Assert.Contains("Consumer.Filters.GoodFilter.g.cs", outcome.HintNames);
        // Read strictly (valid UTF-8), a real U+FFFD is accepted, as Fail2Ban accepts it.
        var strict = new GeneratorHarness()
            .FilterReadAs("ok.conf", "[Definition]\n# \uFFFD\nfailregex = ^x <HOST>$\n", new System.Text.UTF8Encoding(false, true)).Run();
        Assert.DoesNotContain(strict.DiagnosticLines, l => l.Contains("error"));
    }

    [Fact]
    public void A_UTF16_file_is_rejected_at_its_byte_order_mark_as_Fail2Ban_rejects_it()
    {
        var outcome = new GeneratorHarness().FilterReadAs("wide.conf", Good, System.Text.Encoding.Unicode).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/consumer/filters/wide.conf(1,1): error F2B1001: cannot decode the file as UTF-8: 'utf-8' codec can't decode byte 0xff at position 0", line);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_the_compiler_skipped_makes_the_file_rejected_as_Fail2Ban_rejects_it()
    {
        // The compiler decodes a file with a UTF-8 BOM without the mark and reports Encoding.UTF8 (which has a preamble).
        var outcome = new GeneratorHarness().FilterReadAs("bom.conf", Good, System.Text.Encoding.UTF8).Filter("good.conf", Good).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/consumer/filters/bom.conf(1,1): error F2B1001: ", line);
        Assert.Contains("byte order mark", line);
        Assert.Contains("Consumer.Filters.GoodFilter.g.cs", outcome.HintNames);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    [InlineData("\u2029")]
    public void Locations_after_a_Unicode_line_break_are_numbered_as_Roslyn_numbers_lines(string lineBreak)
    {
        var conf = "[Definition]\n# a comment" + lineBreak + "with a Unicode line break\nfailregex = ^(unclosed <HOST>\n";
        var outcome = new GeneratorHarness().Filter("u.conf", conf).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        // The engine's line 3 is Roslyn's line 4 (the comment is two lines for Roslyn and editors).
        Assert.StartsWith("/consumer/filters/u.conf(4,14): error F2B1010: ", line);
    }
}
