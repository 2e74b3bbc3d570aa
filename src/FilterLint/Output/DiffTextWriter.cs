using System.IO;
using Fail2Ban.Core.Reviewing;

namespace FilterLint.Output;

/// <summary><c>filterlint diff</c>'s terminal output: a summary per filter, then each group with its first lines.</summary>
internal sealed class DiffTextWriter
{
    private readonly DisplayPath _paths;
    private readonly int _shown;

    public DiffTextWriter(DisplayPath paths, int shown)
    {
        _paths = paths;
        _shown = shown;
    }

    public void Write(TextWriter o, FilterDiffReport report)
    {
        o.WriteLine("filterlint diff " + report.Filter + ": " + report.Old.Label + " -> " + report.New.Label);
        o.WriteLine("  " + DiffReportText.Scope(report));
        foreach (var e in report.OldErrors) o.WriteLine("  old version does not load: " + e);
        foreach (var e in report.NewErrors) o.WriteLine("  new version does not load: " + e);
        o.WriteLine("  " + DiffReportText.Summary(report));
        foreach (var group in report.Groups)
        {
            o.WriteLine();
            o.WriteLine(DiffReportText.Title(group, _paths));
            if (group.Regex is { } regex) o.WriteLine("  regex: " + DiffReportText.Shorten(regex.Source, 160));
            for (var i = 0; i < group.Changes.Count && i < _shown; i++)
            {
                var c = group.Changes[i];
                o.WriteLine("  " + c.Line.Origin + ": " + c.Line.Text);
                o.WriteLine("      " + DiffReportText.BeforeAfter(c));
            }
            if (group.Count > _shown) o.WriteLine("  … and " + (group.Count - _shown) + " more (--show N)");
        }
        o.WriteLine();
    }
}
