using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Matching.Linear;

/// <summary>
/// Turns the capture slots <see cref="LinearMatcher"/> found into a <see cref="Match"/> like the one the translated
/// regex would have returned, for the code that reads matches (group values, spans, skipped lines): a regex made of
/// the found spans alone (<c>[\s\S]{n}</c> and the named groups around them) declaring every group of the original in
/// its order first, so group numbers and capture slots are the original's (checked: otherwise no match is made).
/// </summary>
internal sealed class MatchRebuilder
{
    private readonly Regex _original;
    private readonly RegexTree _tree;
    private readonly int[] _numbers;
    private readonly string _declarations;

    public MatchRebuilder(Regex original, RegexTree tree, IReadOnlyList<int> numbersRead)
    {
        _original = original;
        _tree = tree;
        _numbers = numbersRead.ToArray();
        var sb = new StringBuilder(@"\G(?:[^\s\S]");
        foreach (var n in original.GetGroupNumbers().Where(n => n > 0).OrderBy(n => n))
        {
            var name = original.GroupNameFromNumber(n);
            sb.Append("(?<").Append(name).Append(">)");
        }
        _declarations = sb.Append(")?").ToString();
    }

    /// <summary>The match of <paramref name="text"/> the slots describe, or null when it cannot be made faithfully.</summary>
    public Match? Rebuild(string text, int[] slots)
    {
        int start = slots[0], end = slots[1];
        var groups = new List<(string Name, int Start, int End)>();
        foreach (var g in _tree.Groups)
        {
            if (g.Name is null || slots[2 * g.Number] < 0 || slots[2 * g.Number + 1] < 0) continue;
            groups.Add((g.Name, slots[2 * g.Number], slots[2 * g.Number + 1]));
        }
        groups.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var sb = new StringBuilder(_declarations);
        var at = start;
        var open = new Stack<int>();
        foreach (var (name, from, to) in groups)
        {
            while (open.Count > 0 && open.Peek() <= from) Close(sb, ref at, open.Pop());
            if (open.Count > 0 && to > open.Peek()) return null; // spans that cross: not one parse
            Skip(sb, ref at, from);
            sb.Append("(?<").Append(name).Append('>');
            open.Push(to);
        }
        while (open.Count > 0) Close(sb, ref at, open.Pop());
        Skip(sb, ref at, end);
        var regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant);
        foreach (var n in _numbers)
            if (CaptureSpans.SlotOf(regex, n) != CaptureSpans.SlotOf(_original, n) || regex.GroupNameFromNumber(n) != _original.GroupNameFromNumber(n))
                return null;
        var m = regex.Match(text, start);
        return m.Success && m.Index == start && m.Length == end - start ? m : null;
    }

    private static void Close(StringBuilder sb, ref int at, int to)
    {
        Skip(sb, ref at, to);
        sb.Append(')');
    }

    private static void Skip(StringBuilder sb, ref int at, int to)
    {
        if (to > at) sb.Append(@"[\s\S]{").Append((to - at).ToString(CultureInfo.InvariantCulture)).Append('}');
        at = Math.Max(at, to);
    }
}
