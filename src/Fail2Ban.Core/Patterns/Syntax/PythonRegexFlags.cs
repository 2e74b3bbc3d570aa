using System;

namespace Fail2Ban.Core.Patterns;

/// <summary>Python <c>re</c> flags, with Python's numeric values (<c>re.I</c> = 2, …).</summary>
[Flags]
public enum PythonRegexFlags
{
    None = 0,
    /// <summary><c>t</c> (<c>re.TEMPLATE</c>, deprecated).</summary>
    Template = 1,
    /// <summary><c>i</c></summary>
    IgnoreCase = 2,
    /// <summary><c>L</c> (invalid with str patterns).</summary>
    Locale = 4,
    /// <summary><c>m</c></summary>
    Multiline = 8,
    /// <summary><c>s</c></summary>
    DotAll = 16,
    /// <summary><c>u</c> (the default for str patterns).</summary>
    Unicode = 32,
    /// <summary><c>x</c></summary>
    Verbose = 64,
    /// <summary><c>a</c>: ASCII-only <c>\w \d \s \b</c>.</summary>
    Ascii = 256,
}
