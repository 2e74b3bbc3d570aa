using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Fail2Ban.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fail2Ban.Generators;

/// <summary>
/// Turns Fail2Ban filter <c>.conf</c> files given as AdditionalFiles (metadata <c>Fail2BanFilter="true"</c>;
/// include-only files <c>Fail2BanFilter="include"</c>) into typed matcher classes whose regexes are
/// translated, and in Generated mode compiled to C#, at build time.
/// </summary>
/// <remarks>
/// Pipeline: tagged files → per-filter <see cref="FilterSpec"/> (read with the includes in memory,
/// every mode translated; equatable, so comment edits and unrelated include edits stop here) →
/// <see cref="GeneratedUnit"/> (emitted text, nested RegexGenerator run) → sources and diagnostics.
/// Nothing here throws: every failure becomes a diagnostic on the filter's <c>.conf</c>.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class FilterMatcherGenerator : IIncrementalGenerator
{
    internal const string FilterMetadata = "build_metadata.AdditionalFiles.Fail2BanFilter";
    internal const string OptionsMetadata = "build_metadata.AdditionalFiles.Fail2BanOptions";
    internal const string RegexModeMetadata = "build_metadata.AdditionalFiles.Fail2BanRegexMode";
    internal const string ClassNameMetadata = "build_metadata.AdditionalFiles.Fail2BanClassName";
    internal const string NamespaceProperty = "build_property.Fail2BanNamespace";
    internal const string RegexModeProperty = "build_property.Fail2BanRegexMode";
    internal const string RootNamespaceProperty = "build_property.RootNamespace";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => Parser.ReadSettings(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var configFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, ct) => Parser.ReadConfigFile(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .Where(file => file is not null)
            .Select((file, _) => file!)
            .WithTrackingName(TrackingNames.ConfigFiles);

        var filters = configFiles
            .Where(file => file.Kind == ConfigFileKind.Filter)
            .WithTrackingName(TrackingNames.Filters);

        // Every include goes to every filter: the reader decides which ones a filter reads, and a filter
        // whose resolved spec does not change is cached from the next step on.
        var includes = configFiles
            .Where(file => file.Kind == ConfigFileKind.Include)
            .Select((file, _) => new IncludeFile(file.Path, file.Text, file.Decoding))
            .Collect()
            .Select((list, _) => Sorted(list))
            .WithTrackingName(TrackingNames.Includes);

        var specs = filters
            .Combine(includes)
            .Combine(settings)
            .Select((input, ct) => Parser.Parse(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.FilterSpecs);

        var environment = context.CompilationProvider
            .Select((compilation, _) => RegexEnvironment.From(compilation))
            .WithTrackingName(TrackingNames.RegexEnvironment);

        var units = specs
            .Combine(environment)
            .Select((input, ct) => Build(input.Left, input.Right, ct))
            .WithTrackingName(TrackingNames.Units);

        // Two filter files that map to one class name would collide: both are reported, neither is emitted.
        var duplicateClasses = specs
            .Select((spec, _) => new ClassNameClaim(Emitter.HintPrefix(spec), spec.SourcePath))
            .Collect()
            .Select((claims, _) => DuplicateClasses(claims));

        context.RegisterSourceOutput(units.Combine(duplicateClasses), static (spc, pair) => AddUnit(spc, pair.Left, pair.Right));
        context.RegisterSourceOutput(duplicateClasses, static (spc, duplicates) =>
        {
            foreach (var info in duplicates.Diagnostics) spc.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(info));
        });
        context.RegisterSourceOutput(settings, static (spc, s) =>
        {
            if (s.Error is { } error)
                spc.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(
                    new DiagnosticInfo(GeneratorDiagnosticIds.InvalidSetting, DiagnosticLevel.Error, error, null)));
        });

    }

    private static EquatableArray<IncludeFile> Sorted(ImmutableArray<IncludeFile> files)
    {
        var array = new IncludeFile[files.Length];
        files.CopyTo(array);
        Array.Sort(array);
        return new EquatableArray<IncludeFile>(array);
    }

    /// <summary>Emits the sources of one filter; runs the SDK's RegexGenerator in Generated mode.</summary>
    internal static GeneratedUnit Build(FilterSpec spec, RegexEnvironment environment, CancellationToken cancellationToken)
    {
        var hint = Emitter.HintPrefix(spec);
        var diagnostics = new List<DiagnosticInfo>(spec.Diagnostics);
        if (!spec.CanEmit) return new GeneratedUnit(hint, null, null, null, new EquatableArray<DiagnosticInfo>(diagnostics));
        if (environment.ParseOptions.LanguageVersion < Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9)
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnosticIds.InvalidSetting, DiagnosticLevel.Error,
                "The matcher for '" + spec.FilterName + "' needs C# 9 or later (LangVersion is "
                + Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(environment.ParseOptions.LanguageVersion) + ")",
                new LocationInfo(spec.SourcePath, 1, 1, 0)));
            return new GeneratedUnit(hint, null, null, null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }
        try
        {
            var mode = spec.RegexMode;
            string? regexSource = null;
            var declarations = Emitter.RegexDeclarations(spec, mode);
            if (mode == RegexMode.Generated && spec.Regexes.Count > 0)
            {
                var outcome = NestedRegexGenerator.Run(declarations, environment, cancellationToken);
                if (outcome.Source is null)
                {
                    diagnostics.Add(new DiagnosticInfo(GeneratorDiagnosticIds.RegexGeneratorFallback, DiagnosticLevel.Info,
                        "Filter '" + spec.FilterName + "' uses RegexOptions.Compiled instead of generated regex code: " + outcome.Failure,
                        new LocationInfo(spec.SourcePath, 1, 1, 0)));
                    declarations = Emitter.RegexDeclarations(spec, RegexMode.Compiled);
                }
                else
                {
                    regexSource = outcome.Source;
                }
                foreach (var problem in outcome.Problems)
                    diagnostics.Add(new DiagnosticInfo(GeneratorDiagnosticIds.RegexGeneratorDiagnostic, DiagnosticLevel.Warning,
                        "RegexGenerator on filter '" + spec.FilterName + "': " + problem, new LocationInfo(spec.SourcePath, 1, 1, 0)));
            }
            return new GeneratedUnit(hint, declarations, Emitter.Matcher(spec), regexSource, new EquatableArray<DiagnosticInfo>(diagnostics));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnosticIds.InternalError, DiagnosticLevel.Error,
                "Generating the matcher for '" + spec.FilterName + "' failed: " + e.GetType().Name + ": " + e.Message,
                new LocationInfo(spec.SourcePath, 1, 1, 0)));
            return new GeneratedUnit(hint, null, null, null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }
    }

    private static void AddUnit(SourceProductionContext context, GeneratedUnit unit, ClassNameConflicts conflicts)
    {
        foreach (var info in unit.Diagnostics) context.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(info));
        if (conflicts.Names.Contains(unit.HintName, StringComparer.OrdinalIgnoreCase)) return;
        if (unit.DeclarationsSource is { } declarations)
            context.AddSource(unit.HintName + ".Regexes.g.cs", SourceText.From(declarations, System.Text.Encoding.UTF8));
        if (unit.MatcherSource is { } matcher)
            context.AddSource(unit.HintName + ".g.cs", SourceText.From(matcher, System.Text.Encoding.UTF8));
        if (unit.RegexSource is { } regexes)
            context.AddSource(unit.HintName + ".RegexGenerator.g.cs", SourceText.From(regexes, System.Text.Encoding.UTF8));
    }

    /// <summary>
    /// One error per filter whose class name another filter also generates, or one differing only in case
    /// (<c>ab.conf</c> and <c>AB.conf</c>): hint names are compared case-insensitively, so those would crash the
    /// generator (CS8785) and lose every filter's sources.
    /// </summary>
    private static ClassNameConflicts DuplicateClasses(ImmutableArray<ClassNameClaim> claims)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var spellings = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var claim in claims)
        {
            if (!byName.TryGetValue(claim.FullName, out var paths))
            {
                byName[claim.FullName] = paths = new List<string>();
                spellings[claim.FullName] = new List<string>();
            }
            paths.Add(claim.Path);
            if (!spellings[claim.FullName].Contains(claim.FullName)) spellings[claim.FullName].Add(claim.FullName);
        }
        var result = new List<DiagnosticInfo>();
        var names = new List<string>();
        foreach (var pair in byName)
        {
            if (pair.Value.Count < 2) continue;
            var spelled = spellings[pair.Key];
            spelled.Sort(StringComparer.Ordinal);
            names.AddRange(spelled);
            pair.Value.Sort(StringComparer.Ordinal);
            var what = spelled.Count == 1 ? "all generate class " + spelled[0]
                : "generate classes whose names differ only in case (" + string.Join(", ", spelled) + "), which cannot be told apart as generated file names";
            foreach (var path in pair.Value)
                result.Add(new DiagnosticInfo(GeneratorDiagnosticIds.DuplicateClassName, DiagnosticLevel.Error,
                    "Filters " + string.Join(", ", pair.Value) + " " + what
                    + "; set Fail2BanClassName metadata on one of them", new LocationInfo(path, 1, 1, 0)));
        }
        return new ClassNameConflicts(new EquatableArray<string>(names), new EquatableArray<DiagnosticInfo>(result));
    }

    /// <summary>A filter's claim on a generated class name (for the duplicate check).</summary>
    private sealed record ClassNameClaim(string FullName, string Path);

    /// <summary>Class names generated by more than one filter, and the errors that say so.</summary>
    private sealed record ClassNameConflicts(EquatableArray<string> Names, EquatableArray<DiagnosticInfo> Diagnostics);
}
