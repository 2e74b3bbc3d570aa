using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Reviewing;

namespace FilterLint.Output;

/// <summary>
/// <c>filterlint diff --format github</c>: GitHub Actions workflow commands, one annotation per group on the new
/// <c>.conf</c> line the change comes from (a changed line the regex's text was written on, when there is one).
/// </summary>
internal sealed class DiffGithubWriter
{
    private readonly DisplayPath _paths;

    public DiffGithubWriter(DisplayPath paths) => _paths = paths;

    public void Write(TextWriter o, FilterDiffReport report, System.Func<ChangeKind, bool> worse)
    {
        var changed = ChangedLines.Of(report.Old.Text ?? "", report.New.Text ?? "");
        var file = _paths.Format(report.New.Path);
        foreach (var e in report.NewErrors) o.WriteLine("::error file=" + Property(file) + ",title=filterlint diff::" + Data("the new version does not load: " + e));
        foreach (var g in report.Groups)
        {
            var line = AnnotationLine(g.NewRegex, g.NewPrefRegex, report.New.Path, changed);
            var first = g.Changes[0];
            var message = DiffReportText.Title(g, _paths) + "\n" + first.Line.Origin + ": " + first.Line.Text + "\n" + DiffReportText.BeforeAfter(first);
            o.WriteLine("::" + (worse(g.Kind) ? "error" : "notice") + " file=" + Property(file) + (line > 0 ? ",line=" + line : "") +
                        ",title=" + Property("filterlint diff: " + LineChange.Name(g.Kind) + " (" + g.Count + ")") + "::" + Data(message));
        }
    }

    /// <summary>
    /// The first changed line of the filter file that the regex's text comes from, else one the prefregex's text comes from (the
    /// change may be there); else where the regex starts; else the first changed line.
    /// </summary>
    private static int AnnotationLine(CompiledRegex? regex, CompiledRegex? prefRegex, string file, IReadOnlyList<int> changed)
    {
        var written = WrittenLines(regex, file);
        foreach (var line in written.Where(changed.Contains).OrderBy(l => l)) return line;
        foreach (var line in WrittenLines(prefRegex, file).Where(changed.Contains).OrderBy(l => l)) return line;
        if (written.Count > 0) return written[0];
        return changed.Count > 0 ? changed[0] : 0;
    }

    /// <summary>The lines of <paramref name="file"/> the regex's text (after interpolation) was written on.</summary>
    private static List<int> WrittenLines(CompiledRegex? regex, string file) =>
        regex?.LocatedSource is { } source ? source.Segments.Where(s => s.Start.File == file).Select(s => s.Start.Line).ToList() : new List<int>();

    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
