using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fail2Ban.Generators.Tests.Infrastructure;

/// <summary>
/// Stands in for the editorconfig MSBuild generates: global <c>build_property.*</c> values and
/// per-file <c>build_metadata.AdditionalFiles.*</c> values keyed by path.
/// </summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _global;
    private readonly ImmutableDictionary<string, DictionaryOptions> _perFile;

    public TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile)
    {
        _global = new DictionaryOptions(global);
        var builder = ImmutableDictionary.CreateBuilder<string, DictionaryOptions>(StringComparer.Ordinal);
        foreach (var pair in perFile) builder[pair.Key] = new DictionaryOptions(pair.Value);
        _perFile = builder.ToImmutable();
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _perFile.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
