using System.Collections.Generic;

namespace Fail2Ban.Core.Reviewing;

/// <summary>
/// A line both versions of a filter run: from a sample or given log (<see cref="Source"/> and line
/// <see cref="Number"/>), or a robustness-probe variant of such a line (<see cref="Variation"/>).
/// </summary>
public sealed class DiffLine
{
    public DiffLine(string source, int number, string text, string? variation = null, bool hasTimeStamp = true)
    {
        Source = source;
        Number = number;
        Text = text;
        Variation = variation;
        HasTimeStamp = hasTimeStamp;
    }

    /// <summary>The log the line comes from (for a probe variant: the probe).</summary>
    public string Source { get; }

    /// <summary>1-based line number in <see cref="Source"/> (0 for a probe variant).</summary>
    public int Number { get; }

    public string Text { get; }

    /// <summary>For a probe variant: what was varied (<c>ipv6-address</c>: …); null for a log line.</summary>
    public string? Variation { get; }

    /// <summary>False for a line generated from a regex without a time stamp (run with the probe's fixed time).</summary>
    public bool HasTimeStamp { get; }

    public bool IsProbeVariant => Variation != null;

    /// <summary><c>source:line</c>, or <c>probe (variation)</c>.</summary>
    public string Origin => IsProbeVariant ? "probe (" + Variation + ")" : Source + ":" + Number;
}

/// <summary>Lines that run in order through one matcher (a log file: multi-line filters see them together).</summary>
public sealed class DiffLineSource
{
    public DiffLineSource(string name, IReadOnlyList<DiffLine> lines)
    {
        Name = name;
        Lines = lines;
    }

    public string Name { get; }

    public IReadOnlyList<DiffLine> Lines { get; }

    /// <summary>Every non-empty, non-comment line of a log's text, numbered.</summary>
    public static DiffLineSource FromLog(string name, string text)
    {
        var lines = new List<DiffLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            lines.Add(new DiffLine(name, number, line));
        }
        return new DiffLineSource(name, lines);
    }

    /// <summary>The test lines of a Fail2Ban sample log (its <c>failJSON</c> annotations are not used: both versions are the oracle).</summary>
    public static DiffLineSource FromSampleLog(string name, string text)
    {
        var lines = new List<DiffLine>();
        foreach (var entry in Samples.SampleLogReader.Read(text))
            if (entry.Kind == Samples.SampleLineKind.Test && entry.Text.Length > 0)
                lines.Add(new DiffLine(name, entry.LineNumber, entry.Text));
        return new DiffLineSource(name, lines);
    }
}
