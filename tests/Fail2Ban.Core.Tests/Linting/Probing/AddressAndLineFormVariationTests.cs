using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Probing;

/// <summary>The probe's IPv4-mapped and bracketed IPv6 forms, and the journal and virtual-host forms of a line.</summary>
public sealed class AddressAndLineFormVariationTests
{
    /// <summary>Every probe row of a filter's variations: its name, whether it broke its expectation, and the line.</summary>
    internal static System.Collections.Generic.List<(string Variation, bool Violated, string Line)> Rows(string text)
    {
        var report = LintHarness.Lint(text, options: new LintOptions { CollectProbeTables = true });
        return report.ProbeTables.SelectMany(t => t.Rows).Select(r => (r.Variation, r.Violated, r.Line)).ToList();
    }

    [Fact]
    public void An_address_before_a_port_is_also_written_as_bracketed_IPv6()
    {
        var rows = Rows(LintHarness.Filter(@"^login failed from <HOST>:\d+ now$"));
        var bracketed = Assert.Single(rows, r => r.Variation == "ipv6-bracketed");
        Assert.Contains("from [2001:db8::1]:", bracketed.Line);
        Assert.False(bracketed.Violated);
    }

    [Fact]
    public void An_address_without_a_port_is_written_as_IPv4_mapped_IPv6_and_not_bracketed()
    {
        var rows = Rows(LintHarness.Filter(@"^login failed from <HOST> now$"));
        Assert.DoesNotContain(rows, r => r.Variation == "ipv6-bracketed");
        var mapped = Assert.Single(rows, r => r.Variation == "ipv6-mapped");
        Assert.Equal("login failed from ::ffff:192.0.2.1 now", mapped.Line);
        Assert.False(mapped.Violated);
    }

    [Fact]
    public void A_sendmail_address_in_brackets_is_also_written_as_an_address_literal()
    {
        var rows = Rows(LintHarness.Filter(@"^relay=\S+ \[(?:IPv6:)?<HOST>\], reject=550$", "_daemon = sendmail"));
        var literal = Assert.Single(rows, r => r.Variation == "ipv6-literal");
        Assert.Contains("[IPv6:2001:db8::1], reject", literal.Line);
        Assert.False(literal.Violated);
        Assert.DoesNotContain(Rows(LintHarness.Filter(@"^relay=\S+ \[<HOST>\], reject=550$")), r => r.Variation == "ipv6-literal");

        // sendmail's check_relay writes the client address as arg2=, a literal too.
        var arg = Assert.Single(Rows(LintHarness.Filter(@"^ruleset=check_relay, arg2=<HOST>, reject=421$", "_daemon = sm-mta")), r => r.Variation == "ipv6-literal");
        Assert.Contains("arg2=IPv6:2001:db8::1,", arg.Line);
        Assert.True(arg.Violated);
    }

    [Fact]
    public void A_syslog_line_is_given_in_the_journal_form_and_an_access_log_line_with_the_virtual_host_first()
    {
        var journal = Rows(LintHarness.Filter(@"^%(__line_prefix)slogin failed from <HOST>$", "_daemon = testd\n__line_prefix = (?:\\s*\\S+ testd\\[\\d+\\]:\\s+)?")).First(r => r.Variation == "journal");
        Assert.Equal("mail testd[12345]: login failed from 192.0.2.1", journal.Line);
        Assert.False(journal.Violated);

        var vhost = Rows(LintHarness.Filter(@"^<HOST> - \S+ \[\] ""GET [^""]*"" 401 \d+$")).First(r => r.Variation == "vhost");
        Assert.Contains("www.example.org 192.0.2.1 - ", vhost.Line);
        Assert.True(vhost.Violated);
    }
}
