using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// The in-file suppression comments of one <c>.conf</c>, shared by the CLI and the analyzer:
/// <c># filterlint: disable=F2B2001,F2B3002</c> on the line(s) before a line silences those rules on
/// it (<c>all</c> silences every rule); <c># filterlint: disable-file=F2B3002</c> anywhere silences a
/// rule in the whole file.
/// </summary>
public sealed class LintSuppressions
{
    private const string Marker = "filterlint:";

    private readonly Dictionary<int, HashSet<string>> _byLine = new();
    private readonly HashSet<string> _wholeFile = new(StringComparer.OrdinalIgnoreCase);

    private LintSuppressions()
    {
    }

    /// <summary>No suppressions.</summary>
    public static LintSuppressions Empty { get; } = new();

    /// <summary>Reads the suppression comments of a file's text.</summary>
    public static LintSuppressions Parse(string text)
    {
        var result = new LintSuppressions();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var pending = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0) continue;
            if (trimmed[0] == '#' || trimmed[0] == ';')
            {
                if (TryParseDirective(trimmed.Substring(1), out var fileWide, out var ids))
                {
                    if (fileWide) result._wholeFile.UnionWith(ids);
                    else pending.AddRange(ids);
                }
                continue;
            }
            if (pending.Count > 0)
            {
                var set = new HashSet<string>(pending, StringComparer.OrdinalIgnoreCase);
                result._byLine[i + 1] = set;
                pending.Clear();
            }
        }
        return result;
    }

    /// <summary>Whether a finding of <paramref name="ruleId"/> on 1-based <paramref name="line"/> is suppressed.</summary>
    public bool IsSuppressed(string ruleId, int line) =>
        _wholeFile.Contains(ruleId) || _wholeFile.Contains("all")
        || (_byLine.TryGetValue(line, out var ids) && (ids.Contains(ruleId) || ids.Contains("all")));

    private static bool TryParseDirective(string comment, out bool fileWide, out List<string> ids)
    {
        fileWide = false;
        ids = new List<string>();
        var body = comment.Trim();
        if (!body.StartsWith(Marker, StringComparison.OrdinalIgnoreCase)) return false;
        body = body.Substring(Marker.Length).Trim();
        string rest;
        if (StartsWithWord(body, "disable-file", out rest)) fileWide = true;
        else if (!StartsWithWord(body, "disable", out rest)) return false;
        rest = rest.TrimStart();
        if (rest.Length > 0 && (rest[0] == '=' || rest[0] == ':')) rest = rest.Substring(1);
        foreach (var part in rest.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var id = part.Trim();
            // Stop at free text after the list (a reason), which does not look like an id.
            if (!id.Equals("all", StringComparison.OrdinalIgnoreCase) && !LooksLikeId(id)) break;
            ids.Add(id);
        }
        return ids.Count > 0;
    }

    private static bool StartsWithWord(string text, string word, out string rest)
    {
        rest = "";
        if (!text.StartsWith(word, StringComparison.OrdinalIgnoreCase)) return false;
        rest = text.Substring(word.Length);
        return rest.Length == 0 || rest[0] is '=' or ':' or ' ' or '\t';
    }

    private static bool LooksLikeId(string id)
    {
        if (id.Length != 7 || !id.StartsWith("F2B", StringComparison.OrdinalIgnoreCase)) return false;
        for (var i = 3; i < 7; i++) if (id[i] < '0' || id[i] > '9') return false;
        return true;
    }
}
