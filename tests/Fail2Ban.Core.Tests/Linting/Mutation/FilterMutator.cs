using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Linting.Analysis;

namespace Fail2Ban.Core.Tests.Linting.Mutation;

/// <summary>
/// Plants the defects upstream's history is made of into a filter's <c>failregex</c>, <c>prefregex</c>, <c>mdre-*</c> and
/// <c>datepattern</c> lines, one at a time: narrowed widths and classes, fixed whitespace, a dropped alternative, a
/// changed case, a lost anchor or a catch-all beside the host, the wrong address tag, <c>(:?</c>, an unescaped dot, a
/// quoted field that stops at a space, a dropped port, a mandatory optional group, a wrong date format. Each class
/// yields at most <see cref="SitesPerClass"/> mutants per filter (the first and the last site: deterministic).
/// </summary>
internal static class FilterMutator
{
    public const int SitesPerClass = 2;

    public static readonly string[] Classes =
    {
        "fixed-width", "digits-bounded", "digits-single", "whitespace-fixed", "class-narrowed", "alternative-dropped",
        "case-changed", "anchor-dropped", "catch-all-beside-host", "host-tag", "colon-question", "dot-unescaped",
        "quoted-field", "port-dropped", "optional-mandatory", "datepattern-wrong",
    };

    private static readonly HashSet<string> InjectionClasses = new(StringComparer.Ordinal) { "anchor-dropped", "catch-all-beside-host" };

    private static readonly Regex KeyLine = new(@"^([A-Za-z0-9_.<>\-]+)\s*=\s*", RegexOptions.CultureInvariant);

    public static List<FilterMutant> Mutate(string filter, string text)
    {
        var lines = text.Split('\n');
        var byClass = new Dictionary<string, List<FilterMutant>>(StringComparer.Ordinal);
        string? key = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#' || line[0] == ';' || line[0] == '[') { if (line.Length == 0 || line[0] == '[') key = null; continue; }
            int start;
            if (!char.IsWhiteSpace(line[0]))
            {
                var m = KeyLine.Match(line);
                key = m.Success ? m.Groups[1].Value : null;
                start = m.Success ? m.Length : line.Length;
            }
            else
            {
                if (line.Trim().Length == 0 || line.TrimStart()[0] == '#') continue;
                start = line.Length - line.TrimStart().Length;
            }
            if (key == null || !IsRegexKey(key) || start >= line.Length) continue;
            var value = line.Substring(start);
            foreach (var (cls, mutated) in key == "datepattern" ? DateMutations(value) : RegexMutations(value))
            {
                if (mutated == value) continue;
                var newLine = line.Substring(0, start) + mutated;
                var copy = (string[])lines.Clone();
                copy[i] = newLine + (lines[i].EndsWith("\r", StringComparison.Ordinal) ? "\r" : "");
                if (!byClass.TryGetValue(cls, out var list)) byClass[cls] = list = new List<FilterMutant>();
                list.Add(new FilterMutant(filter, cls, i + 1, line, newLine, string.Join("\n", copy), InjectionClasses.Contains(cls)));
            }
        }
        var result = new List<FilterMutant>();
        foreach (var cls in Classes)
        {
            if (!byClass.TryGetValue(cls, out var list)) continue;
            result.Add(list[0]);
            if (list.Count > 1 && SitesPerClass > 1) result.Add(list[list.Count - 1]);
        }
        return result;
    }

    private static bool IsRegexKey(string key) =>
        key == "failregex" || key == "prefregex" || key == "datepattern" || key.StartsWith("mdre-", StringComparison.Ordinal);

    private static IEnumerable<(string, string)> DateMutations(string value)
    {
        yield return ("datepattern-wrong", value.Contains("%%Y-%%m-%%d") ? "^%%d/%%b/%%Y:%%H:%%M:%%S" : "^%%Y-%%m-%%d %%H:%%M:%%S");
    }

    private static IEnumerable<(string, string)> RegexMutations(string v)
    {
        foreach (Match m in Regex.Matches(v, @"\{(\d+),\}")) yield return ("fixed-width", Splice(v, m.Index, m.Length, "{" + m.Groups[1].Value + "}"));
        foreach (var i in Occurrences(v, @"\d+")) yield return ("digits-bounded", Splice(v, i, 3, @"\d{1,2}"));
        foreach (var i in Occurrences(v, @"\d+")) yield return ("digits-single", Splice(v, i, 3, @"\d"));
        foreach (var i in Occurrences(v, @"\s+")) yield return ("whitespace-fixed", Splice(v, i, 3, " "));
        foreach (var i in Occurrences(v, @"\S+")) yield return ("class-narrowed", Splice(v, i, 3, @"\w+"));
        foreach (var i in Occurrences(v, ".+")) yield return ("class-narrowed", Splice(v, i, 2, @"\S+"));
        var groups = Groups(v);
        foreach (var (open, close) in groups)
        {
            var alts = TopLevelAlternatives(v, open + 3, close);
            if (alts.Count < 2) continue;
            // drop the first alternative (with the bar after it)
            yield return ("alternative-dropped", Splice(v, alts[0].Start, alts[1].Start - alts[0].Start, ""));
        }
        var ci = v.IndexOf("(?i)", StringComparison.Ordinal);
        if (ci >= 0) yield return ("case-changed", Splice(v, ci, 4, ""));
        else foreach (var (start, length) in LiteralWords(v)) yield return ("case-changed", Splice(v, start, 1, FlipCase(v.Substring(start, 1))));
        if (v.EndsWith("$", StringComparison.Ordinal) && !v.EndsWith("\\$", StringComparison.Ordinal)) yield return ("anchor-dropped", v.Substring(0, v.Length - 1));
        foreach (var i in Occurrences(v, "<HOST>")) yield return ("catch-all-beside-host", Splice(v, i, 6, ".*<HOST>"));
        foreach (var i in Occurrences(v, "<HOST>")) yield return ("catch-all-beside-host", Splice(v, i, 6, "<HOST>.*"));
        foreach (var i in Occurrences(v, "<HOST>")) yield return ("host-tag", Splice(v, i, 6, "<ADDR>"));
        foreach (var i in Occurrences(v, "<HOST>")) yield return ("host-tag", Splice(v, i, 6, "<IP4>"));
        foreach (var i in Occurrences(v, "<ADDR>")) yield return ("host-tag", Splice(v, i, 6, "<IP4>"));
        foreach (var i in Occurrences(v, "(?:")) yield return ("colon-question", Splice(v, i, 3, "(:?"));
        foreach (var i in Occurrences(v, @"\.")) yield return ("dot-unescaped", Splice(v, i, 2, "."));
        foreach (var i in Occurrences(v, "\"[^\"]*\"")) yield return ("quoted-field", Splice(v, i, 7, "\"\\S*\""));
        foreach (var i in Occurrences(v, "\"[^\"]+\"")) yield return ("quoted-field", Splice(v, i, 7, "\"\\S+\""));
        foreach (var (open, close) in groups)
        {
            if (close + 1 >= v.Length || v[close + 1] != '?') continue;
            var body = v.Substring(open, close - open + 1);
            if (body.Contains("\\d") && (body.Contains(":") || body.Contains("port"))) yield return ("port-dropped", Splice(v, open, close - open + 2, ""));
            else if (close + 2 >= v.Length || v[close + 2] != '?') yield return ("optional-mandatory", Splice(v, close + 1, 1, ""));
        }
    }

    private static string Splice(string s, int at, int length, string with) => s.Substring(0, at) + with + s.Substring(at + length);

    private static string FlipCase(string c) => char.IsUpper(c[0]) ? c.ToLowerInvariant() : c.ToUpperInvariant();

    /// <summary>Where <paramref name="token"/> occurs, not escaped by a backslash before it.</summary>
    private static IEnumerable<int> Occurrences(string v, string token)
    {
        for (var i = v.IndexOf(token, StringComparison.Ordinal); i >= 0; i = v.IndexOf(token, i + 1, StringComparison.Ordinal))
        {
            var slashes = 0;
            for (var j = i - 1; j >= 0 && v[j] == '\\'; j--) slashes++;
            if (slashes % 2 == 0) yield return i;
        }
    }

    /// <summary>The non-capturing groups <c>(?:…)</c> as (open, close) indexes; <c>%(name)s</c> and classes are skipped.</summary>
    private static List<(int Open, int Close)> Groups(string v)
    {
        var result = new List<(int, int)>();
        var stack = new Stack<int>();
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (c == '\\') { i++; continue; }
            if (c == '[') { i = ClassEnd(v, i); continue; }
            if (c == '%' && i + 1 < v.Length && v[i + 1] == '(') { var e = v.IndexOf(")s", i, StringComparison.Ordinal); if (e > 0) { i = e + 1; continue; } }
            if (c == '(') stack.Push(i);
            else if (c == ')' && stack.Count > 0)
            {
                var open = stack.Pop();
                if (open + 2 < v.Length && v[open + 1] == '?' && v[open + 2] == ':') result.Add((open, i));
            }
        }
        return result;
    }

    private static int ClassEnd(string v, int open) => SampleMissAttribution.ClassEnd(v, open);

    private static List<(int Start, int End)> TopLevelAlternatives(string v, int from, int to)
    {
        var result = new List<(int, int)>();
        var depth = 0;
        var start = from;
        for (var i = from; i < to; i++)
        {
            var c = v[i];
            if (c == '\\') { i++; continue; }
            if (c == '[') { i = ClassEnd(v, i); continue; }
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) { result.Add((start, i)); start = i + 1; }
        }
        result.Add((start, to));
        return result;
    }

    /// <summary>Words of four letters or more written literally (not in a class, tag, escape, quantifier or <c>%(name)s</c>).</summary>
    private static IEnumerable<(int Start, int Length)> LiteralWords(string v)
    {
        var excluded = new bool[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            int end;
            if (c == '\\') end = Math.Min(i + 1, v.Length - 1);
            else if (c == '[') end = Math.Min(ClassEnd(v, i), v.Length - 1);
            else if (c == '<') end = v.IndexOf('>', i) is var g && g > 0 ? g : i;
            else if (c == '{') end = v.IndexOf('}', i) is var b && b > 0 ? b : i;
            else if (c == '%' && i + 1 < v.Length && v[i + 1] == '(') end = v.IndexOf(")s", i, StringComparison.Ordinal) is var p && p > 0 ? p + 1 : i;
            else if (c == '(' && i + 1 < v.Length && v[i + 1] == '?') end = Math.Min(i + 2, v.Length - 1);
            else continue;
            for (var j = i; j <= end; j++) excluded[j] = true;
            i = end;
        }
        for (var i = 0; i < v.Length;)
        {
            if (excluded[i] || !char.IsLetter(v[i])) { i++; continue; }
            var s = i;
            while (i < v.Length && !excluded[i] && char.IsLetter(v[i])) i++;
            // a word cut by an escape or tag is not a literal word; nor is one followed by a quantifier that makes its last letter optional
            if (i - s >= 4 && (i >= v.Length || "?*{".IndexOf(v[i]) < 0) && (s == 0 || v[s - 1] != '\\')) yield return (s, i - s);
        }
    }
}
