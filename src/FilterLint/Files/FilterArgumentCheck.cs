using System.Text.RegularExpressions;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;

namespace FilterLint.Files;

/// <summary>
/// Catches a FILTER argument that names a filter but has a malformed option list
/// (<c>sshd[mode=aggressive</c>): fail2ban-regex would silently take the whole text as a literal
/// regex; a user gets a located error instead.
/// </summary>
internal static class FilterArgumentCheck
{
    private static readonly Regex NamePart = new(@"^/{0,3}[\w/_\-.]+$", RegexOptions.CultureInvariant);

    public static Fail2BanException? MalformedOptions(IConfigFileSource files, string configDirectory, string text,
        string currentDirectory, SourceLocation origin)
    {
        var bracket = text.IndexOf('[');
        if (bracket <= 0 || !NamePart.IsMatch(text.Substring(0, bracket))) return null;
        var named = FilterArgument.Resolve(files, configDirectory, text.Substring(0, bracket), currentDirectory, origin);
        if (named.Kind == FilterArgumentKind.LiteralRegex) return null;
        if (text.IndexOf(']', bracket) < 0)
            return new Fail2BanException(DiagnosticIds.FilterOptions,
                "malformed filter options in '" + text + "': the '[' has no closing ']'",
                origin with { Column = origin.Column + bracket });
        try
        {
            FilterReference.Parse(text, origin);
            return null;
        }
        catch (Fail2BanException e)
        {
            return e;
        }
    }
}
