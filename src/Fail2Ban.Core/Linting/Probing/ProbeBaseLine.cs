using Fail2Ban.Core.Linting.Analysis;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// A line a failregex matches, that the probe varies: a real sample line or a line generated from the
/// regex (then <see cref="Generated"/> knows which text each regex node produced).
/// </summary>
internal sealed class ProbeBaseLine
{
    public ProbeBaseLine(LintRegex regex, string text, ProbeVerdict verdict, ProbeLine? generated, int hostStart, int hostEnd, int shift = 0,
        bool isLogLine = true)
    {
        Shift = shift;
        IsLogLine = isLogLine;
        Regex = regex;
        Text = text;
        Verdict = verdict;
        Generated = generated;
        HostStart = hostStart;
        HostEnd = hostEnd;
    }

    /// <summary>The failregex the line was found for.</summary>
    public LintRegex Regex { get; }

    public string Text { get; }

    /// <summary>What the filter does with the line as it is.</summary>
    public ProbeVerdict Verdict { get; }

    /// <summary>The generation record (node and tag ranges), or null for a sample line.</summary>
    public ProbeLine? Generated { get; }

    /// <summary>Whether the line comes from a sample log (a real line) rather than from the regex.</summary>
    public bool FromSample => Generated is null;

    /// <summary>How many characters (a time stamp, a syslog header) stand before the generated text.</summary>
    public int Shift { get; }

    /// <summary>Whether the line carries its own time stamp (run with date detection, as a log line).</summary>
    public bool IsLogLine { get; }

    /// <summary>Where a real line holds the user name the matcher captured (<c>&lt;F-USER&gt;</c>), or null.</summary>
    public TextRange? UserRange { get; init; }

    /// <summary>
    /// Where a regex node's text is in <see cref="Text"/>: from the generation record for a generated line; for a
    /// real line, only the user group (where the captured name stands).
    /// </summary>
    public TextRange? RangeOf(Patterns.RegexNode node)
    {
        if (Generated != null) return Generated.RangeOf(node) is { } r ? r.Shift(Shift) : null;
        return node is Patterns.GroupNode { Name: "user" } ? UserRange : null;
    }

    /// <summary>Where the banned address is written in <see cref="Text"/>: <c>[HostStart, HostEnd)</c>.</summary>
    public int HostStart { get; }

    public int HostEnd { get; }

    public string HostText => Text.Substring(HostStart, HostEnd - HostStart);

    /// <summary>The line with <c>[start, end)</c> replaced by <paramref name="replacement"/>.</summary>
    public string Replace(int start, int end, string replacement) => Text.Substring(0, start) + replacement + Text.Substring(end);
}
