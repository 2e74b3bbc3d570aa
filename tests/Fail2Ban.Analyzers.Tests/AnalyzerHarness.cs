using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fail2Ban.Analyzers.Tests;

/// <summary>An in-memory AdditionalFile.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text, System.Text.Encoding? encoding = null)
    {
        Path = path;
        _text = SourceText.From(text, encoding);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Stands in for MSBuild's generated editorconfig: per-file metadata and global properties.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, Dictionary<string, string>> _perFile;

    public TestOptionsProvider(Dictionary<string, Dictionary<string, string>> perFile, Dictionary<string, string>? global = null)
    {
        _perFile = perFile;
        GlobalOptions = new Options(global ?? new Dictionary<string, string>());
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(_perFile.TryGetValue(textFile.Path, out var o) ? o : new Dictionary<string, string>());

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs <see cref="FilterFileAnalyzer"/> on a tiny compilation with .conf AdditionalFiles (offline references).</summary>
internal static class AnalyzerHarness
{
    /// <param name="files">path → (text, Fail2BanFilter metadata or null).</param>
    /// <param name="globalConfig">Optional <c>.globalconfig</c> text (is_global = true) for severities.</param>
    /// <param name="withGenerator">
    /// Runs the source generator too, as a project referencing both packages does (its props set
    /// <c>Fail2BanGeneratorReferenced</c>): the result is the generator's diagnostics and the analyzer's.
    /// </param>
    public static Task<ImmutableArray<Diagnostic>> Run(IEnumerable<(string Path, string Text, string? Kind)> files, string? globalConfig = null,
        bool withGenerator = false)
    {
        var texts = new List<AdditionalText>();
        var kinds = new Dictionary<string, string>();
        foreach (var (path, text, kind) in files)
        {
            texts.Add(new InMemoryAdditionalText(path, text));
            if (kind != null) kinds[path] = kind;
        }
        return Run(texts, kinds, globalConfig, withGenerator);
    }

    /// <param name="texts">The AdditionalFiles as the compiler would give them.</param>
    /// <param name="kinds">path → Fail2BanFilter metadata.</param>
    /// <param name="globalConfig">Optional <c>.globalconfig</c> text (is_global = true) for severities.</param>
    /// <param name="withGenerator">Runs the source generator too (see the overload above).</param>
    public static async Task<ImmutableArray<Diagnostic>> Run(IEnumerable<AdditionalText> texts, Dictionary<string, string> kinds, string? globalConfig = null,
        bool withGenerator = false)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }", path: "/src/C.cs");
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        if (globalConfig != null)
        {
            var parsed = AnalyzerConfig.Parse(globalConfig, "/.globalconfig");
            var set = AnalyzerConfigSet.Create(new[] { parsed });
            options = options.WithSpecificDiagnosticOptions(set.GlobalConfigOptions.TreeOptions);
        }
        var compilation = CSharpCompilation.Create("Consumer", new[] { tree }, Net100.References.All, options);
        var metadata = kinds.ToDictionary(k => k.Key, k => new Dictionary<string, string> { [FilterFileAnalyzer.FilterMetadata] = k.Value });
        var global = new Dictionary<string, string>();
        if (withGenerator)
        {
            global[FilterFileAnalyzer.GeneratorReferencedProperty] = "true";
            global["build_property.Fail2BanRegexMode"] = "Compiled";   // no nested RegexGenerator needed here
        }
        var provider = new TestOptionsProvider(metadata, global);
        var generated = ImmutableArray<Diagnostic>.Empty;
        if (withGenerator)
        {
            var driver = CSharpGeneratorDriver.Create(new[] { new Fail2Ban.Generators.FilterMatcherGenerator().AsSourceGenerator() },
                texts, (CSharpParseOptions)tree.Options, provider);
            var result = driver.RunGenerators(compilation).GetRunResult();
            generated = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray();
        }
        var analyzerOptions = new AnalyzerOptions(texts.ToImmutableArray(), provider);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FilterFileAnalyzer()), analyzerOptions);
        var diagnostics = generated.AddRange(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        return diagnostics.OrderBy(d => d.Location.GetLineSpan().Path).ThenBy(d => d.Location.GetLineSpan().StartLinePosition).ToImmutableArray();
    }

    /// <summary><c>path(line,col): severity ID</c> with 1-based positions, as the compiler prints them.</summary>
    public static string Format(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): "
            + d.Severity.ToString().ToLowerInvariant() + " " + d.Id;
    }
}
