using System.Globalization;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Python 3.11's Unicode character predicates for str patterns, and the .NET class texts that match
/// exactly the same characters (checked against CPython 3.11 over the whole BMP: <c>\w</c> is
/// "letter, number or <c>_</c>", <c>\s</c> is .NET's <c>\s</c> plus U+001C..U+001F).
/// </summary>
internal static class PythonCharCategories
{
    /// <summary>Python <c>\w</c> (Unicode) as members of a .NET class.</summary>
    public const string WordMembers = @"\p{L}\p{N}_";
    /// <summary>Python <c>\s</c> (Unicode) as members of a .NET class.</summary>
    public const string SpaceMembers = @"\s\x1C-\x1F";
    /// <summary>Python <c>\S</c> (Unicode) as class members: the complement of <see cref="SpaceMembers"/> in explicit ranges.</summary>
    public const string NotSpaceMembers =
        @"\x00-\x08\x0E-\x1B!-\x84\x86-\x9F\xA1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF\u3001-\uFFFF";

    /// <summary>Python <c>\w</c> under the ASCII flag.</summary>
    public const string AsciiWordMembers = "a-zA-Z0-9_";
    /// <summary>Python <c>\W</c> under the ASCII flag.</summary>
    public const string AsciiNotWordMembers = @"\x00-/:-@\[-\^`{-\uFFFF";
    /// <summary>Python <c>\d</c> under the ASCII flag.</summary>
    public const string AsciiDigitMembers = "0-9";
    /// <summary>Python <c>\D</c> under the ASCII flag.</summary>
    public const string AsciiNotDigitMembers = @"\x00-/:-\uFFFF";
    /// <summary>Python <c>\s</c> under the ASCII flag: space and <c>\t</c>..<c>\r</c>.</summary>
    public const string AsciiSpaceMembers = @"\t-\r ";
    /// <summary>Python <c>\S</c> under the ASCII flag.</summary>
    public const string AsciiNotSpaceMembers = @"\x00-\x08\x0E-\x1F!-\uFFFF";

    /// <summary>Python's <c>str.isspace()</c> (and <c>\s</c>): .NET white space plus U+001C..U+001F.</summary>
    public static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1C' && c <= '\x1F');

    /// <summary>Python <c>\w</c> for the code point at <paramref name="index"/> (letters, numbers, <c>_</c>).</summary>
    public static bool IsWordChar(string s, int index)
    {
        if (s[index] == '_') return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(s, index);
        return cat <= UnicodeCategory.OtherLetter || (cat >= UnicodeCategory.DecimalDigitNumber && cat <= UnicodeCategory.OtherNumber);
    }

    /// <summary>Python's <c>str.isidentifier()</c>, approximated by Unicode categories (XID_Start/XID_Continue).</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0) return false;
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsLowSurrogate(name[i]) && i > 0 && char.IsHighSurrogate(name[i - 1])) continue;
            var c = name[i];
            if (c == '_') continue;
            var cat = CharUnicodeInfo.GetUnicodeCategory(name, i);
            var start = cat <= UnicodeCategory.OtherLetter || cat == UnicodeCategory.LetterNumber;
            if (start) continue;
            if (i == 0) return false;
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation) continue;
            return false;
        }
        return true;
    }
}
