namespace Fail2Ban.Core.Patterns;

/// <summary>What kind of Fail2Ban tag a <see cref="TagExpansion"/> replaced.</summary>
public enum TagExpansionKind
{
    /// <summary><c>&lt;HOST&gt;</c> (HOST, or ADDR when <c>usedns = no</c>).</summary>
    Host,
    /// <summary>A fixed expansion: <c>&lt;ADDR&gt;</c>, <c>&lt;IP4&gt;</c>, <c>&lt;F-ID/&gt;</c> …</summary>
    Static,
    /// <summary><c>&lt;SKIPLINES&gt;</c></summary>
    SkipLines,
    /// <summary>An opening custom tag <c>&lt;F-NAME&gt;</c> → <c>(?P&lt;name&gt;</c>.</summary>
    CustomOpen,
    /// <summary>A closing custom tag <c>&lt;/F-NAME&gt;</c> → <c>)</c>.</summary>
    CustomClose,
}

/// <summary>One Fail2Ban tag replaced during regex preparation: where it was, what it became.</summary>
public sealed record TagExpansion(TagExpansionKind Kind, string Tag, PatternSpan SourceSpan, PatternSpan ExpandedSpan, string Expansion)
{
    /// <summary>For custom tags, the group name (<c>user</c>, <c>fid</c> …); else null.</summary>
    public string? GroupName { get; init; }
}
