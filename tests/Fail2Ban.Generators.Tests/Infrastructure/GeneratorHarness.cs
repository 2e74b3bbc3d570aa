using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fail2Ban.Generators.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="FilterMatcherGenerator"/> as the compiler would: filters and includes as AdditionalFiles
/// with their metadata, MSBuild properties, a consumer compilation over offline .NET 10 reference
/// assemblies plus Fail2Ban.Core, and a driver that tracks incremental steps.
/// </summary>
internal sealed class GeneratorHarness
{
    public const string Root = "/consumer/filters/";

    private static readonly Lazy<bool> RegexGeneratorLoaded = new(LoadSdkRegexGenerator);

    private readonly List<AdditionalText> _texts = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _metadata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal)
    {
        ["build_property.Fail2BanNamespace"] = "Consumer.Filters",
        ["build_property.Fail2BanRegexMode"] = "Compiled",
    };

    public GeneratorHarness()
    {
        _ = RegexGeneratorLoaded.Value;
    }

    public IReadOnlyList<AdditionalText> Texts => _texts;

    public GeneratorHarness Property(string name, string value)
    {
        _properties["build_property." + name] = value;
        return this;
    }

    public GeneratorHarness Filter(string name, string text, string? options = null, string? regexMode = null, string? className = null)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["build_metadata.AdditionalFiles.Fail2BanFilter"] = "true" };
        if (options is not null) metadata["build_metadata.AdditionalFiles.Fail2BanOptions"] = options;
        if (regexMode is not null) metadata["build_metadata.AdditionalFiles.Fail2BanRegexMode"] = regexMode;
        if (className is not null) metadata["build_metadata.AdditionalFiles.Fail2BanClassName"] = className;
        return Add(name, text, metadata);
    }

    /// <summary>A filter the compiler read with <paramref name="encoding"/> (UTF-16 after a byte order mark, a code page for bytes that are not UTF-8).</summary>
    public GeneratorHarness FilterReadAs(string name, string text, System.Text.Encoding encoding)
    {
        var path = Root + name;
        _texts.Add(new TestAdditionalText(path, text, encoding));
        _metadata[path] = new Dictionary<string, string>(StringComparer.Ordinal) { ["build_metadata.AdditionalFiles.Fail2BanFilter"] = "true" };
        return this;
    }

    public GeneratorHarness Include(string name, string text) =>
        Add(name, text, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Fail2BanFilter"] = "include" });

    /// <summary>An AdditionalFile that is not tagged for the generator.</summary>
    public GeneratorHarness Untagged(string name, string text) => Add(name, text, new Dictionary<string, string>());

    private GeneratorHarness Add(string name, string text, IReadOnlyDictionary<string, string> metadata)
    {
        var path = name.StartsWith("/", StringComparison.Ordinal) ? name : Root + name;
        _texts.Add(new TestAdditionalText(path, text));
        _metadata[path] = metadata;
        return this;
    }

    public TestOptionsProvider Options() =>
        new(_properties, _metadata.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>A consumer compilation: one user file, .NET 10 references and Fail2Ban.Core.</summary>
    public static CSharpCompilation Compilation(string userCode = "namespace Consumer { public static class Program { public static void Main() { } } }") =>
        CSharpCompilation.Create("Consumer",
            new[] { CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "/consumer/Program.cs") },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static ImmutableArray<MetadataReference> References { get; } =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Fail2Ban.Core.Matching.FilterMatcher).Assembly.Location))
            .ToImmutableArray();

    public GeneratorDriver Driver(CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new FilterMatcherGenerator().AsSourceGenerator() },
            _texts,
            parseOptions ?? ParseOptions,
            Options(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on a fresh compilation.</summary>
    public GeneratorOutcome Run(CSharpCompilation? compilation = null, CSharpParseOptions? parseOptions = null)
    {
        compilation ??= Compilation();
        var driver = Driver(parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorOutcome(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }

    /// <summary>
    /// The SDK's RegexGenerator must be loaded for Generated mode (the compiler has it loaded as an
    /// analyzer of every net7+ project; a test process has to load it itself).
    /// </summary>
    private static bool LoadSdkRegexGenerator()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return false;
        var major = Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
        var dir = Directory.GetDirectories(packs).Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal))
            .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
        var dll = dir is null ? null : Path.Combine(dir, "analyzers", "dotnet", "cs", "System.Text.RegularExpressions.Generator.dll");
        if (dll is null || !File.Exists(dll)) return false;
        Assembly.LoadFrom(dll);
        return true;
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutcome(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Generated source by hint name.</summary>
    public string Source(string hintName) =>
        Result.Results[0].GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<string> HintNames => Result.Results[0].GeneratedSources.Select(s => s.HintName);

    /// <summary>Errors of the output compilation (generated code included).</summary>
    public IReadOnlyList<Diagnostic> CompileErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Diagnostics as a compiler prints them: <c>file(line,col): severity ID: message</c>.</summary>
    public IReadOnlyList<string> DiagnosticLines => GeneratorDiagnostics.Select(Format).ToList();

    public static string Format(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = d.Location == Location.None ? "" : span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): ";
        return where + d.Severity.ToString().ToLowerInvariant() + " " + d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Emits the output compilation and loads it (generated matchers can then run).</summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Format)));
        return Assembly.Load(stream.ToArray());
    }
}
