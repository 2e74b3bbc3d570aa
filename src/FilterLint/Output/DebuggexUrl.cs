using System.Text;

namespace FilterLint.Output;

/// <summary>
/// <c>regex -D/--debuggex</c>: a debuggex.com link that opens a regex (tags expanded, Python flavour) on a
/// line, built as <c>fail2ban-regex</c> builds it (Python's <c>urlencode</c>: <c>quote_plus</c> of each value).
/// </summary>
internal static class DebuggexUrl
{
    public static string For(string sample, string regex, bool multiline)
    {
        var sb = new StringBuilder("https://www.debuggex.com/?");
        sb.Append("re=").Append(QuotePlus(regex));
        sb.Append("&str=").Append(QuotePlus(sample));
        sb.Append("&flavor=python");
        if (multiline) sb.Append("&flags=m");
        return sb.ToString();
    }

    private static string QuotePlus(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '.' or '-' or '~') sb.Append(c);
            else if (c == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
