using System.Text;
using Fail2Ban.Core.Config;

namespace Fail2Ban.Core.Tests.Config;

public sealed class ConfigFileTextTests
{
    [Fact]
    public void StrictUtf8KeepsTheByteOrderMark()
    {
        var text = ConfigFileText.FromBytes(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'[', (byte)'a', (byte)']' });
        Assert.Equal("\uFEFF[a]", text.Text);
    }

    [Fact]
    public void InvalidByteIsLocated()
    {
        var bytes = Encoding.UTF8.GetBytes("[Definition]\r\nfailregex = caf").Concat(new byte[] { 0xE9, (byte)'\n' });
        var text = ConfigFileText.FromBytes(bytes);
        Assert.Null(text.Text);
        Assert.Equal(2, text.ErrorLine);
        Assert.Equal(16, text.ErrorColumn);
        Assert.Contains("0xe9", text.DecodeError);
    }
}

internal static class ByteArrayConcat
{
    public static byte[] Concat(this byte[] a, byte[] b)
    {
        var r = new byte[a.Length + b.Length];
        a.CopyTo(r, 0);
        b.CopyTo(r, a.Length);
        return r;
    }
}
