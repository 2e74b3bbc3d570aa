using System;
using System.Collections.Generic;
using System.Globalization;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// The characters a regex atom can match, known by testing a fixed probe alphabet (printable ASCII,
/// tab, and a few non-ASCII letters, digits and spaces). Enough to tell whether two atoms overlap,
/// which character to use in a generated line, and whether a class is "letters only".
/// </summary>
internal sealed class ProbeCharSet
{
    /// <summary>The probe alphabet: tab, printable ASCII, then non-ASCII representatives.</summary>
    public static readonly string Alphabet = BuildAlphabet();

    /// <summary>Characters preferred when one member must be chosen: plain, log-like ones first.</summary>
    private const string Preference = "xakzesnt1-0_.:/AXZ=@,;+#%()<>'\"[]!?*&$^`{}|~ \t\\é٣\u00A0€";

    private readonly bool[] _members;

    private ProbeCharSet(bool[] members) => _members = members;

    public static ProbeCharSet Empty { get; } = new(new bool[Alphabet.Length]);

    /// <summary>Every probe character except <c>\n</c> (which is not in the alphabet).</summary>
    public static ProbeCharSet Any { get; } = From(_ => true);

    /// <summary>The set of one literal character (both cases under ignore-case).</summary>
    public static ProbeCharSet OfChar(char c, bool ignoreCase) =>
        From(p => p == c || (ignoreCase && char.ToLowerInvariant(p) == char.ToLowerInvariant(c)));

    /// <summary>The set a class node matches.</summary>
    public static ProbeCharSet OfClass(CharClassNode node, bool ignoreCase, bool ascii) =>
        From(p => ClassMatches(node, p, ignoreCase, ascii));

    /// <summary>A set defined by a predicate over the probe alphabet.</summary>
    public static ProbeCharSet From(Func<char, bool> predicate)
    {
        var members = new bool[Alphabet.Length];
        for (var i = 0; i < Alphabet.Length; i++) members[i] = predicate(Alphabet[i]);
        return new ProbeCharSet(members);
    }

    public bool Contains(char c)
    {
        var i = Alphabet.IndexOf(c);
        return i >= 0 && _members[i];
    }

    public bool IsEmpty
    {
        get
        {
            foreach (var m in _members) if (m) return false;
            return true;
        }
    }

    /// <summary>Number of probe characters in the set.</summary>
    public int Count
    {
        get
        {
            var n = 0;
            foreach (var m in _members) if (m) n++;
            return n;
        }
    }

    public bool Overlaps(ProbeCharSet other)
    {
        for (var i = 0; i < _members.Length; i++) if (_members[i] && other._members[i]) return true;
        return false;
    }

    public ProbeCharSet Intersect(ProbeCharSet other)
    {
        var m = new bool[_members.Length];
        for (var i = 0; i < m.Length; i++) m[i] = _members[i] && other._members[i];
        return new ProbeCharSet(m);
    }

    public ProbeCharSet Union(ProbeCharSet other)
    {
        var m = new bool[_members.Length];
        for (var i = 0; i < m.Length; i++) m[i] = _members[i] || other._members[i];
        return new ProbeCharSet(m);
    }

    /// <summary>Whether every member satisfies <paramref name="predicate"/>.</summary>
    public bool All(Func<char, bool> predicate)
    {
        for (var i = 0; i < _members.Length; i++) if (_members[i] && !predicate(Alphabet[i])) return false;
        return true;
    }

    /// <summary>Whether some member satisfies <paramref name="predicate"/>.</summary>
    public bool Exists(Func<char, bool> predicate)
    {
        for (var i = 0; i < _members.Length; i++) if (_members[i] && predicate(Alphabet[i])) return true;
        return false;
    }

    /// <summary>The preferred member (see <see cref="Preference"/>), or null when empty.</summary>
    public char? Pick(int skip = 0)
    {
        foreach (var c in Preference)
        {
            if (!Contains(c)) continue;
            if (skip-- == 0) return c;
        }
        for (var i = 0; i < _members.Length; i++) if (_members[i] && skip-- <= 0) return Alphabet[i];
        return null;
    }

    /// <summary>The members, in preference order.</summary>
    public IEnumerable<char> Members()
    {
        foreach (var c in Preference) if (Contains(c)) yield return c;
        for (var i = 0; i < _members.Length; i++)
            if (_members[i] && Preference.IndexOf(Alphabet[i]) < 0) yield return Alphabet[i];
    }

    private static string BuildAlphabet()
    {
        var chars = new List<char> { '\t' };
        for (var c = ' '; c <= '~'; c++) chars.Add(c);
        chars.Add('é');      // a non-ASCII letter (\w in Python's Unicode mode)
        chars.Add('٣');      // a non-ASCII decimal digit (\d)
        chars.Add('\u00A0'); // a non-ASCII space (\s)
        chars.Add('€');      // a non-ASCII symbol
        return new string(chars.ToArray());
    }

    /// <summary>Whether the class node matches <paramref name="c"/> (any character, not only the probe alphabet).</summary>
    public static bool ClassMatches(CharClassNode node, char c, bool ignoreCase, bool ascii)
    {
        var hit = false;
        foreach (var item in node.Items)
        {
            if (ItemMatches(item, c, ascii)
                || (ignoreCase && (ItemMatches(item, char.ToLowerInvariant(c), ascii) || ItemMatches(item, char.ToUpperInvariant(c), ascii))))
            {
                hit = true;
                break;
            }
        }
        return hit != node.Negated;
    }

    private static bool ItemMatches(CharClassItem item, char c, bool ascii) => item.Kind switch
    {
        CharClassItemKind.Char => item.First == c,
        CharClassItemKind.Range => c >= item.First && c <= item.Last,
        _ => ShorthandMatches(item.Shorthand, c, ascii),
    };

    /// <summary>Python's <c>\d \w \s</c> (Unicode, or ASCII under the <c>a</c> flag) and their negations.</summary>
    public static bool ShorthandMatches(ShorthandClass shorthand, char c, bool ascii)
    {
        bool digit = ascii ? c is >= '0' and <= '9' : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;
        bool word = ascii ? c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' : PythonCharCategories.IsWordChar(c.ToString(), 0);
        bool space = ascii ? c is ' ' or >= '\t' and <= '\r' : PythonCharCategories.IsWhiteSpace(c);
        return shorthand switch
        {
            ShorthandClass.Digit => digit,
            ShorthandClass.NotDigit => !digit,
            ShorthandClass.Word => word,
            ShorthandClass.NotWord => !word,
            ShorthandClass.Space => space,
            _ => !space,
        };
    }
}
