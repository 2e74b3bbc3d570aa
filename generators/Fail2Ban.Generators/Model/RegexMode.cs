namespace Fail2Ban.Generators.Model;

/// <summary>How the generated matcher gets its <c>Regex</c> objects (MSBuild <c>Fail2BanRegexMode</c>).</summary>
internal enum RegexMode
{
    /// <summary>C# code emitted at build time by the SDK's RegexGenerator, run inside this generator.</summary>
    Generated,
    /// <summary><c>new Regex(pattern, RegexOptions.Compiled)</c>, created on first use.</summary>
    Compiled,
}
