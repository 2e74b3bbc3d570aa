using System.Collections.Generic;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Fail2Ban.Generators;

/// <summary>
/// The descriptors the generator reports: the engine's "filter does not compile" ids (errors; the few
/// the engine only warns about are reported with warning severity) and the generator's own F2B19xx.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Fail2Ban.Generator";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new();

    public static readonly DiagnosticDescriptor ConfigSyntax = Error(DiagnosticIds.ConfigSyntax, "Malformed filter configuration");
    public static readonly DiagnosticDescriptor MissingInclude = Error(DiagnosticIds.MissingInclude, "Included file not found");
    public static readonly DiagnosticDescriptor IncludeCycle = Error(DiagnosticIds.IncludeCycle, "Include cycle");
    public static readonly DiagnosticDescriptor Interpolation = Error(DiagnosticIds.Interpolation, "Interpolation failed");
    public static readonly DiagnosticDescriptor TagSubstitution = Error(DiagnosticIds.TagSubstitution, "Tag substitution failed");
    public static readonly DiagnosticDescriptor FilterOptions = Error(DiagnosticIds.FilterOptions, "Malformed filter options");
    public static readonly DiagnosticDescriptor FilterNotFound = Error(DiagnosticIds.FilterNotFound, "Filter not found");
    public static readonly DiagnosticDescriptor OptionValue = Error(DiagnosticIds.OptionValue, "Invalid option value");
    public static readonly DiagnosticDescriptor LimitExceeded = Error(DiagnosticIds.LimitExceeded, "Engine limit exceeded");
    public static readonly DiagnosticDescriptor RegexSyntax = Error(DiagnosticIds.RegexSyntax, "Invalid regular expression");
    public static readonly DiagnosticDescriptor RegexUnsupported = Error(DiagnosticIds.RegexUnsupported, "Regular expression has no .NET translation");
    public static readonly DiagnosticDescriptor NoFailureIdGroup = Error(DiagnosticIds.NoFailureIdGroup, "Failregex has no host or id group");
    public static readonly DiagnosticDescriptor EmptyRegex = Error(DiagnosticIds.EmptyRegex, "Empty regular expression");
    public static readonly DiagnosticDescriptor DuplicateGroupName = Error(DiagnosticIds.DuplicateGroupName, "Duplicate group name");
    public static readonly DiagnosticDescriptor GlobalFlagNotAtStart = Error(DiagnosticIds.GlobalFlagNotAtStart, "Global flag not at the start");
    public static readonly DiagnosticDescriptor DatePattern = Error(DiagnosticIds.DatePattern, "Invalid datepattern");

    public static readonly DiagnosticDescriptor RegexGeneratorFallback = Create(GeneratorDiagnosticIds.RegexGeneratorFallback,
        "RegexGenerator unavailable", DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor RegexGeneratorDiagnostic = Create(GeneratorDiagnosticIds.RegexGeneratorDiagnostic,
        "RegexGenerator reported a problem", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DuplicateClassName = Create(GeneratorDiagnosticIds.DuplicateClassName,
        "Duplicate filter class name", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidSetting = Create(GeneratorDiagnosticIds.InvalidSetting,
        "Invalid generator setting", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InternalError = Create(GeneratorDiagnosticIds.InternalError,
        "Filter matcher generator failed", DiagnosticSeverity.Error);

    /// <summary>Builds the Roslyn diagnostic for <paramref name="info"/> (unknown ids become internal errors).</summary>
    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = ById.TryGetValue(info.Id, out var d) ? d : InternalError;
        var severity = info.Level switch
        {
            DiagnosticLevel.Info => DiagnosticSeverity.Info,
            DiagnosticLevel.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Error,
        };
        return Diagnostic.Create(descriptor, info.Location?.ToLocation() ?? Location.None, severity,
            additionalLocations: null, properties: null, info.Message);
    }

    private static DiagnosticDescriptor Error(string id, string title) => Create(id, title, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity)
    {
        var descriptor = new DiagnosticDescriptor(id, title, "{0}", Category, severity, isEnabledByDefault: true,
            helpLinkUri: Fail2Ban.Core.Linting.RuleCatalog.HelpUriFor(id));
        ById[id] = descriptor;
        return descriptor;
    }
}
