namespace Fail2Ban.Core.Patterns;

/// <summary>Which filter option a regex comes from; decides flags and validity rules (spec 2.6, 2.7).</summary>
public enum FilterRegexKind
{
    /// <summary>A <c>failregex</c> line: MULTILINE when maxlines &gt; 1; needs a failure-id group.</summary>
    Fail,
    /// <summary>The <c>prefregex</c>: never MULTILINE.</summary>
    Prefix,
    /// <summary>An <c>ignoreregex</c> line: never MULTILINE.</summary>
    Ignore,
}
