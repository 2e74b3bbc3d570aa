using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Fail2Ban.Core.Samples;

/// <summary>
/// A minimal JSON reader for the directives of Fail2Ban sample logs (<c># failJSON: {…}</c>):
/// objects become ordered <see cref="List{T}"/> of key/value pairs, arrays <see cref="List{T}"/> of
/// object, numbers double, plus string, bool and null. Core stays dependency-free, which the
/// generator and analyzer need.
/// </summary>
public static class JsonValue
{
    /// <summary>Parses one JSON value; throws <see cref="FormatException"/> with the offset on bad input.</summary>
    public static object? Parse(string text)
    {
        var i = 0;
        var v = ParseValue(text, ref i);
        SkipWhitespace(text, ref i);
        if (i != text.Length) throw new FormatException("Extra data at offset " + i);
        return v;
    }

    private static object? ParseValue(string s, ref int i)
    {
        SkipWhitespace(s, ref i);
        if (i >= s.Length) throw new FormatException("Unexpected end of JSON");
        var c = s[i];
        switch (c)
        {
            case '{': return ParseObject(s, ref i);
            case '[': return ParseArray(s, ref i);
            case '"': return ParseString(s, ref i);
            case 't': Expect(s, ref i, "true"); return true;
            case 'f': Expect(s, ref i, "false"); return false;
            case 'n': Expect(s, ref i, "null"); return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber(s, ref i);
                throw new FormatException("Unexpected character '" + c + "' at offset " + i);
        }
    }

    private static List<KeyValuePair<string, object?>> ParseObject(string s, ref int i)
    {
        var result = new List<KeyValuePair<string, object?>>();
        i++;
        SkipWhitespace(s, ref i);
        if (i < s.Length && s[i] == '}') { i++; return result; }
        while (true)
        {
            SkipWhitespace(s, ref i);
            if (i >= s.Length || s[i] != '"') throw new FormatException("Expected a property name at offset " + i);
            var key = ParseString(s, ref i);
            SkipWhitespace(s, ref i);
            if (i >= s.Length || s[i] != ':') throw new FormatException("Expected ':' at offset " + i);
            i++;
            var value = ParseValue(s, ref i);
            // later duplicates win, as in Python's json
            var existing = result.FindIndex(kv => kv.Key == key);
            if (existing >= 0) result[existing] = new KeyValuePair<string, object?>(key, value);
            else result.Add(new KeyValuePair<string, object?>(key, value));
            SkipWhitespace(s, ref i);
            if (i < s.Length && s[i] == ',') { i++; continue; }
            if (i < s.Length && s[i] == '}') { i++; return result; }
            throw new FormatException("Expected ',' or '}' at offset " + i);
        }
    }

    private static List<object?> ParseArray(string s, ref int i)
    {
        var result = new List<object?>();
        i++;
        SkipWhitespace(s, ref i);
        if (i < s.Length && s[i] == ']') { i++; return result; }
        while (true)
        {
            result.Add(ParseValue(s, ref i));
            SkipWhitespace(s, ref i);
            if (i < s.Length && s[i] == ',') { i++; continue; }
            if (i < s.Length && s[i] == ']') { i++; return result; }
            throw new FormatException("Expected ',' or ']' at offset " + i);
        }
    }

    private static string ParseString(string s, ref int i)
    {
        var sb = new StringBuilder();
        i++;
        while (i < s.Length)
        {
            var c = s[i++];
            if (c == '"') return sb.ToString();
            if (c != '\\') { sb.Append(c); continue; }
            if (i >= s.Length) break;
            var e = s[i++];
            switch (e)
            {
                case '"': case '\\': case '/': sb.Append(e); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (i + 4 > s.Length) throw new FormatException("Bad \\u escape at offset " + i);
                    sb.Append((char)int.Parse(s.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: throw new FormatException("Bad escape '\\" + e + "' at offset " + (i - 1));
            }
        }
        throw new FormatException("Unterminated string");
    }

    private static double ParseNumber(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && "+-0123456789.eE".IndexOf(s[i]) >= 0) i++;
        return double.Parse(s.Substring(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static void Expect(string s, ref int i, string word)
    {
        if (string.CompareOrdinal(s, i, word, 0, word.Length) != 0) throw new FormatException("Expected '" + word + "' at offset " + i);
        i += word.Length;
    }

    private static void SkipWhitespace(string s, ref int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    }
}
