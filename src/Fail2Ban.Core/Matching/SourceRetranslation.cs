using System;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// The Python syntax tree of a regex made without its translation: the source generator's matchers build their
/// <see cref="CompiledRegex"/> from the filter's source text and a regex compiled at build time, and keep no tree
/// (translating every regex at start-up would cost what the generator saves). A line that times out needs the tree
/// for <see cref="LinearRetry"/>, so the source is translated again then, once per regex.
/// </summary>
internal static class SourceRetranslation
{
    /// <summary>
    /// <paramref name="regex"/>'s source translated again, or null when no translation gives the very pattern and
    /// options it runs (the generator used another version of this engine, or the regex was not made from a filter
    /// regex): the tree must be that of the regex the line timed out on, else the retry could decide another pattern.
    /// </summary>
    public static FilterRegex? Of(CompiledRegex regex)
    {
        // MULTILINE (a failregex under maxlines > 1) shows in the options; the kind decides nothing else in the tree.
        var options = regex.Regex.Options & ~RegexOptions.Compiled;
        var multiline = (options & RegexOptions.Multiline) != 0;
        var pattern = regex.Regex.ToString();
        // usedns = no (<HOST> is ADDR) shows only in the pattern: the generator compiles with usedns = warn, tried first.
        foreach (var useDnsIsNo in new[] { false, true })
        {
            FilterRegex translated;
            try
            {
                translated = FilterRegexTranslator.Translate(regex.Source, FilterRegexKind.Fail, useDnsIsNo, multiline);
            }
            catch (RegexTranslationException)
            {
                return null; // the source no longer translates (another engine version): nothing to retry with
            }
            if (string.Equals(translated.DotNetPattern, pattern, StringComparison.Ordinal) && translated.Options == options) return translated;
        }
        return null;
    }
}
