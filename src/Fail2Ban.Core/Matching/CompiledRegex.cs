using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// One translated failregex, prefregex or ignoreregex ready to run, with what the matcher needs
/// to know about its groups: the Python named groups (what <c>groupdict()</c> returns), the
/// <c>&lt;SKIPLINES&gt;</c> groups and the <c>ALT_</c>/<c>TUPLE_</c> merge rules (spec 2.8).
/// </summary>
public sealed class CompiledRegex
{
    private static readonly char[] Digits = "0123456789".ToCharArray();

    public CompiledRegex(string source, Regex regex, IReadOnlyList<string> groupNames)
    {
        Source = source;
        Regex = regex;
        _runner = new TieredRegex(regex);
        var names = new List<string>(groupNames.Count);
        var numbers = new List<int>(groupNames.Count);
        var alt = new List<(string, string)>();
        var tuple = new List<(string, string)>();
        var skip = 0;
        foreach (var name in groupNames)
        {
            names.Add(name);
            numbers.Add(regex.GroupNumberFromName(name));
            if (name.StartsWith("skiplines", StringComparison.Ordinal) && name.Length > 9 && name.IndexOfAny(Digits, 9) == 9) skip++;
            if (name.Length > 4 && TryComplexName(name, out var isAlt, out var target))
                (isAlt ? alt : tuple).Add((name, target));
        }
        alt.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        tuple.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        GroupNames = names;
        GroupNumbers = numbers.ToArray();
        GroupSlots = new int[GroupNumbers.Length];
        for (var i = 0; i < GroupSlots.Length; i++) GroupSlots[i] = CaptureSpans.SlotOf(regex, GroupNumbers[i]);
        AltGroups = alt;
        TupleGroups = tuple;
        SkipLinesGroupCount = skip;
    }

    /// <summary>The translation this regex came from (its syntax tree, expanded Python text, notes), when known.</summary>
    public Fail2Ban.Core.Patterns.FilterRegex? Translated
    {
        get => _translated;
        init
        {
            _translated = value;
            // Only the prefregex is searched on (nearly) every line; the others wait behind their literals.
            if (value is not null && value.Kind != Fail2Ban.Core.Patterns.FilterRegexKind.Prefix) _runner.CompileLater();
        }
    }

    private readonly Fail2Ban.Core.Patterns.FilterRegex? _translated;

    /// <summary>The source with its <c>.conf</c> locations, when known.</summary>
    public Fail2Ban.Core.Text.LocatedString? LocatedSource { get; init; }

    /// <summary>The regex as written in the filter (config stage, tags not expanded).</summary>
    public string Source { get; }

    public Regex Regex { get; }

    private readonly TieredRegex _runner;

    /// <summary>The engine to search with: <see cref="Regex"/>, or its IL-compiled twin once this regex runs often.</summary>
    internal Regex Runner => _runner.Current;

    private LiteralPrefilter? _prefilter;

    private LinearRetry? _linearRetry;
    private bool _linearRetryMade;
    private object? _linearRetryLock;

    /// <summary>
    /// Decides a search of <paramref name="input"/> that timed out on <see cref="Runner"/>, without backtracking, when
    /// that gives Fail2Ban's answer (see <see cref="LinearRetry"/>): true with the match (null for a miss), false when
    /// the line stays undecided.
    /// </summary>
    internal bool TryMatchWithoutBacktracking(string input, out Match? match)
    {
        var retry = System.Threading.LazyInitializer.EnsureInitialized(ref _linearRetry, ref _linearRetryMade, ref _linearRetryLock,
            () => LinearRetry.Create(this)!);
        match = null;
        return retry is not null && retry.TryMatch(input, out match);
    }

    /// <summary>
    /// The literal test that rules out texts this regex cannot match, derived from
    /// <see cref="Translated"/>'s syntax tree (lets everything through when the tree is unknown).
    /// </summary>
    public LiteralPrefilter Prefilter =>
        _prefilter ??= Translated is { } t ? new LiteralPrefilter(RequiredLiterals.Analyze(t.Tree)) : LiteralPrefilter.None;

    private int _everyLine; // 0 unknown, 1 no, 2 yes

    /// <summary>
    /// Answers whether this regex matches the buffer "<c>TEXT\n</c>" of one line without searching, when its
    /// shape allows (see <see cref="EveryLinePattern"/>); false when it must be searched.
    /// </summary>
    internal bool TryDecideWithoutSearch(ReadOnlySpan<char> buffer, out bool matched)
    {
        if (_everyLine == 0) _everyLine = Translated is { } t && EveryLinePattern.MatchesEveryNonEmptyLine(t.Tree) ? 2 : 1;
        matched = false;
        return _everyLine == 2 && EveryLinePattern.TryDecide(buffer, out matched);
    }

    /// <summary>Python named groups, in pattern order.</summary>
    public IReadOnlyList<string> GroupNames { get; }

    internal int[] GroupNumbers { get; }

    private int[] GroupSlots { get; }

    internal IReadOnlyList<(string Group, string Target)> AltGroups { get; }

    internal IReadOnlyList<(string Group, string Target)> TupleGroups { get; }

    internal int SkipLinesGroupCount { get; }

    /// <summary>Maps an F-tag or complex group name to the data key Fail2Ban uses.</summary>
    public static string MapTagName(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower switch { "id" => "fid", "port" => "fport", _ => lower };
    }

    /// <summary><c>^(alt_|tuple_)(.*?)(?:_\d+)?$</c> on a group name.</summary>
    private static bool TryComplexName(string name, out bool isAlt, out string target)
    {
        isAlt = name.StartsWith("alt_", StringComparison.Ordinal);
        var prefix = isAlt ? 4 : name.StartsWith("tuple_", StringComparison.Ordinal) ? 6 : 0;
        target = "";
        if (prefix == 0) return false;
        var end = name.Length;
        // strip one trailing "_<digits>" (the lazy middle group leaves it to the optional suffix)
        var k = end;
        while (k > prefix && char.IsDigit(name[k - 1])) k--;
        if (k < end && k > prefix && name[k - 1] == '_') end = k - 1;
        target = MapTagName(name.Substring(prefix, end - prefix));
        return true;
    }

    /// <summary>Where the Python named group <paramref name="name"/> of <paramref name="m"/> lies, when it took part.</summary>
    internal bool TryGetGroup(Match m, string name, out int index, out int length)
    {
        for (var i = 0; i < GroupNumbers.Length; i++)
            if (string.Equals(GroupNames[i], name, StringComparison.Ordinal))
                return CaptureSpans.TryGet(m, GroupSlots[i], GroupNumbers[i], out index, out length);
        index = length = 0;
        return false;
    }

    // Keys the matcher adds to a failure's data after the groups (matches, users, nofail flags).
    private const int ExtraKeys = 4;

    /// <summary>The group dictionary of a match of <paramref name="input"/> (non-participating groups are null), with ALT_/TUPLE_ merged.</summary>
    internal FailureData GetGroups(Match m, string input)
    {
        // Room for the groups, the ALT_/TUPLE_ targets and what the matcher adds (matches, ids).
        var data = new FailureData(GroupNumbers.Length + AltGroups.Count + TupleGroups.Count + ExtraKeys);
        var texts = new GroupTexts(input);
        for (var i = 0; i < GroupNumbers.Length; i++)
        {
            data[GroupNames[i]] = CaptureSpans.TryGet(m, GroupSlots[i], GroupNumbers[i], out var index, out var length)
                ? texts.At(index, length)
                : null;
        }
        foreach (var (group, target) in AltGroups)
        {
            var v = data.TryGetValue(group, out var gv) ? gv : null;
            if (FailureData.Truthy(v) && !data.IsTruthy(target)) data[target] = v;
        }
        foreach (var (group, target) in TupleGroups)
        {
            var v = data.TryGetValue(group, out var gv) ? gv as string : null;
            data.TryGetValue(target, out var t);
            if (t is List<string?> list) list.Add(v);
            else data[target] = new List<string?> { t as string, v };
        }
        return data;
    }

    /// <summary>
    /// The prefregex's groups <paramref name="preGroups"/> (copied) merged with the groups of this failregex's match, as
    /// the matcher merges <see cref="GetGroups"/>' dictionary over them (a group that did not take part keeps the
    /// prefregex's value; keys in the same order), without that dictionary. Null when this regex has ALT_/TUPLE_
    /// groups (their merge reads the failregex's own values).
    /// </summary>
    internal FailureData? GetGroupsOver(Match m, string input, FailureData preGroups)
    {
        if (AltGroups.Count > 0 || TupleGroups.Count > 0) return null;
        var merged = preGroups.CopyWithRoom(GroupNumbers.Length + ExtraKeys);
        MergeGroupsInto(m, input, merged);
        return merged;
    }

    /// <summary>
    /// <see cref="GetGroupsOver"/> into <paramref name="preGroups"/> itself, when nothing else needs them as they
    /// were (and they never held a removed key: a new key would take its place in the order). False, with nothing
    /// changed, when this regex has ALT_/TUPLE_ groups.
    /// </summary>
    internal bool TryMergeGroupsInto(Match m, string input, FailureData preGroups)
    {
        if (AltGroups.Count > 0 || TupleGroups.Count > 0) return false;
        MergeGroupsInto(m, input, preGroups);
        return true;
    }

    private void MergeGroupsInto(Match m, string input, FailureData merged)
    {
        var texts = new GroupTexts(input);
        for (var i = 0; i < GroupNumbers.Length; i++)
        {
            if (CaptureSpans.TryGet(m, GroupSlots[i], GroupNumbers[i], out var index, out var length))
                merged[GroupNames[i]] = texts.At(index, length);
            else if (!merged.ContainsKey(GroupNames[i]))
                merged[GroupNames[i]] = null;
        }
    }

    /// <summary>
    /// <see cref="GetGroups"/> followed by <c>Pop(<paramref name="except"/>)</c> (that group's value in
    /// <paramref name="exceptValue"/>), except that the dictionary never holds the key, with room for
    /// <paramref name="room"/> more keys. Null when this regex has ALT_/TUPLE_ groups.
    /// </summary>
    internal FailureData? GetGroupsWithout(Match m, string input, string except, int room, out object? exceptValue)
    {
        exceptValue = null;
        if (AltGroups.Count > 0 || TupleGroups.Count > 0) return null;
        var data = new FailureData(GroupNumbers.Length + room + ExtraKeys);
        var texts = new GroupTexts(input);
        for (var i = 0; i < GroupNumbers.Length; i++)
        {
            var value = CaptureSpans.TryGet(m, GroupSlots[i], GroupNumbers[i], out var index, out var length)
                ? texts.At(index, length)
                : null;
            if (string.Equals(GroupNames[i], except, StringComparison.Ordinal)) exceptValue = value;
            else data[GroupNames[i]] = value;
        }
        return data;
    }

    // Group texts of one match: nested tags often capture the same span (F-MLFFORGET around F-MLFGAINED,
    // F-NOFAIL around F-MLFFORGET), which then share one string.
    private struct GroupTexts
    {
        private readonly string _input;
        private int _index, _length;
        private string? _last;

        public GroupTexts(string input)
        {
            _input = input;
            _index = _length = 0;
            _last = null;
        }

        public string At(int index, int length)
        {
            if (_last is null || index != _index || length != _length)
            {
                _last = _input.Substring(index, length);
                _index = index;
                _length = length;
            }
            return _last;
        }
    }

    /// <summary>The text captured by the <c>skiplinesN</c> groups, concatenated.</summary>
    internal string SkippedText(Match m)
    {
        if (SkipLinesGroupCount == 0) return "";
        var s = "";
        for (var n = 0; n < SkipLinesGroupCount; n++)
        {
            var g = m.Groups["skiplines" + n];
            if (g.Success) s += g.Value;
        }
        return s;
    }
}
