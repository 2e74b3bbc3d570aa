using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Matching;

namespace FilterLint.Output;

/// <summary>
/// <c>regex -o/--out</c>: prints only failure information, one line per failure, as <c>fail2ban-regex -o</c>
/// does: <c>id</c>/<c>fid</c>, <c>ip</c>, <c>msg</c> (the matched lines), <c>row</c> (Python
/// <c>[fid, time, data]</c>), any other word = that captured value (<c>user</c>, <c>ip4</c>, <c>matches</c>…),
/// or a template with action tags (<c>&lt;ip&gt; &lt;F-USER&gt; &lt;time&gt;</c>).
/// </summary>
internal sealed class OutTokenWriter
{
    private static readonly Regex Tag = new(@"<([^ <>]+)>", RegexOptions.CultureInvariant);
    private readonly string _format;
    private readonly double _now;

    /// <param name="now">The time Fail2Ban gives a failure on a line without a date (its current time).</param>
    public OutTokenWriter(string format, double now)
    {
        _format = format;
        _now = now;
    }

    /// <summary>Writes the failures one line has produced.</summary>
    public void Write(IReadOnlyList<Failure> failures, TextWriter o)
    {
        if (_format.IndexOf('<') >= 0)
        {
            WriteTemplate(failures, o);
            return;
        }
        foreach (var f in failures)
        {
            switch (_format)
            {
                case "id":
                case "fid":
                    o.WriteLine(Print(f.Id));
                    break;
                case "ip":
                    o.WriteLine(Print(f.Data.TryGetValue("ip", out var ip) ? ip : f.Id));
                    break;
                case "msg":
                    foreach (var m in f.Data.Matches) o.WriteLine(m.Full);
                    break;
                case "row":
                {
                    var sb = new StringBuilder("[");
                    PythonRepr.Append(sb, f.Id);
                    sb.Append(",\t");
                    PythonRepr.Append(sb, f.Time);
                    sb.Append(",\t{");
                    var first = true;
                    foreach (var kv in f.Data)
                    {
                        if (kv.Key == "matches") continue;
                        if (!first) sb.Append(", ");
                        first = false;
                        PythonRepr.Append(sb, kv.Key);
                        sb.Append(": ");
                        PythonRepr.Append(sb, kv.Value);
                    }
                    o.WriteLine(sb.Append("}],").ToString());
                    break;
                }
                default:
                    o.WriteLine(Print(f.Data.TryGetValue(_format, out var v) ? v : null));
                    break;
            }
        }
    }

    /// <summary>Python's <c>print(value)</c>: a string as is, anything else as its repr.</summary>
    private static string Print(object? value) => value switch
    {
        string s => s,
        IpAddress ip => ip.Text,
        _ => PythonRepr.Of(value),
    };

    private void WriteTemplate(IReadOnlyList<Failure> failures, TextWriter o)
    {
        // A <msg> of a failure with several lines is written once per line, after the single-line ones.
        var wrapped = new List<(Failure Failure, string Text)>();
        var wrapping = false;
        foreach (var f in failures)
        {
            var usesWrap = false;
            var text = Tag.Replace(_format, m => Substitute(f, m, _now, ref usesWrap, wrapping));
            if (usesWrap)
            {
                wrapping = true;
                wrapped.Add((f, text));
                continue;
            }
            o.WriteLine(text);
        }
        foreach (var (f, text) in wrapped)
            foreach (var line in f.Data.Matches) o.WriteLine(text.Replace("\0msg\0", line.Full));
    }

    private static string Substitute(Failure f, Match m, double now, ref bool usesWrap, bool wrapping)
    {
        var tag = m.Groups[1].Value;
        switch (tag)
        {
            case "ip": return Print(f.Data.TryGetValue("ip", out var ip) ? ip : f.Id);
            case "fid": return Print(f.Id);
            case "time": return PythonRepr.Float(f.Time ?? now);
            case "failures": return "0";
            case "family":
                return f.Id?.Family switch
                {
                    IpAddress.AddressFamily.IPv4 => "inet4",
                    IpAddress.AddressFamily.IPv6 => "inet6",
                    _ => "None",
                };
            case "ip-rev": return ReversePointer(f.Id);
            case "matches": return Join(f.Data.Matches);
            case "msg":
                if (!wrapping && f.Data.Matches.Count <= 1) return Join(f.Data.Matches);
                usesWrap = true;
                return "\0msg\0";
        }
        if (tag.StartsWith("F-", StringComparison.Ordinal))
        {
            var key = tag.Substring(2).ToLowerInvariant().Replace('-', '_');
            return f.Data.TryGetValue(key, out var v) && v is not null ? Print(v).Replace("\0", "\\x00") : "";
        }
        return m.Value;
    }

    private static string Join(IReadOnlyList<TupleLine> lines)
    {
        var parts = new string[lines.Count];
        for (var i = 0; i < parts.Length; i++) parts[i] = lines[i].Full;
        return string.Join("\n", parts);
    }

    private static string ReversePointer(IpAddress? ip)
    {
        if (ip is null) return "";
        if (ip.Family == IpAddress.AddressFamily.IPv4)
        {
            var parts = ip.Text.Split('.');
            Array.Reverse(parts);
            return string.Join(".", parts) + ".";
        }
        if (ip.Family == IpAddress.AddressFamily.IPv6 && System.Net.IPAddress.TryParse(ip.Text, out var a))
        {
            var sb = new StringBuilder();
            var bytes = a.GetAddressBytes();
            for (var i = bytes.Length - 1; i >= 0; i--)
                sb.Append("0123456789abcdef"[bytes[i] & 0xF]).Append('.').Append("0123456789abcdef"[bytes[i] >> 4]).Append('.');
            return sb.ToString();
        }
        return "";
    }
}
