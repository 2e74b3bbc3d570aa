using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Fail2Ban.Generators.Tests.Infrastructure;

/// <summary>An AdditionalFile held in memory.</summary>
internal sealed class TestAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    /// <param name="encoding">The encoding the compiler read the file with (null: given as text).</param>
    public TestAdditionalText(string path, string text, System.Text.Encoding? encoding = null)
    {
        Path = path;
        _text = SourceText.From(text, encoding);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
