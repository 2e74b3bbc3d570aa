using System;

namespace Fail2Ban.Core.Dates;

/// <summary>How a date template's regex is anchored (Fail2Ban's template flags, same values).</summary>
[Flags]
public enum DateTemplateFlags
{
    /// <summary>No boundary.</summary>
    None = 0,
    /// <summary><c>(?=\b|\W|$)</c> was appended.</summary>
    WordEnd = 1,
    /// <summary><c>(?=^|\b|\W)</c> was prefixed.</summary>
    WordBegin = 2,
    /// <summary>The regex ends with <c>$</c>.</summary>
    LineEnd = 4,
    /// <summary>The regex starts with <c>^</c>, or <c>^(?:\W{0,2})?</c> was prefixed (<c>{^LN-BEG}</c>).</summary>
    LineBegin = 8,
}

/// <summary>What a template reads: strptime-like fields, Unix time, or TAI64N.</summary>
public enum DateTemplateKind
{
    /// <summary>A pattern with <c>%</c> directives (or any regex with date-field groups).</summary>
    Pattern,
    /// <summary>Seconds since the epoch (<c>EPOCH</c>, <c>{EPOCH}</c>).</summary>
    Epoch,
    /// <summary>Seconds, milliseconds or microseconds since the epoch (<c>LEPOCH</c>, <c>{LEPOCH}</c>).</summary>
    LongEpoch,
    /// <summary>A TAI64N label <c>@4000…</c>.</summary>
    Tai64N,
}
