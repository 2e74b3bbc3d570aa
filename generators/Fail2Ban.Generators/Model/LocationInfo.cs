using Fail2Ban.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Fail2Ban.Generators.Model;

/// <summary>
/// A place in a <c>.conf</c> file (1-based line and column, length in characters on that line), kept
/// as plain data because Roslyn's <see cref="Location"/> is not value-equatable.
/// </summary>
internal sealed record LocationInfo(string FilePath, int Line, int Column, int Length)
{
    public static LocationInfo? From(SourceLocation? location, int length = 0) =>
        location is { } l ? new LocationInfo(l.File, l.Line, l.Column, length) : null;

    /// <summary><c>file(line,col)</c>, as compilers print it.</summary>
    public override string ToString() => FilePath + "(" + Line + "," + Column + ")";

    /// <summary>An external-file location: diagnostics print as <c>file.conf(line,col)</c>.</summary>
    public Location ToLocation()
    {
        var start = new LinePosition(System.Math.Max(0, Line - 1), System.Math.Max(0, Column - 1));
        var end = new LinePosition(start.Line, start.Character + System.Math.Max(0, Length));
        return Location.Create(FilePath, new TextSpan(0, 0), new LinePositionSpan(start, end));
    }
}
