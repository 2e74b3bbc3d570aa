using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Text;

/// <summary>String operations on <see cref="LocatedString"/> that keep every character's source location.</summary>
public static class LocatedStringSlicing
{
    /// <summary>The characters <c>[start, start+length)</c> with their locations.</summary>
    public static LocatedString Substring(this LocatedString value, int start, int length)
    {
        if (start == 0 && length == value.Text.Length) return value;
        return new LocatedStringBuilder().Append(value, start, length).ToLocatedString();
    }

    /// <summary>The characters from <paramref name="start"/> to the end, with their locations.</summary>
    public static LocatedString Substring(this LocatedString value, int start) =>
        value.Substring(start, value.Text.Length - start);

    /// <summary>Splits on <paramref name="separator"/> like Python's <c>str.split(sep)</c> (empty parts kept).</summary>
    public static IReadOnlyList<LocatedString> Split(this LocatedString value, char separator)
    {
        var parts = new List<LocatedString>();
        var text = value.Text;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == separator)
            {
                parts.Add(value.Substring(start, i - start));
                start = i + 1;
            }
        }
        return parts;
    }

    /// <summary>Replaces every non-overlapping occurrence of <paramref name="oldText"/> (left to right, like Python's
    /// <c>str.replace</c>) by <paramref name="replacement"/>, whose characters keep their own locations.</summary>
    public static LocatedString Replace(this LocatedString value, string oldText, LocatedString replacement)
    {
        if (string.IsNullOrEmpty(oldText)) throw new ArgumentException("Empty search text.", nameof(oldText));
        var text = value.Text;
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        if (at < 0) return value;
        var b = new LocatedStringBuilder();
        var pos = 0;
        while (at >= 0)
        {
            b.Append(value, pos, at - pos);
            b.Append(replacement);
            pos = at + oldText.Length;
            at = text.IndexOf(oldText, pos, StringComparison.Ordinal);
        }
        b.Append(value, pos, text.Length - pos);
        return b.ToLocatedString();
    }

    /// <summary>Concatenation that keeps the locations of both parts.</summary>
    public static LocatedString Concat(this LocatedString first, LocatedString second) =>
        new LocatedStringBuilder().Append(first).Append(second).ToLocatedString();
}
