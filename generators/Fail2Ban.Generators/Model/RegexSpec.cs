namespace Fail2Ban.Generators.Model;

/// <summary>
/// One distinct translated regex of a filter (shared by every mode that uses it): the member name in the
/// generated class, the regex as written in the <c>.conf</c> and where, and the .NET pattern and options.
/// </summary>
internal sealed record RegexSpec(
    string MemberName,
    RegexKind Kind,
    string Source,
    string DotNetPattern,
    int Options,
    EquatableArray<string> GroupNames,
    LocationInfo? Location,
    string UsedBy);
