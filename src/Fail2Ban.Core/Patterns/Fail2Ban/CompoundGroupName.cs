using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>Whether a compound group fills its target as an alternative or adds to a tuple (spec 2.8).</summary>
public enum CompoundGroupKind
{
    /// <summary><c>alt_…</c>: fills the target when it is missing or empty.</summary>
    Alt,
    /// <summary><c>tuple_…</c>: appends to the target, making it a tuple.</summary>
    Tuple,
}

/// <summary>An <c>alt_</c>/<c>tuple_</c> group and the group name it feeds (e.g. <c>alt_user_2</c> → <c>user</c>).</summary>
public sealed record CompoundGroupName(CompoundGroupKind Kind, string GroupName, string TargetName)
{
    /// <summary>
    /// Fail2Ban's <c>COMPLNAME_CRE</c> (<c>^(alt_|tuple_)(.*?)(?:_\d+)?$</c>) applied to group names longer
    /// than 4 characters; the target is lower-cased and mapped (<c>id</c>→<c>fid</c>, <c>port</c>→<c>fport</c>).
    /// </summary>
    public static CompoundGroupName? TryParse(string groupName)
    {
        if (groupName.Length <= 4) return null;
        CompoundGroupKind kind;
        int prefix;
        if (groupName.StartsWith("alt_", StringComparison.Ordinal)) { kind = CompoundGroupKind.Alt; prefix = 4; }
        else if (groupName.StartsWith("tuple_", StringComparison.Ordinal)) { kind = CompoundGroupKind.Tuple; prefix = 6; }
        else return null;
        // The lazy (.*?) leaves out the longest "_<digits>" suffix.
        var end = groupName.Length;
        for (var i = prefix; i < groupName.Length; i++)
        {
            if (groupName[i] != '_' || i + 1 >= groupName.Length) continue;
            var allDigits = true;
            for (var j = i + 1; j < groupName.Length; j++)
                if (!char.IsDigit(groupName[j])) { allDigits = false; break; }
            if (allDigits)
            {
                end = i;
                break;
            }
        }
        return new CompoundGroupName(kind, groupName, Fail2BanTagPatterns.MapTagName(groupName.Substring(prefix, end - prefix)));
    }

    /// <summary>The compound groups of <paramref name="groupNames"/> of one kind, sorted by group name (ordinal).</summary>
    public static IReadOnlyList<CompoundGroupName> Collect(IEnumerable<string> groupNames, CompoundGroupKind kind)
    {
        var list = new List<CompoundGroupName>();
        foreach (var name in groupNames)
            if (TryParse(name) is { } c && c.Kind == kind) list.Add(c);
        list.Sort((a, b) => string.CompareOrdinal(a.GroupName, b.GroupName));
        return list;
    }
}
