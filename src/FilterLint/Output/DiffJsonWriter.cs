using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fail2Ban.Core.Reviewing;

namespace FilterLint.Output;

/// <summary><c>filterlint diff --format json</c>: one JSON document with every filter's groups and all their lines.</summary>
internal sealed class DiffJsonWriter
{
    private readonly DisplayPath _paths;

    public DiffJsonWriter(DisplayPath paths) => _paths = paths;

    public void Write(TextWriter o, IReadOnlyList<FilterDiffReport> reports, System.Func<ChangeKind, bool> worse)
    {
        var doc = reports.Select(r => new Dictionary<string, object?>
        {
            ["filter"] = r.Filter,
            ["old"] = r.Old.Label,
            ["new"] = r.New.Label,
            ["modes"] = r.Modes,
            ["logLines"] = r.LogLines,
            ["probeLines"] = r.ProbeLines,
            ["oldErrors"] = r.OldErrors,
            ["newErrors"] = r.NewErrors,
            ["worse"] = r.Groups.Any(g => worse(g.Kind)),
            ["counts"] = System.Enum.GetValues(typeof(ChangeKind)).Cast<ChangeKind>().ToDictionary(LineChange.Id, r.CountLines),
            ["groups"] = r.Groups.Select(g => new Dictionary<string, object?>
            {
                ["kind"] = LineChange.Id(g.Kind),
                ["regexIndex"] = g.RegexIndex < 0 ? null : g.RegexIndex + 1,
                ["regexOfOldVersion"] = g.FromOldRegex,
                ["regex"] = g.Regex?.Source,
                ["location"] = DiffReportText.Where(g.Regex, _paths),
                ["modes"] = g.Modes,
                ["count"] = g.Count,
                ["lines"] = g.Changes.Select(c => new Dictionary<string, object?>
                {
                    ["source"] = c.Line.Source,
                    ["line"] = c.Line.Number == 0 ? null : c.Line.Number,
                    ["variation"] = c.Line.Variation,
                    ["text"] = c.Line.Text,
                    ["old"] = Outcome(c.Old),
                    ["new"] = Outcome(c.New),
                }).ToList(),
            }).ToList(),
        }).ToList();
        o.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static Dictionary<string, object?> Outcome(LineOutcome outcome) => new()
    {
        ["verdict"] = outcome.Verdict.ToString().ToLowerInvariant(),
        ["hosts"] = outcome.Hosts,
        ["users"] = outcome.Users.Where(u => u.Length > 0).ToList(),
        ["fields"] = outcome.Fields,
    };
}
