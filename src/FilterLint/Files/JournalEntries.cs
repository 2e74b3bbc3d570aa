using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace FilterLint.Files;

/// <summary>A journal entry as Fail2Ban's systemd backend presents it: the syslog-style line and its time.</summary>
internal readonly record struct JournalLine(long Entry, string Text, double Time);

/// <summary>
/// Reads <c>journalctl -o json</c> output (one JSON object per line) and turns each entry into the line
/// Fail2Ban's journal backend builds (<c>filtersystemd.formatJournalEntry</c>): <c>_HOSTNAME</c>,
/// <c>SYSLOG_IDENTIFIER</c> (or <c>_COMM</c>) with <c>[SYSLOG_PID]</c> (or <c>_PID</c>) and a colon,
/// the kernel's monotonic stamp for <c>kernel:</c>, then <c>MESSAGE</c>; newlines in it become <c>\n</c>.
/// The time is <c>_SOURCE_REALTIME_TIMESTAMP</c>, else <c>__REALTIME_TIMESTAMP</c> (microseconds).
/// Entries that fail the journal match (<see cref="JournalMatch"/>) are skipped, as the journal would.
/// </summary>
internal sealed class JournalEntries
{
    private readonly Encoding _encoding;
    private readonly JournalMatch? _match;

    public JournalEntries(Encoding encoding, JournalMatch? match)
    {
        _encoding = encoding;
        _match = match;
    }

    /// <summary>Entries that are not JSON objects (counted, skipped).</summary>
    public long Malformed { get; private set; }

    public IEnumerable<JournalLine> Read(TextReader reader)
    {
        string? json;
        long number = 0;
        while ((json = reader.ReadLine()) is not null)
        {
            number++;
            if (json.Trim().Length == 0) continue;
            Dictionary<string, List<string>> fields;
            try
            {
                fields = Parse(json);
            }
            catch (JsonException)
            {
                Malformed++;
                continue;
            }
            if (_match is not null && !_match.Accepts(fields)) continue;
            yield return new JournalLine(number, Format(fields), Time(fields));
        }
    }

    private Dictionary<string, List<string>> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var values = new List<string>();
            // journalctl writes a field with several values as an array of values, a binary value as an
            // array of byte numbers.
            if (p.Value.ValueKind == JsonValueKind.Array && IsByteArray(p.Value)) values.Add(Decode(p.Value));
            else if (p.Value.ValueKind == JsonValueKind.Array)
                foreach (var v in p.Value.EnumerateArray()) values.Add(v.ValueKind == JsonValueKind.Array ? Decode(v) : Scalar(v));
            else values.Add(Scalar(p.Value));
            fields[p.Name] = values;
        }
        return fields;
    }

    private static bool IsByteArray(JsonElement a)
    {
        foreach (var v in a.EnumerateArray()) if (v.ValueKind != JsonValueKind.Number) return false;
        return true;
    }

    private string Decode(JsonElement bytes)
    {
        var list = new List<byte>();
        foreach (var v in bytes.EnumerateArray()) list.Add(v.TryGetByte(out var b) ? b : (byte)'?');
        return _encoding.GetString(list.ToArray());
    }

    private static string Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Null => "",
        _ => v.GetRawText(),
    };

    private static string? First(Dictionary<string, List<string>> fields, string name) =>
        fields.TryGetValue(name, out var v) && v.Count > 0 && v[0].Length > 0 ? v[0] : null;

    private static string Format(Dictionary<string, List<string>> fields)
    {
        var parts = new List<string>();
        if (First(fields, "_HOSTNAME") is { } host) parts.Add(host);
        if ((First(fields, "SYSLOG_IDENTIFIER") ?? First(fields, "_COMM")) is { } ident)
        {
            var pid = First(fields, "SYSLOG_PID") ?? First(fields, "_PID");
            if (pid is not null)
                ident += "[" + (long.TryParse(pid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : pid) + "]";
            ident += ":";
            parts.Add(ident);
            if (ident == "kernel:")
            {
                var mono = First(fields, "_SOURCE_MONOTONIC_TIMESTAMP") ?? First(fields, "__MONOTONIC_TIMESTAMP") ?? "0";
                var seconds = double.TryParse(mono, NumberStyles.Float, CultureInfo.InvariantCulture, out var us) ? us / 1e6 : 0;
                parts.Add("[" + seconds.ToString("F6", CultureInfo.InvariantCulture).PadLeft(12) + "]");
            }
        }
        parts.Add(fields.TryGetValue("MESSAGE", out var msg) ? string.Join(" ", msg) : "");
        return string.Join(" ", parts).Replace("\n", "\\n");
    }

    private static double Time(Dictionary<string, List<string>> fields)
    {
        var text = First(fields, "_SOURCE_REALTIME_TIMESTAMP") ?? First(fields, "__REALTIME_TIMESTAMP");
        return text is not null && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var us) ? us / 1e6 : 0;
    }
}
