namespace Fail2Ban.Generators.Model;

/// <summary>
/// A filter option that selects between alternatives (<c>mode</c>, <c>logtype</c>, …), found from references
/// such as <c>&lt;mdre-&lt;mode&gt;&gt;</c>: becomes a nested enum, so one class serves every value.
/// The first value is the filter's default.
/// </summary>
internal sealed record SelectorSpec(string Option, string EnumName, EquatableArray<SelectorValue> Values);

/// <summary>One value of a selector and its enum member name.</summary>
internal sealed record SelectorValue(string Value, string MemberName);
