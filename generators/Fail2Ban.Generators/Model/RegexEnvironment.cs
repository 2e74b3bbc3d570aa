using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fail2Ban.Generators.Model;

/// <summary>
/// What the nested RegexGenerator run needs from the consumer's compilation: the few BCL references
/// the regex declarations use, the parse options (the SDK generator emits <c>file</c> types), whether
/// unsafe code is allowed, and the major version of the regex library (to pick the matching generator).
/// </summary>
/// <remarks>
/// Equality compares the references by identity: a <c>.cs</c> edit makes a new Compilation over the same
/// reference objects, so this value stays equal and the expensive step downstream stays cached.
/// </remarks>
internal sealed class RegexEnvironment : IEquatable<RegexEnvironment>
{
    private static readonly HashSet<string> WantedAssemblies = new(StringComparer.Ordinal)
    {
        "System.Runtime", "System.Text.RegularExpressions", "netstandard", "mscorlib", "System.Private.CoreLib",
        "System.Collections", "System.Memory", "System.Runtime.InteropServices", "System.Runtime.Intrinsics",
    };

    private RegexEnvironment(ImmutableArray<MetadataReference> references, CSharpParseOptions parseOptions, bool allowUnsafe,
        int regexMajorVersion, bool hasGeneratedRegexAttribute)
    {
        References = references;
        ParseOptions = parseOptions;
        AllowUnsafe = allowUnsafe;
        RegexMajorVersion = regexMajorVersion;
        HasGeneratedRegexAttribute = hasGeneratedRegexAttribute;
    }

    public ImmutableArray<MetadataReference> References { get; }

    public CSharpParseOptions ParseOptions { get; }

    public bool AllowUnsafe { get; }

    public int RegexMajorVersion { get; }

    /// <summary>False on targets without <c>GeneratedRegexAttribute</c> (before .NET 7): Generated mode falls back.</summary>
    public bool HasGeneratedRegexAttribute { get; }

    public static RegexEnvironment From(Compilation compilation)
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var reference in compilation.References)
        {
            // Names from the symbols, not reference.Display: in-memory references have no path.
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol a && WantedAssemblies.Contains(a.Identity.Name))
                builder.Add(reference);
        }
        var attribute = compilation.GetTypeByMetadataName("System.Text.RegularExpressions.GeneratedRegexAttribute");
        var parseOptions = CSharpParseOptions.Default;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.Options is CSharpParseOptions p) parseOptions = p;
            break;
        }
        var allowUnsafe = compilation.Options is CSharpCompilationOptions o && o.AllowUnsafe;
        return new RegexEnvironment(builder.ToImmutable(), parseOptions, allowUnsafe,
            attribute?.ContainingAssembly.Identity.Version.Major ?? 0, attribute is not null);
    }

    public bool Equals(RegexEnvironment? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (AllowUnsafe != other.AllowUnsafe || RegexMajorVersion != other.RegexMajorVersion
            || HasGeneratedRegexAttribute != other.HasGeneratedRegexAttribute || !ParseOptions.Equals(other.ParseOptions)
            || References.Length != other.References.Length)
            return false;
        for (var i = 0; i < References.Length; i++)
            if (!ReferenceEquals(References[i], other.References[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as RegexEnvironment);

    public override int GetHashCode() => unchecked(References.Length * 397 ^ RegexMajorVersion);
}
