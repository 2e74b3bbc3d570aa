using System;
using System.Collections.Generic;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>
/// Fail2Ban's configuration-stage <c>&lt;tag&gt;</c> substitution (<c>substituteRecursiveTags</c>, spec 1.7):
/// repeated passes over all entries, each tag replaced everywhere in the value by a map entry or a config
/// lookup, scanning on from the replaced tag so nested forms like <c>&lt;lt_&lt;logtype&gt;/x&gt;</c> resolve inside out.
/// </summary>
internal static class TagSubstitution
{
    /// <summary>Fail2Ban's <c>MAX_TAG_REPLACE_COUNT</c>.</summary>
    public const int MaxReplaceCount = EngineLimits.MaxTagReplaceCount;

    /// <summary>Guard against exponential growth (a = &lt;b&gt;&lt;b&gt;, b = &lt;c&gt;&lt;c&gt;, …).</summary>
    private const int MaxValueLength = EngineLimits.MaxValueLength;

    /// <summary>A tag found by <c>&lt;([^ &lt;&gt;]+)&gt;</c>: its start and the name between the brackets.</summary>
    public readonly struct TagMatch
    {
        public TagMatch(int start, string name)
        {
            Start = start;
            Name = name;
        }

        public int Start { get; }
        public string Name { get; }
        public int End => Start + Name.Length + 2;
    }

    /// <summary>Fail2Ban's <c>TAG_CRE.search(value, from)</c>.</summary>
    public static TagMatch? FindTag(string value, int from)
    {
        // A replacement can shorten the value below the resume position: Python's search then finds nothing.
        if (from >= value.Length) return null;
        for (var p = value.IndexOf('<', from); p >= 0; p = value.IndexOf('<', p + 1))
        {
            var j = p + 1;
            while (j < value.Length && value[j] != ' ' && value[j] != '<' && value[j] != '>') j++;
            if (j > p + 1 && j < value.Length && value[j] == '>')
                return new TagMatch(p, value.Substring(p + 1, j - p - 1));
        }
        return null;
    }

    /// <summary>Substitutes tags in every entry of <paramref name="tags"/> (null values are absent options) and returns the new map.</summary>
    public static InsertionOrderedMap<LocatedString?> Substitute(
        InsertionOrderedMap<LocatedString?> tags, ISet<string> ignore, Func<string, LocatedString?> lookup)
    {
        var result = new InsertionOrderedMap<LocatedString?>(tags);
        var keys = new List<string>(tags.Keys);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var repCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        while (true)
        {
            var repeat = false;
            foreach (var tag in keys)
            {
                if (ignore.Contains(tag) || done.Contains(tag)) continue;
                var original = result[tag];
                if (original is null)
                {
                    done.Add(tag);
                    continue;
                }
                var value = original;
                if (!repCounts.TryGetValue(tag, out var counts)) counts = new Dictionary<string, int>(StringComparer.Ordinal);
                var m = FindTag(value.Text, 0);
                while (m is { } match)
                {
                    var rtag = match.Name;
                    if (ignore.Contains(rtag))
                    {
                        m = FindTag(value.Text, match.End);
                        continue;
                    }
                    var count = counts.TryGetValue(rtag, out var c) ? c : 1;
                    if (rtag == tag || count > MaxReplaceCount)
                        throw new Fail2BanException(DiagnosticIds.TagSubstitution,
                            rtag == tag
                                ? "option '" + tag + "' refers to itself through <" + rtag + ">: properties contain self referencing definitions and cannot be resolved"
                                : "<" + rtag + "> was substituted more than " + MaxReplaceCount + " times into option '" + tag
                                  + "': properties contain self referencing definitions and cannot be resolved",
                            value.LocationAt(match.Start));
                    var replacement = result.TryGetValue(rtag, out var fromMap) && fromMap is not null ? fromMap : lookup(rtag);
                    if (replacement is null)
                    {
                        // Unknown tags (regex tags such as <HOST>) stay; scanning continues after them.
                        m = FindTag(value.Text, match.End);
                        continue;
                    }
                    value = value.Replace("<" + rtag + ">", replacement);
                    if (value.Text.Length > MaxValueLength)
                        throw new Fail2BanException(DiagnosticIds.TagSubstitution,
                            "substituting <" + rtag + "> makes option '" + tag + "' longer than " + MaxValueLength + " characters",
                            original.LocationAt(0));
                    counts[rtag] = (counts.TryGetValue(rtag, out var c2) ? c2 : 0) + 1;
                    m = FindTag(value.Text, match.Start);
                }
                if (value.Text != original.Text)
                {
                    if (FindTag(value.Text, 0) is not null)
                    {
                        repCounts[tag] = counts;
                        repeat = true;
                    }
                    result[tag] = value;
                }
                if (value.Text.IndexOf('<') < 0) done.Add(tag);
            }
            if (!repeat) break;
        }
        return result;
    }
}
