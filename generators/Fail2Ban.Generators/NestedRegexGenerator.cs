using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using Fail2Ban.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fail2Ban.Generators;

/// <summary>
/// Runs the SDK's own RegexGenerator on our <c>[GeneratedRegex]</c> declarations. Generators do not see
/// each other's output, so we compile the declarations alone in a one-tree compilation, run the SDK
/// generator there with a driver and add its output under our hint name (byte-identical to what the
/// SDK generator would emit for the same declarations in the consumer).
/// </summary>
internal static class NestedRegexGenerator
{
    private const string AssemblyName = "System.Text.RegularExpressions.Generator";
    private const string TypeName = "System.Text.RegularExpressions.Generator.RegexGenerator";

    /// <summary>The outcome: the generated source, or why there is none (then the caller falls back to Compiled).</summary>
    internal readonly struct Outcome
    {
        public Outcome(string? source, string? failure, IReadOnlyList<string> problems)
        {
            Source = source;
            Failure = failure;
            Problems = problems;
        }

        public string? Source { get; }

        public string? Failure { get; }

        /// <summary>Warnings or errors the SDK generator reported (e.g. a pattern it could not handle).</summary>
        public IReadOnlyList<string> Problems { get; }
    }

    public static Outcome Run(string declarations, RegexEnvironment env, CancellationToken cancellationToken)
    {
        if (!env.HasGeneratedRegexAttribute)
            return Fail("the target framework has no GeneratedRegexAttribute (it needs .NET 7 or later)");
        if (env.ParseOptions.LanguageVersion < LanguageVersion.CSharp11)
            return Fail("the SDK's regex code needs C# 11 or later (LangVersion is " + env.ParseOptions.LanguageVersion.ToDisplayString() + ")");
        var generator = FindGenerator(env.RegexMajorVersion);
        if (generator is null)
            return Fail("the SDK's RegexGenerator " + env.RegexMajorVersion + ".x is not loaded in the compiler");
        try
        {
            var tree = CSharpSyntaxTree.ParseText(declarations, env.ParseOptions, path: "Fail2Ban.Regexes.cs", cancellationToken: cancellationToken);
            var compilation = CSharpCompilation.Create("Fail2Ban.NestedRegex", new[] { tree }, env.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: env.AllowUnsafe,
                    nullableContextOptions: NullableContextOptions.Enable));
            var driver = CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: env.ParseOptions);
            var result = driver.RunGenerators(compilation, cancellationToken).GetRunResult();
            var run = result.Results[0];
            if (run.Exception is { } exception)
                return Fail("the SDK's RegexGenerator failed: " + exception.Message);
            var problems = run.Diagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            if (run.GeneratedSources.Length == 0)
                return new Outcome(null, "the SDK's RegexGenerator produced no code" + (problems.Count > 0 ? " (" + problems[0] + ")" : ""), problems);
            return new Outcome(run.GeneratedSources[0].SourceText.ToString(), null, problems);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            return Fail("running the SDK's RegexGenerator failed: " + e.GetType().Name + ": " + e.Message);
        }
    }

    private static Outcome Fail(string why) => new(null, why, Array.Empty<string>());

    /// <summary>
    /// The SDK generator is already loaded (it is an analyzer of every net7+ project), possibly in another
    /// load context and in several versions (compiler server, IDE): take the one whose major version
    /// matches the regex library this compilation references.
    /// </summary>
    private static IIncrementalGenerator? FindGenerator(int wantedMajor)
    {
        Assembly? best = null;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = assembly.GetName();
            if (name.Name != AssemblyName || name.Version is null || name.Version.Major != wantedMajor) continue;
            if (best is null || name.Version > best.GetName().Version) best = assembly;
        }
        var type = best?.GetType(TypeName, throwOnError: false);
        if (type is null) return null;
        try
        {
            return Activator.CreateInstance(type) as IIncrementalGenerator;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
