using System.IO;
using System.Linq;
using Fail2Ban.Core.Reviewing;

namespace FilterLint.Output;

/// <summary><c>filterlint diff --format markdown</c>: a pull-request comment (a table of groups, then their lines folded).</summary>
internal sealed class DiffMarkdownWriter
{
    private readonly DisplayPath _paths;
    private readonly int _shown;

    public DiffMarkdownWriter(DisplayPath paths, int shown)
    {
        _paths = paths;
        _shown = shown;
    }

    public void Write(TextWriter o, FilterDiffReport report, System.Func<ChangeKind, bool> worse)
    {
        var bad = report.Groups.Any(g => worse(g.Kind));
        o.WriteLine("### " + (bad ? "⚠️" : "✅") + " `filterlint diff` " + report.Filter + ": " + DiffReportText.Summary(report));
        o.WriteLine();
        o.WriteLine("`" + report.Old.Label + "` → `" + report.New.Label + "`, " + DiffReportText.Scope(report) + ".");
        foreach (var e in report.OldErrors) o.WriteLine("- old version does not load: `" + e + "`");
        foreach (var e in report.NewErrors) o.WriteLine("- **new version does not load**: `" + e + "`");
        o.WriteLine();
        if (report.Groups.Count == 0) return;
        o.WriteLine("| change | lines | regex | modes |");
        o.WriteLine("|---|---:|---|---|");
        foreach (var g in report.Groups)
        {
            var where = DiffReportText.Where(g.Regex, _paths);
            o.WriteLine("| " + (worse(g.Kind) ? "**" + LineChange.Name(g.Kind) + "**" : LineChange.Name(g.Kind)) + " | " + g.Count + " | " + g.RegexName +
                        (where is null ? "" : " (`" + where + "`)") + " | " + string.Join(", ", g.Modes.Select(m => m ?? "—")) + " |");
        }
        o.WriteLine();
        foreach (var g in report.Groups)
        {
            o.WriteLine("<details><summary>" + Escape(DiffReportText.Title(g, _paths)) + "</summary>");
            o.WriteLine();
            o.WriteLine("```text");
            foreach (var c in g.Changes.Take(_shown))
            {
                o.WriteLine(c.Line.Origin + ": " + c.Line.Text);
                o.WriteLine("    " + DiffReportText.BeforeAfter(c));
            }
            if (g.Count > _shown) o.WriteLine("… and " + (g.Count - _shown) + " more");
            o.WriteLine("```");
            o.WriteLine("</details>");
            o.WriteLine();
        }
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
