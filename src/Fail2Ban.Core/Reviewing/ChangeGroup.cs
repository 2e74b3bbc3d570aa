using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Reviewing;

/// <summary>
/// The lines one failregex changed the same way: one kind of change, the regex it is attributed to, and the
/// modes where exactly these lines changed (modes that share the regex report it once).
/// </summary>
public sealed class ChangeGroup
{
    internal ChangeGroup(ChangeKind kind, int regexIndex, CompiledRegex? regex, CompiledRegex? newRegex, bool fromOldRegex,
        IReadOnlyList<string?> modes, IReadOnlyList<LineChange> changes, CompiledRegex? newPrefRegex = null)
    {
        NewPrefRegex = newPrefRegex;
        Kind = kind;
        RegexIndex = regexIndex;
        Regex = regex;
        NewRegex = newRegex;
        FromOldRegex = fromOldRegex;
        Modes = modes;
        Changes = changes;
    }

    public ChangeKind Kind { get; }

    /// <summary>0-based failregex index, or -1 when no failregex is involved (ignoreregex changes).</summary>
    public int RegexIndex { get; }

    /// <summary>The failregex the lines are attributed to (of the old version when <see cref="FromOldRegex"/>).</summary>
    public CompiledRegex? Regex { get; }

    /// <summary>The new version's failregex at the same place (where a review comment belongs), when there is one.</summary>
    public CompiledRegex? NewRegex { get; }

    public bool FromOldRegex { get; }

    /// <summary>The new version's prefregex in the group's first mode (a change may come from it rather than the failregex).</summary>
    public CompiledRegex? NewPrefRegex { get; }

    /// <summary>The modes in which these lines changed (a null entry: a filter without modes).</summary>
    public IReadOnlyList<string?> Modes { get; }

    /// <summary>The changed lines (those of the first mode; the other modes changed the same lines the same way).</summary>
    public IReadOnlyList<LineChange> Changes { get; }

    public int Count => Changes.Count;

    /// <summary>"failregex #2" (of the old version when <see cref="FromOldRegex"/>), or "ignoreregex".</summary>
    public string RegexName => RegexIndex < 0 ? "no failregex" : (FromOldRegex ? "old " : "") + "failregex #" + (RegexIndex + 1);

    /// <summary>Groups changes by mode, kind and failregex; merges groups of modes that changed the same lines the same way.</summary>
    /// <param name="changes">Every changed line.</param>
    /// <param name="regexOf">(mode, of the old version, index) to the failregex; index -1 asks for the prefregex.</param>
    internal static List<ChangeGroup> Build(IReadOnlyList<LineChange> changes, System.Func<string?, bool, int, CompiledRegex?> regexOf)
    {
        var perMode = changes.GroupBy(c => (c.Mode, c.Kind, c.RegexIndex, c.FromOldRegex)).ToList();
        var groups = new List<ChangeGroup>();
        var keys = new List<string>();
        foreach (var g in perMode.OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.RegexIndex))
        {
            var regex = g.Key.RegexIndex < 0 ? null : regexOf(g.Key.Mode, g.Key.FromOldRegex, g.Key.RegexIndex);
            var key = g.Key.Kind + "\u0001" + g.Key.FromOldRegex + "\u0001" + g.Key.RegexIndex + "\u0001" + regex?.Source + "\u0001" +
                      string.Join("\u0002", g.Select(c => c.Line.Origin + "\u0003" + c.Line.Text + "\u0003" + c.Old.Describe() + "\u0003" + c.New.Describe()));
            var at = keys.IndexOf(key);
            if (at >= 0)
            {
                var same = groups[at];
                groups[at] = new ChangeGroup(same.Kind, same.RegexIndex, same.Regex, same.NewRegex, same.FromOldRegex,
                    same.Modes.Concat(new[] { g.Key.Mode }).ToList(), same.Changes, same.NewPrefRegex);
                continue;
            }
            keys.Add(key);
            var newRegex = g.Key.RegexIndex < 0 ? null : g.Key.FromOldRegex ? regexOf(g.Key.Mode, false, g.Key.RegexIndex) : regex;
            groups.Add(new ChangeGroup(g.Key.Kind, g.Key.RegexIndex, regex, newRegex, g.Key.FromOldRegex, new[] { g.Key.Mode }, g.ToList(),
                regexOf(g.Key.Mode, false, -1)));
        }
        return groups;
    }
}
