using System;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// A range in a source file: 1-based lines and columns, end exclusive (<see cref="EndColumn"/> is the
/// column just after the last character), as SARIF and Roslyn count them.
/// </summary>
public readonly record struct LintLocation(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A location of one character at <paramref name="line"/>/<paramref name="column"/>.</summary>
    public static LintLocation At(string file, int line, int column) => new(file, line, column, line, column + 1);

    /// <summary>A location covering the whole first line of a file (used when nothing more precise is known).</summary>
    public static LintLocation FileStart(string file) => new(file, 1, 1, 1, 1);

    /// <summary>Whether the range spans more than one line.</summary>
    public bool IsMultiLine => EndLine != Line;

    /// <summary>Orders locations by file, then position.</summary>
    public static int Compare(LintLocation a, LintLocation b)
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c != 0) return c;
        c = a.Line.CompareTo(b.Line);
        return c != 0 ? c : a.Column.CompareTo(b.Column);
    }

    /// <summary>MSBuild/compiler form: <c>file(line,col)</c>.</summary>
    public override string ToString() => File + "(" + Line + "," + Column + ")";

    internal LintLocation WithEnd(int endLine, int endColumn) =>
        endLine < Line || (endLine == Line && endColumn < Column) ? this : new(File, Line, Column, endLine, Math.Max(endColumn, 1));
}
