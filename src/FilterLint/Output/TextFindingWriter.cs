using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Fail2Ban.Core.Linting;

namespace FilterLint.Output;

/// <summary>
/// Writes findings for people and editors: <c>path(line,col): severity F2Bxxxx: message</c> (the MSBuild
/// shape CI log matchers know), then the <c>.conf</c> excerpt with a caret line, the evidence and the fix.
/// </summary>
internal sealed class TextFindingWriter
{
    private readonly DisplayPath _paths;
    private readonly Func<string, string?> _readText;
    private readonly Dictionary<string, string[]?> _lines = new(StringComparer.Ordinal);

    /// <param name="paths">How paths are shown.</param>
    /// <param name="readText">Reads a <c>.conf</c> file's text for the excerpt (null when unreadable).</param>
    public TextFindingWriter(DisplayPath paths, Func<string, string?> readText)
    {
        _paths = paths;
        _readText = readText;
    }

    /// <summary>Writes every finding, then a one-line summary.</summary>
    public void Write(TextWriter output, IReadOnlyList<LintFinding> findings, int filterCount)
    {
        var sb = new StringBuilder();
        foreach (var f in findings) AppendFinding(sb, f);
        AppendSummary(sb, findings, filterCount);
        output.Write(sb.ToString());
    }

    /// <summary>One finding in text form (header, excerpt, evidence, fix), ending with a blank line.</summary>
    public void AppendFinding(StringBuilder sb, LintFinding f)
    {
        var l = f.Location;
        sb.Append(_paths.Format(l.File)).Append('(').Append(l.Line).Append(',').Append(l.Column).Append("): ")
          .Append(LintFinding.SeverityName(f.Severity)).Append(' ').Append(f.RuleId).Append(": ").Append(f.Message);
        if (f.Variants.Length > 0) sb.Append(" [").Append(f.Variants).Append(']');
        sb.Append('\n');
        var lines = LinesOf(l.File);
        if (lines != null) SourceExcerpt.Append(sb, lines, l.Line, l.Column, l.EndLine, l.EndColumn);
        if (f.Evidence is { } e)
        {
            sb.Append("  = evidence (").Append(e.KindName).Append("): ").Append(e.Explanation).Append('\n');
            sb.Append("      ").Append(e.Line).Append('\n');
        }
        if (f.Fix is { } fix) sb.Append("  = fix: ").Append(fix.Title).Append('\n');
        sb.Append('\n');
    }

    private static void AppendSummary(StringBuilder sb, IReadOnlyList<LintFinding> findings, int filterCount)
    {
        int errors = 0, warnings = 0, infos = 0;
        foreach (var f in findings)
        {
            if (f.Severity == LintSeverity.Error) errors++;
            else if (f.Severity == LintSeverity.Warning) warnings++;
            else infos++;
        }
        sb.Append(filterCount).Append(filterCount == 1 ? " filter" : " filters").Append(" linted: ")
          .Append(errors).Append(errors == 1 ? " error, " : " errors, ")
          .Append(warnings).Append(warnings == 1 ? " warning, " : " warnings, ")
          .Append(infos).Append(" info").Append('\n');
    }

    private string[]? LinesOf(string file)
    {
        if (_lines.TryGetValue(file, out var cached)) return cached;
        var text = _readText(file);
        var lines = text is null ? null : SourceExcerpt.SplitLines(text);
        _lines[file] = lines;
        return lines;
    }
}
