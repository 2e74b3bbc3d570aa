using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Samples;

/// <summary>
/// Reads a Fail2Ban sample log into test lines and directives exactly as upstream's sample test
/// does: a <c># failJSON:</c> line annotates the next physical line (even a comment or a blank
/// one); other comment and blank lines are skipped; any other line is a test line that must not match.
/// </summary>
public static class SampleLogReader
{
    /// <summary>Splits and classifies <paramref name="text"/>; throws FormatException (with the line) on bad JSON.</summary>
    public static List<SampleLogEntry> Read(string text)
    {
        var lines = SplitLines(text);
        var entries = new List<SampleLogEntry>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (TryDirective(line, out var keyword, out var jsonText))
            {
                object? json;
                try { json = JsonValue.Parse(jsonText); }
                catch (FormatException e) { throw new FormatException("line " + (i + 1) + ": " + e.Message, e); }
                switch (keyword)
                {
                    case "fileOptions": entries.Add(new SampleLogEntry(SampleLineKind.FileOptions, i + 1, line, json)); continue;
                    case "filterOptions": entries.Add(new SampleLogEntry(SampleLineKind.FilterOptions, i + 1, line, json)); continue;
                    case "addFILE": entries.Add(new SampleLogEntry(SampleLineKind.AddFile, i + 1, line, json)); continue;
                }
                // failJSON: the next physical line is the test line, whatever it is.
                if (i + 1 >= lines.Count) break;
                i++;
                entries.Add(new SampleLogEntry(SampleLineKind.Test, i + 1, lines[i], json ?? new List<KeyValuePair<string, object?>>()));
                continue;
            }
            if (line.StartsWith("#", StringComparison.Ordinal) || line.Trim().Length == 0) continue;
            entries.Add(new SampleLogEntry(SampleLineKind.Test, i + 1, line, null));
        }
        return entries;
    }

    /// <summary><c>^#+ ?(failJSON|(?:file|filter)Options|addFILE):(.+)$</c>.</summary>
    private static bool TryDirective(string line, out string keyword, out string json)
    {
        keyword = json = "";
        var i = 0;
        while (i < line.Length && line[i] == '#') i++;
        if (i == 0) return false;
        if (i < line.Length && line[i] == ' ') i++;
        foreach (var k in new[] { "failJSON", "fileOptions", "filterOptions", "addFILE" })
        {
            if (string.CompareOrdinal(line, i, k, 0, k.Length) == 0 && i + k.Length < line.Length && line[i + k.Length] == ':')
            {
                keyword = k;
                json = line.Substring(i + k.Length + 1);
                return json.Length > 0;
            }
        }
        return false;
    }

    /// <summary>Lines split after each "\n", trailing "\r"/"\n" removed; a last line without newline counts.</summary>
    private static List<string> SplitLines(string text)
    {
        var result = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            var e = end;
            while (e > start && (text[e - 1] == '\r' || text[e - 1] == '\n')) e--;
            result.Add(text.Substring(start, e - start));
            if (nl < 0) break;
            start = nl + 1;
        }
        return result;
    }
}
