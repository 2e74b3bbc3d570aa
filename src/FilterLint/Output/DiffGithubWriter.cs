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
            var line = AnnotationLine(g.NewRegex, report.New.Path, changed);
            var first = g.Changes[0];
            var message = DiffReportText.Title(g, _paths) + "\n" + first.Line.Origin + ": " + first.Line.Text + "\n" + DiffReportText.BeforeAfter(first);
            o.WriteLine("::" + (worse(g.Kind) ? "error" : "notice") + " file=" + Property(file) + (line > 0 ? ",line=" + line : "") +
                        ",title=" + Property("filterlint diff: " + LineChange.Name(g.Kind) + " (" + g.Count + ")") + "::" + Data(message));
        }
    }

    /// <summary>The first changed line of the filter file that the regex's text comes from; else where the regex starts; else the first changed line.</summary>
    private static int AnnotationLine(CompiledRegex? regex, string file, IReadOnlyList<int> changed)
    {
        var written = new List<int>();
        if (regex?.LocatedSource is { } source)
            foreach (var s in source.Segments)
                if (s.Start.File == file) written.Add(s.Start.Line);
        var hit = written.Where(changed.Contains).DefaultIfEmpty(0).Min();
        if (hit > 0) return hit;
        if (written.Count > 0) return written[0];
        return changed.Count > 0 ? changed[0] : 0;
    }

    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
