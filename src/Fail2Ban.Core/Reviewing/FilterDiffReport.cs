using System.Collections.Generic;
using System.Linq;

namespace Fail2Ban.Core.Reviewing;

/// <summary>What changed between two versions of one filter, over the same lines in every mode.</summary>
public sealed class FilterDiffReport
{
    internal FilterDiffReport(string filter, FilterVersion old, FilterVersion @new, IReadOnlyList<string?> modes, int logLines, int probeLines,
        IReadOnlyList<LineChange> changes, IReadOnlyList<ChangeGroup> groups, IReadOnlyList<string> oldErrors, IReadOnlyList<string> newErrors)
    {
        Filter = filter;
        Old = old;
        New = @new;
        Modes = modes;
        LogLines = logLines;
        ProbeLines = probeLines;
        Changes = changes;
        Groups = groups;
        OldErrors = oldErrors;
        NewErrors = newErrors;
    }

    /// <summary>The filter's name (<c>postfix</c>).</summary>
    public string Filter { get; }

    public FilterVersion Old { get; }

    public FilterVersion New { get; }

    /// <summary>The modes compared (a single null entry for a filter without modes).</summary>
    public IReadOnlyList<string?> Modes { get; }

    /// <summary>Lines from sample and given logs run in each mode.</summary>
    public int LogLines { get; }

    /// <summary>Robustness-probe variants run in each mode.</summary>
    public int ProbeLines { get; }

    /// <summary>Every changed line in every mode.</summary>
    public IReadOnlyList<LineChange> Changes { get; }

    /// <summary>The changes grouped by kind and failregex, modes with identical changes merged; worst kinds first.</summary>
    public IReadOnlyList<ChangeGroup> Groups { get; }

    /// <summary>Why the old version (or some of its modes) did not load: its lines count as missed there.</summary>
    public IReadOnlyList<string> OldErrors { get; }

    public IReadOnlyList<string> NewErrors { get; }

    /// <summary>Changed lines (distinct texts over all modes) of <paramref name="kind"/>.</summary>
    public int CountLines(ChangeKind kind) => Changes.Where(c => c.Kind == kind).Select(c => c.Line.Origin + "\n" + c.Line.Text).Distinct().Count();

    /// <summary>Whether any change is one of <paramref name="kinds"/>, or the new version lost a mode that loaded before.</summary>
    public bool Has(IEnumerable<ChangeKind> kinds) => Changes.Any(c => kinds.Contains(c.Kind));
}
