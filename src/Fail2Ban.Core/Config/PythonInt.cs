using Fail2Ban.Core.Text;
using System.Globalization;

namespace Fail2Ban.Core.Config;

/// <summary>Python's <c>int(str)</c> for the <c>maxlines</c> option: surrounding whitespace, a sign,
/// any Unicode decimal digits and single underscores between digits are accepted.</summary>
internal static class PythonInt
{
    /// <summary>False when Python's <c>int()</c> would raise; <paramref name="overflow"/> when the value is valid but does not fit an int.</summary>
    public static bool TryParse(string text, out int value, out bool overflow)
    {
        value = 0;
        overflow = false;
        var (i, end) = PythonText.StripBounds(text, 0, text.Length);
        if (i == end) return false;
        var negative = false;
        if (text[i] == '+' || text[i] == '-')
        {
            negative = text[i] == '-';
            i++;
        }
        long acc = 0;
        var digits = 0;
        var lastWasUnderscore = false;
        for (; i < end; i++)
        {
            var c = text[i];
            if (c == '_')
            {
                if (digits == 0 || lastWasUnderscore) return false;
                lastWasUnderscore = true;
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.DecimalDigitNumber) return false;
            var d = (int)CharUnicodeInfo.GetNumericValue(c);
            if (d < 0 || d > 9) return false;
            lastWasUnderscore = false;
            digits++;
            if (!overflow)
            {
                acc = acc * 10 + d;
                if (acc > (long)int.MaxValue + 1) overflow = true;
            }
        }
        if (digits == 0 || lastWasUnderscore) return false;
        if (negative) acc = -acc;
        if (overflow || acc > int.MaxValue || acc < int.MinValue)
        {
            overflow = true;
            return true;
        }
        value = (int)acc;
        return true;
    }
}
