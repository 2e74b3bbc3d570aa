using System.Linq;
using System.Text.Json.Nodes;

namespace FilterLint.LanguageServer.Tests;

/// <summary>Applies LSP text edits to a text the way an editor does (later edits first, so earlier ranges hold).</summary>
internal static class TextEdits
{
    public static string Apply(string text, JsonArray edits)
    {
        var lines = text.Split('\n').ToList();
        foreach (var edit in edits.OrderByDescending(e => ((int)e!["range"]!["start"]!["line"]!, (int)e!["range"]!["start"]!["character"]!)))
        {
            var r = edit!["range"]!;
            int sl = (int)r["start"]!["line"]!, sc = (int)r["start"]!["character"]!, el = (int)r["end"]!["line"]!, ec = (int)r["end"]!["character"]!;
            var joined = string.Join("\n", lines);
            var start = Offset(lines, sl, sc);
            var end = Offset(lines, el, ec);
            joined = joined.Substring(0, start) + (string)edit["newText"]! + joined.Substring(end);
            lines = joined.Split('\n').ToList();
        }
        return string.Join("\n", lines);
    }

    private static int Offset(System.Collections.Generic.List<string> lines, int line, int character)
    {
        var offset = 0;
        for (var i = 0; i < line; i++) offset += lines[i].Length + 1;
        return offset + character;
    }
}
