namespace Fail2Ban.Core.Text;

/// <summary>A place in a source file: 1-based line and column (columns count UTF-16 chars).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>MSBuild/compiler form: <c>file(line,col)</c>.</summary>
    public override string ToString() => File + "(" + Line + "," + Column + ")";
}
