using System;

namespace Fail2Ban.Generators.Model;

/// <summary>An include-only config file (path and text), available to every filter's <c>[INCLUDES]</c>.</summary>
internal sealed record IncludeFile(string Path, string Text) : IComparable<IncludeFile>
{
    public int CompareTo(IncludeFile? other) => string.CompareOrdinal(Path, other?.Path);
}
