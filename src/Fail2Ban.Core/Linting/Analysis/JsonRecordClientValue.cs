using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// Whether a JSON record that a regex reads with pattern-keyed pairs (<c>"[^"]+":"[^"]*"</c>) can hold a value the
/// client chose before the end of what the regex reads: only then can a <c>\"</c> in an earlier value make the line
/// slip through. A record of the daemon's own values (Cowrie's connect record: session, addresses, ports, sensor)
/// holds none. The evidence, first found wins: a key of the regex's own that names a client field (<c>"user":</c>),
/// or, in the sample lines the regex matches, a pair it reads whose key names a client field, or whose value
/// differs between samples and looks written by a person (white space, quotes, punctuation, non-ASCII).
/// </summary>
internal static class JsonRecordClientValue
{
    /// <summary>Key names whose values the client chooses (a user name, a URL, a user agent, a message quoting them).</summary>
    public static readonly string[] ClientKeys =
        { "user", "login", "name", "pass", "url", "uri", "path", "query", "agent", "refer", "request", "input", "cmd", "command", "message", "msg" };

    /// <summary>A key the regex spells out: <c>"src_ip":</c>.</summary>
    private static readonly Regex FixedKey = new("\"(\\w+)\"\\s*:", RegexOptions.CultureInvariant);

    /// <summary>A pair of a JSON line: the key, then a string value (escapes kept) or a bare one.</summary>
    private static readonly Regex Pair = new("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]*)", RegexOptions.CultureInvariant);

    /// <summary>A value a program writes: a number, an address, an id, a time stamp, a word of its own vocabulary.</summary>
    private static readonly Regex MachineValue = new("^[A-Za-z0-9._:/@+-]*$", RegexOptions.CultureInvariant);

    public static bool IsClientKey(string key) => ClientKeys.Any(k => key.IndexOf(k, StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>
    /// The evidence that the record holds a client-chosen value where <paramref name="regex"/> reads pairs by a pattern
    /// (a sentence naming the key), or null when there is none.
    /// </summary>
    public static string? Evidence(string regex, IEnumerable<string> matchedSamples)
    {
        var fixedKeys = FixedKey.Matches(regex).Cast<Match>().Select(m => m.Groups[1].Value).ToList();
        if (fixedKeys.FirstOrDefault(IsClientKey) is { } named) return "a value of this record, which carries the client's \"" + named + "\" field";
        var values = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in matchedSamples)
            foreach (var (key, value) in ReadPairs(line, fixedKeys, ReadsPairsAfterLastKey(regex, fixedKeys)))
            {
                if (IsClientKey(key)) return "the \"" + key + "\" value the sample records hold before the matched field";
                if (!values.TryGetValue(key, out var seen)) values[key] = seen = new HashSet<string>(StringComparer.Ordinal);
                seen.Add(value);
            }
        var varying = values.FirstOrDefault(kv => kv.Value.Count > 1 && kv.Value.Any(v => !MachineValue.IsMatch(v.Trim('"'))));
        return varying.Key is null ? null : "the \"" + varying.Key + "\" value, which differs between the sample records and reads as written by a person";
    }

    /// <summary>
    /// The pairs of <paramref name="line"/> the regex reads by a pattern: those not under one of its own keys that stand
    /// before the last of its keys in the line, or all of them when the regex reads pairs after its last key too.
    /// </summary>
    private static IEnumerable<(string Key, string Value)> ReadPairs(string line, List<string> fixedKeys, bool readsAfter)
    {
        var end = line.Length;
        if (!readsAfter && fixedKeys.Count > 0)
            end = fixedKeys.Select(k => line.IndexOf("\"" + k + "\"", StringComparison.Ordinal)).DefaultIfEmpty(-1).Max();
        if (end < 0) end = line.Length;
        foreach (Match m in Pair.Matches(line))
        {
            if (m.Index >= end) break;
            var key = m.Groups[1].Value;
            if (!fixedKeys.Contains(key)) yield return (key, m.Groups[2].Value);
        }
    }

    /// <summary>Whether the regex reads a quoted value by a pattern after the last key it spells out.</summary>
    private static bool ReadsPairsAfterLastKey(string regex, List<string> fixedKeys)
    {
        if (fixedKeys.Count == 0) return true;
        var last = regex.LastIndexOf("\"" + fixedKeys[fixedKeys.Count - 1] + "\"", StringComparison.Ordinal);
        return regex.IndexOf("\"[^\"]", last + 1, StringComparison.Ordinal) >= 0;
    }
}
