using System;
using System.CommandLine;
using System.IO;
using System.Text;

namespace FilterLint.Output;

/// <summary>
/// The top-level help. System.CommandLine lists a subcommand's optional argument like a required one
/// (<c>regex &lt;LOG&gt; &lt;FILTER&gt; &lt;IGNOREREGEX&gt;</c>); here it is bracketed as in the command's own usage
/// line, the descriptions shifted to keep their column.
/// </summary>
internal static class TopLevelHelp
{
    private const string Required = "<IGNOREREGEX>";

    public static bool IsRequest(string[] args) => args.Length == 1 && args[0] is "-h" or "--help" or "-?";

    public static int Write(RootCommand root, TextWriter output, TextWriter error)
    {
        var text = new StringWriter();
        var code = root.Parse(new[] { "--help" }).Invoke(new InvocationConfiguration { Output = text, Error = error });
        output.Write(Bracket(text.ToString()));
        return code;
    }

    internal static string Bracket(string help)
    {
        var lines = help.Replace("\r\n", "\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("Commands:", StringComparison.Ordinal));
        if (start < 0) return help;
        var labelEnd = -1;
        for (var i = start + 1; i < lines.Length && lines[i].Length > 0; i++)
        {
            var at = lines[i].IndexOf(Required, StringComparison.Ordinal);
            if (at >= 0) labelEnd = at + Required.Length;
        }
        if (labelEnd < 0) return help;
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i > start && IsInSection(lines, start, i) && line.Length > labelEnd)
                line = line.IndexOf(Required, StringComparison.Ordinal) is var at and >= 0
                    ? line.Substring(0, at) + "[" + Required + "]" + line.Substring(at + Required.Length)
                    : line.Substring(0, labelEnd) + "  " + line.Substring(labelEnd);
            sb.Append(line);
            if (i < lines.Length - 1) sb.Append('\n');
        }
        return sb.ToString().Replace("\n", Environment.NewLine);
    }

    private static bool IsInSection(string[] lines, int start, int i)
    {
        for (var k = start + 1; k <= i; k++) if (lines[k].Length == 0) return false;
        return true;
    }
}
