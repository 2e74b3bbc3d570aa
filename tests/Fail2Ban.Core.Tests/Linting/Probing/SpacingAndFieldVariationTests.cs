using System.Linq;

namespace Fail2Ban.Core.Tests.Linting.Probing;

/// <summary>The probe's padded level, empty user name and repeated address field variations.</summary>
public sealed class SpacingAndFieldVariationTests
{
    private static System.Collections.Generic.List<(string Variation, bool Violated, string Line)> Rows(string text) =>
        AddressAndLineFormVariationTests.Rows(text);

    [Fact]
    public void A_level_among_levels_of_other_widths_is_padded_and_one_written_alone_is_not()
    {
        var padded = Rows(LintHarness.Filter(@"^(?:NOTICE|WARNING) auth: login failed from <HOST>$")).First(r => r.Variation == "level-padded");
        Assert.Equal("NOTICE  auth: login failed from 192.0.2.1", padded.Line);
        Assert.True(padded.Violated);

        var joined = Rows(LintHarness.Filter(@"^(?:NOTICE|WARNING)\s*\[\d+\] login failed from <HOST>$")).First(r => r.Variation == "level-padded");
        Assert.StartsWith("NOTICE  [1]", joined.Line);
        Assert.False(joined.Violated);

        Assert.DoesNotContain(Rows(LintHarness.Filter(@"^ALERT - login failed from <HOST>$")), r => r.Variation == "level-padded");
    }

    [Fact]
    public void A_user_name_is_written_empty()
    {
        var rows = Rows(LintHarness.Filter(@"^\s*Invalid user <F-USER>\S+</F-USER> from <HOST>$"));
        var empty = rows.First(r => r.Variation == "field-empty");
        Assert.EndsWith(" Invalid user  from 192.0.2.1", empty.Line);
        Assert.True(empty.Violated);
        Assert.False(Rows(LintHarness.Filter(@"^\s*Invalid user <F-USER>\S*</F-USER> from <HOST>$")).First(r => r.Variation == "field-empty").Violated);
    }

    [Fact]
    public void The_address_field_is_repeated_whole_in_a_field_after_it()
    {
        var rows = Rows(LintHarness.Filter(@"^\[client <HOST>\] user <F-USER>.+</F-USER> not found$"));
        var repeated = rows.First(r => r.Variation == "inject-after" && r.Line.Contains("[client 192.0.2.254]"));
        Assert.Contains("user alice [client 192.0.2.254] not found", repeated.Line);
        Assert.False(repeated.Violated);
    }
}
