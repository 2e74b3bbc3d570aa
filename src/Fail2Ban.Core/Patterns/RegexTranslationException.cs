using System;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// A regex that Python rejects, or that has no faithful .NET translation. Carries a diagnostic id
/// (<see cref="DiagnosticIds.RegexSyntax"/>, <see cref="DiagnosticIds.RegexUnsupported"/>,
/// <see cref="DiagnosticIds.DuplicateGroupName"/>, <see cref="DiagnosticIds.GlobalFlagNotAtStart"/>,
/// <see cref="DiagnosticIds.EmptyRegex"/>, <see cref="DiagnosticIds.NoFailureIdGroup"/>) and the
/// offending range of the string given to the API that threw (for <see cref="FilterRegexTranslator"/>,
/// the config-stage source string, before tag expansion).
/// </summary>
public sealed class RegexTranslationException : Exception
{
    public RegexTranslationException(string id, string message, int offset, int length, Exception? inner = null)
        : base(message, inner)
    {
        Id = id;
        Offset = offset;
        Length = length;
    }

    /// <summary>The diagnostic id (<see cref="DiagnosticIds"/>).</summary>
    public string Id { get; }

    /// <summary>Start of the offending text in the input string.</summary>
    public int Offset { get; }

    /// <summary>Length of the offending text (0 when it is a position).</summary>
    public int Length { get; }

    /// <summary>The same error located in the <c>.conf</c> through <paramref name="source"/> (the input string, with its origin).</summary>
    public Fail2BanException ToFail2BanException(LocatedString? source) =>
        new(Id, Message, source?.LocationAt(Math.Min(Offset, Math.Max(0, source.Text.Length - 1))), this);

    internal RegexTranslationException WithSpan(int offset, int length) => new(Id, Message, offset, length, InnerException);
}
