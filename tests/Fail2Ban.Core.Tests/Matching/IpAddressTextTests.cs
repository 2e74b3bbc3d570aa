using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Tests.Matching;

/// <summary>
/// Addresses print as Fail2Ban's <c>IPAddr.ntoa</c> (expected values from Fail2Ban 1.0.2): IPv4 whether the
/// text is reused (already canonical) or formatted, and masks of every width, the full ones included.
/// </summary>
public sealed class IpAddressTextTests
{
    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("100.10.1.200", "100.10.1.200")]
    [InlineData("10.0.0.1/24", "10.0.0.0/24")]
    [InlineData("10.20.30.40/32", "10.20.30.40")]
    [InlineData("1.2.3.4/0", "0.0.0.0")]
    [InlineData("[192.0.2.1]", "192.0.2.1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("2001:db8:1:2:3:4:5:6/32", "2001:db8::/32")]
    [InlineData("2001:db8:1:2:3:4:5:6/64", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:3:4:5:6/96", "2001:db8:1:2:3:4::/96")]
    [InlineData("2001:db8:1:2:3:4:5:6/128", "2001:db8:1:2:3:4:5:6")]
    public void Text_is_Fail2Bans(string text, string expected)
    {
        var address = IpAddress.Create(text);
        Assert.True(address.IsValid);
        Assert.Equal(expected, address.Text);
    }

    [Fact]
    public void A_canonical_text_is_reused()
    {
        var text = string.Concat("198.51.100.", "7");
        Assert.Same(text, IpAddress.Create(text).Text);
    }
}
