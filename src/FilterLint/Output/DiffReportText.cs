using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Reviewing;

namespace FilterLint.Output;

/// <summary>Phrases the diff writers share: where a regex is written, the mode list, a line's before and after.</summary>
internal static class DiffReportText
{
    public static string Modes(ChangeGroup group) =>
        group.Modes.All(m => m is null) ? "" : (group.Modes.Count == 1 ? "mode " : "modes ") + string.Join(", ", group.Modes);

    /// <summary><c>file:line</c> where the group's regex starts, or null.</summary>
    public static string? Where(CompiledRegex? regex, DisplayPath paths) =>
        regex?.LocatedSource?.LocationAt(0) is { } at ? paths.Format(at.File) + ":" + at.Line : null;

    public static string Title(ChangeGroup group, DisplayPath paths)
    {
        var where = Where(group.Regex, paths);
        var modes = Modes(group);
        return LineChange.Name(group.Kind) + ": " + group.Count + " line" + (group.Count == 1 ? "" : "s") + ", " + group.RegexName +
               (where is null ? "" : " (" + where + ")") + (modes.Length > 0 ? ", " + modes : "");
    }

    public static string BeforeAfter(LineChange change) => "old: " + change.Old.Describe() + " -> new: " + change.New.Describe();

    public static string Shorten(string s, int max) => s.Length <= max ? s : s.Substring(0, max - 1) + "…";

    public static string Summary(FilterDiffReport report)
    {
        var counts = new List<string>();
        foreach (ChangeKind kind in System.Enum.GetValues(typeof(ChangeKind)))
        {
            var n = report.CountLines(kind);
            if (n > 0) counts.Add(LineChange.Name(kind) + " " + n);
        }
        return counts.Count == 0 ? "no line changed" : string.Join(", ", counts);
    }

    public static string Scope(FilterDiffReport report)
    {
        var modes = report.Modes.Where(m => m != null).ToList();
        return report.LogLines + " log line" + (report.LogLines == 1 ? "" : "s") + " and " + report.ProbeLines + " probe variant" +
               (report.ProbeLines == 1 ? "" : "s") + (modes.Count > 0 ? " in mode" + (modes.Count == 1 ? " " : "s ") + string.Join(", ", modes) : "");
    }
}
