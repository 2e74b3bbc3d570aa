using System;
using System.Collections.Generic;
using System.Text;

namespace Fail2Ban.Core.Reviewing;

/// <summary>
/// The shape of a log line (its date already cut): the words kept, what varies from line to line blurred (numbers
/// become <c>#</c>, ids mixing letters and digits <c>@</c>, <c>key=value</c> values and <c>&lt;…&gt;</c> addresses <c>*</c>),
/// so lines one message format writes share one shape. Also the writing daemon of a syslog line.
/// </summary>
public static class LineShape
{
    public static string Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        var start = 0;
        while (start < text.Length)
        {
            while (start < text.Length && text[start] == ' ') start++;
            var end = text.IndexOf(' ', start);
            if (end < 0) end = text.Length;
            if (end > start)
            {
                if (sb.Length > 0) sb.Append(' ');
                Token(text, start, end, sb);
            }
            start = end;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The program that wrote a syslog line (<c>postfix/smtpd</c> of <c>mail postfix/smtpd[12]: …</c>): the first of the
    /// first three words that ends with <c>:</c>, without its <c>[pid]</c>; empty when there is none.
    /// </summary>
    public static string Daemon(string text)
    {
        var words = text.Trim().Split(new[] { ' ' }, 4, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length && i < 3; i++)
        {
            var w = words[i];
            if (!w.EndsWith(":", StringComparison.Ordinal) || w.Length < 2) continue;
            var bracket = w.IndexOf('[');
            return bracket > 0 ? w.Substring(0, bracket) : w.Substring(0, w.Length - 1);
        }
        return "";
    }

    /// <summary>The words of a shape (for likeness between shapes).</summary>
    public static HashSet<string> Words(string shape) => new(shape.Split(' '), StringComparer.Ordinal);

    /// <summary>Jaccard likeness of two word sets: 0 (nothing shared) to 1 (the same words).</summary>
    public static double Likeness(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = 0;
        foreach (var w in a) if (b.Contains(w)) common++;
        return common / (double)(a.Count + b.Count - common);
    }

    /// <summary>A queue id that happens to hold no digit (<c>EECBAFECBB</c>): eight or more of A-F.</summary>
    private static bool IsHexId(string text, int start, int end)
    {
        if (end - start < 8) return false;
        for (var i = start; i < end; i++)
            if (text[i] < 'A' || text[i] > 'F') return false;
        return true;
    }

    private static void Token(string text, int start, int end, StringBuilder sb)
    {
        var eq = text.IndexOf('=', start, end - start);
        if (eq > start)
        {
            sb.Append(text, start, eq - start + 1).Append('*');
            return;
        }
        if (text[start] == '<' && text.LastIndexOf('>', end - 1, end - start) > start)
        {
            var close = text.LastIndexOf('>', end - 1, end - start);
            sb.Append("<*>").Append(text, close + 1, end - close - 1);
            return;
        }
        // Runs of letters and digits: a number becomes '#', a run mixing both (a queue id) '@', a word stays.
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                i++;
                continue;
            }
            var runStart = i;
            bool letters = false, digits = false;
            while (i < end && char.IsLetterOrDigit(text[i]))
            {
                if (char.IsDigit(text[i])) digits = true;
                else letters = true;
                i++;
            }
            if (digits) sb.Append(letters ? '@' : '#');
            else if (IsHexId(text, runStart, i)) sb.Append('@');
            else sb.Append(text, runStart, i - runStart);
        }
    }
}
