using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// Whether the filter's daemon writes an IPv6 client as an RFC 5321 address literal, the address after an
/// <c>IPv6:</c> tag (<c>relay=host [IPv6:2001:db8::1]</c>, <c>arg2=IPv6:2001:db8::1</c>), as sendmail does. Known
/// from the filter's <c>_daemon</c> (sendmail, sm-mta) or from a sample line that shows the tag; other SMTP
/// servers (Postfix, Exim) write the bare address in brackets, which the plain IPv6 forms already try.
/// </summary>
internal static class AddressLiteralForm
{
    /// <summary>The tag an SMTP address literal puts before an IPv6 address.</summary>
    public const string IPv6Tag = "IPv6:";

    public static bool WrittenBy(FilterVariant variant, IReadOnlyList<string> samples)
    {
        if (DaemonIsSendmail(variant)) return true;
        foreach (var line in samples)
            if (line.IndexOf("[" + IPv6Tag, StringComparison.Ordinal) >= 0 || line.IndexOf("=" + IPv6Tag, StringComparison.Ordinal) >= 0) return true;
        return false;
    }

    /// <summary>Where the address stands as a literal would: in brackets, or as a <c>key=</c> value (sendmail's <c>arg2=</c>).</summary>
    public static bool FitsAt(ProbeBaseLine line) =>
        line.HostStart > 0 && (line.Text[line.HostStart - 1] == '[' && line.HostEnd < line.Text.Length && line.Text[line.HostEnd] == ']'
            || line.HostStart >= 2 && line.Text[line.HostStart - 1] == '=' && char.IsLetterOrDigit(line.Text[line.HostStart - 2]));

    /// <summary>The <c>_daemon</c> names sendmail (<c>sendmail</c>, <c>sm-mta</c>, also written <c>sm-(mta|…)</c>).</summary>
    private static bool DaemonIsSendmail(FilterVariant variant)
    {
        if (LogLineDresser.DaemonOption(variant) is not { } raw) return false;
        var at = raw.IndexOf("sm-", StringComparison.OrdinalIgnoreCase);
        return raw.IndexOf("sendmail", StringComparison.OrdinalIgnoreCase) >= 0
            || at >= 0 && raw.IndexOf("mta", at, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
