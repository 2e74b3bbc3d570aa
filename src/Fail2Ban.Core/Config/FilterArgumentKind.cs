namespace Fail2Ban.Core.Config;

/// <summary>What a <c>fail2ban-regex</c> FILTER argument designates.</summary>
public enum FilterArgumentKind
{
    /// <summary>A filter read with the standard algorithm from <c>ConfigDirectory/filter.d</c>.</summary>
    Named,
    /// <summary>A "foreign" filter file read on its own (with its includes and <c>.local</c> companion).</summary>
    File,
    /// <summary>Not a filter: the text is used as a literal failregex.</summary>
    LiteralRegex,
}
