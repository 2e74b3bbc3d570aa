using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fail2Ban.Core.Dates;

namespace LogWatch;

/// <summary>Writes one JSON object per line: <c>line, match, ignored, regex, host, ip, user, fid, time</c> (as filterlint).</summary>
internal sealed class JsonVerdictWriter
{
    private readonly TextWriter _output;
    private readonly LocalTimeZone _zone;
    private readonly StringBuilder _sb = new();

    public JsonVerdictWriter(TextWriter output, LocalTimeZone zone)
    {
        _output = output;
        _zone = zone;
    }

    public void Write(long line, Verdict v)
    {
        var sb = _sb.Clear();
        sb.Append("{\"line\":").Append(line.ToString(CultureInfo.InvariantCulture));
        sb.Append(",\"match\":").Append(v.Match ? "true" : "false");
        sb.Append(",\"ignored\":").Append(v.Ignored ? "true" : "false");
        sb.Append(",\"regex\":").Append(v.Regex is { } r ? r.ToString(CultureInfo.InvariantCulture) : "null");
        Append(sb, "host", v.Host);
        Append(sb, "ip", v.Ip);
        Append(sb, "user", v.User);
        Append(sb, "fid", v.Fid);
        Append(sb, "time", v.Time is { } t ? _zone.FormatLocal(t) : null);
        _output.WriteLine(sb.Append('}').ToString());
    }

    private static void Append(StringBuilder sb, string name, string? value)
    {
        sb.Append(",\"").Append(name).Append("\":");
        if (value is null) sb.Append("null");
        else sb.Append('"').Append(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()).Append('"');
    }
}
