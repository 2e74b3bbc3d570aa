namespace Fail2Ban.Generators.Model;

/// <summary>Which filter option a regex comes from.</summary>
internal enum RegexKind
{
    PrefRegex,
    FailRegex,
    IgnoreRegex,
}
