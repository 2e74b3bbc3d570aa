using System;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// Translates template regexes with <see cref="PythonRegexTranslator"/>. TEMPORARY: while the
/// translator is the text-scan stub, which mistakes the condition of <c>(?(name)…)</c> for a
/// group, conditions are hidden from it; a probe switches this off once the translator copes.
/// </summary>
internal static class TemplateRegexTranslation
{
    private const char Open = '\uE000';
    private const char Close = '\uE001';
    private static readonly Regex Condition = new(@"\(\?\((\w+)\)", RegexOptions.CultureInvariant);
    private static readonly Regex Hidden = new(Open + @"(\w+)" + Close, RegexOptions.CultureInvariant);
    private static readonly Lazy<bool> TranslatorHandlesConditions = new(Probe);

    public static string Translate(string pythonRegex)
    {
        if (pythonRegex.IndexOf("(?(", StringComparison.Ordinal) < 0 || TranslatorHandlesConditions.Value)
            return PythonRegexTranslator.Translate(pythonRegex);
        var hidden = Condition.Replace(pythonRegex, m => Open + m.Groups[1].Value + Close);
        return Hidden.Replace(PythonRegexTranslator.Translate(hidden), m => "(?(" + m.Groups[1].Value + ")");
    }

    private static bool Probe()
    {
        try
        {
            var regex = new Regex(PythonRegexTranslator.Translate("(?P<a>x)?(?(a)y|z)"));
            return regex.GetGroupNumbers().Length == 2 && regex.IsMatch("xy") && regex.Match("z").Success;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
