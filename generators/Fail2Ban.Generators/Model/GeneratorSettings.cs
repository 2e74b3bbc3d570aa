namespace Fail2Ban.Generators.Model;

/// <summary>Project-wide settings from MSBuild properties (<c>build_property.*</c>).</summary>
internal sealed record GeneratorSettings(string Namespace, RegexMode RegexMode, string? Error);
