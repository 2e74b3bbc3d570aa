using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fail2Ban.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Fail2Ban.Analyzers.Tests;

/// <summary>
/// What only the compiler path meets: files Roslyn decodes from their bytes (a UTF-8 byte order mark), and an engine
/// that throws (an internal error is F2B9001 at the filter, never zero findings or AD0001).
/// </summary>
public sealed class CompilerPathTests
{
    private const string Filter = "[Definition]\nfailregex = ^x <HOST>(?::\\d+)?$\n";

    /// <summary>An AdditionalFile whose text Roslyn decodes from bytes, as the compiler reads files from disk.</summary>
    private sealed class BytesAdditionalText(string path, byte[] bytes) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(new MemoryStream(bytes), canBeEmbedded: true);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> RunOnBytes(string path, byte[] bytes) =>
        AnalyzerHarness.Run(new[] { new BytesAdditionalText(path, bytes) }, new Dictionary<string, string> { [path] = "true" });

    [Fact]
    public async Task A_filter_starting_with_a_UTF8_byte_order_mark_is_rejected_as_Fail2Ban_rejects_it()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(Filter)).ToArray();
        var diagnostic = Assert.Single(await RunOnBytes("/proj/filters/bom.conf", bytes));
        Assert.Equal("/proj/filters/bom.conf(1,1): error " + DiagnosticIds.ConfigSyntax, AnalyzerHarness.Format(diagnostic));
        Assert.Contains("byte order mark", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_filter_without_the_mark_is_clean()
    {
        Assert.Empty(await RunOnBytes("/proj/filters/plain.conf", System.Text.Encoding.UTF8.GetBytes(Filter)));
    }

    [Fact]
    public async Task An_engine_failure_is_an_internal_error_at_the_filter_and_the_other_filters_are_still_analyzed()
    {
        FilterFileAnalyzer.BeforeLint = path =>
        {
            if (path.EndsWith("/boom.conf", StringComparison.Ordinal)) throw new InvalidOperationException("injected failure");
        };
        try
        {
            var diagnostics = await AnalyzerHarness.Run(new[]
            {
                ("/proj/filters/boom.conf", Filter, (string?)"true"),
                ("/proj/filters/other.conf", "[Definition]\nfailregex = ^(unclosed <HOST>\n", (string?)"true"),
            });
            var boom = Assert.Single(diagnostics, d => d.Location.GetLineSpan().Path == "/proj/filters/boom.conf");
            Assert.Equal("/proj/filters/boom.conf(1,1): error " + DiagnosticIds.InternalError, AnalyzerHarness.Format(boom));
            Assert.Contains("InvalidOperationException: injected failure", boom.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("/proj/filters/other.conf(2,14): error F2B1010", diagnostics.Select(AnalyzerHarness.Format));
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
        finally
        {
            FilterFileAnalyzer.BeforeLint = null;
        }
    }
}
