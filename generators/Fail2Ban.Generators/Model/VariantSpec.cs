namespace Fail2Ban.Generators.Model;

/// <summary>
/// The filter read with one combination of selector values (e.g. <c>mode=aggressive</c>, <c>logtype=journal</c>):
/// indexes into <see cref="FilterSpec.Regexes"/>, maxlines and datepattern. <see cref="Values"/> holds one value
/// per <see cref="FilterSpec.Selectors"/> entry.
/// </summary>
internal sealed record VariantSpec(
    EquatableArray<string> Values,
    int PrefRegex,
    EquatableArray<int> FailRegexes,
    EquatableArray<int> IgnoreRegexes,
    int MaxLines,
    string? DatePattern);
