using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Translates a plain Python <c>re</c> pattern (no Fail2Ban tags) into a .NET pattern with the same
/// meaning under <c>RegexOptions.CultureInvariant</c>: parsed by <see cref="PythonRegexParser"/>,
/// written by <see cref="DotNetRegexWriter"/>.
/// </summary>
public static class PythonRegexTranslator
{
    /// <summary>
    /// The .NET name of Python's unnamed capturing group number <paramref name="pythonGroupNumber"/>: the
    /// number itself, so <c>match.Groups[UnnamedGroupName(n)]</c> and <c>match.Groups[n]</c> are Python's
    /// group n (.NET numbers unnamed groups before named ones; the writer numbers them explicitly when needed).
    /// </summary>
    public static string UnnamedGroupName(int pythonGroupNumber) => pythonGroupNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Translates <paramref name="pythonPattern"/>. Throws <see cref="Fail2BanException"/> (id RegexSyntax,
    /// RegexUnsupported, DuplicateGroupName or GlobalFlagNotAtStart) whose inner
    /// <see cref="RegexTranslationException"/> carries the offset and length in <paramref name="pythonPattern"/>.
    /// </summary>
    public static string Translate(string pythonPattern) => Translate(pythonPattern, null);

    /// <summary>As <see cref="Translate(string)"/>, also collecting the rewrites made into <paramref name="notes"/>.</summary>
    public static string Translate(string pythonPattern, ICollection<TranslationNote>? notes)
    {
        try
        {
            var tree = PythonRegexParser.Parse(pythonPattern);
            var pattern = DotNetRegexWriter.Write(tree, notes);
            EnsureCompiles(pattern, RegexOptions.CultureInvariant, pythonPattern.Length);
            return pattern;
        }
        catch (RegexTranslationException e)
        {
            throw new Fail2BanException(e.Id, e.Message + " at position " + e.Offset, null, e);
        }
    }

    /// <summary>Compiles <paramref name="pattern"/> once; a .NET rejection becomes RegexUnsupported over the whole input.</summary>
    internal static Regex EnsureCompiles(string pattern, RegexOptions options, int inputLength)
    {
        try
        {
            return new Regex(pattern, options);
        }
        catch (ArgumentException e)
        {
            throw new RegexTranslationException(DiagnosticIds.RegexUnsupported,
                "the .NET translation does not compile: " + e.Message, 0, inputLength, e);
        }
    }
}
