namespace Fail2Ban.Generators.Model;

/// <summary>The filter as read with one <c>mode</c> value: indexes into <see cref="FilterSpec.Regexes"/>.</summary>
internal sealed record ModeSpec(
    string Value,
    string MemberName,
    int PrefRegex,
    EquatableArray<int> FailRegexes,
    EquatableArray<int> IgnoreRegexes,
    int MaxLines,
    string? DatePattern);
