using System;

namespace Fail2Ban.Generators.Model;

/// <summary>An include-only config file (path, text, and its UTF-8 decoding error if any), available to every filter's <c>[INCLUDES]</c>.</summary>
internal sealed record IncludeFile(string Path, string Text, DecodeFailure? Decoding = null) : IComparable<IncludeFile>
{
    public int CompareTo(IncludeFile? other) => string.CompareOrdinal(Path, other?.Path);
}
