using System;
using System.Collections.Generic;
using System.Text;

namespace FilterLint.Files;

/// <summary>
/// A <c>journalmatch</c> as the journal applies it (<c>sd_journal_add_match</c>): terms <c>FIELD=value</c>;
/// terms on the same field are alternatives, terms on different fields must all hold; <c>+</c> starts
/// another alternative group. The text is split shell-style, as Fail2Ban does (<c>shlex.split</c>).
/// </summary>
internal sealed class JournalMatch
{
    private readonly List<Dictionary<string, HashSet<string>>> _groups;

    private JournalMatch(List<Dictionary<string, HashSet<string>>> groups, IReadOnlyList<string> terms)
    {
        _groups = groups;
        Terms = terms;
    }

    /// <summary>The terms as given (for <c>journalctl</c>'s command line and the report).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Parses a journalmatch; throws <see cref="FormatException"/> naming a term that is not FIELD=value.</summary>
    public static JournalMatch Parse(string text)
    {
        var terms = ShellSplit(text);
        var groups = new List<Dictionary<string, HashSet<string>>> { new(StringComparer.Ordinal) };
        foreach (var term in terms)
        {
            if (term == "+")
            {
                groups.Add(new Dictionary<string, HashSet<string>>(StringComparer.Ordinal));
                continue;
            }
            var eq = term.IndexOf('=');
            if (eq <= 0) throw new FormatException("journal match '" + term + "' is not FIELD=value");
            var field = term.Substring(0, eq);
            var group = groups[groups.Count - 1];
            if (!group.TryGetValue(field, out var values)) group[field] = values = new HashSet<string>(StringComparer.Ordinal);
            values.Add(term.Substring(eq + 1));
        }
        return new JournalMatch(groups, terms);
    }

    public bool Accepts(IReadOnlyDictionary<string, List<string>> entry)
    {
        foreach (var group in _groups)
        {
            if (group.Count == 0) continue;
            var all = true;
            foreach (var kv in group)
            {
                var any = false;
                if (entry.TryGetValue(kv.Key, out var have))
                    foreach (var v in have) if (kv.Value.Contains(v)) { any = true; break; }
                if (!any) { all = false; break; }
            }
            if (all) return true;
        }
        return false;
    }

    /// <summary>POSIX-shell word splitting: quotes and backslashes, no expansions (Python's <c>shlex.split</c>).</summary>
    public static List<string> ShellSplit(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
                continue;
            }
            inWord = true;
            if (c == '\\' && i + 1 < text.Length) { word.Append(text[++i]); continue; }
            if (c == '\'' || c == '"')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0) throw new FormatException("unclosed quote in '" + text + "'");
                var inner = text.Substring(i + 1, close - i - 1);
                word.Append(c == '"' ? inner.Replace("\\\"", "\"").Replace("\\\\", "\\") : inner);
                i = close;
                continue;
            }
            word.Append(c);
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
