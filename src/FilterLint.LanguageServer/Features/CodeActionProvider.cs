using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Fail2Ban.Core.Linting;
using FilterLint.LanguageServer.Protocol;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer.Features;

/// <summary>
/// Code actions for the findings in the requested range: the linter's mechanical fix (what <c>--fix</c> applies),
/// and suppression comments for the line and for the file, in the syntax the linter reads.
/// </summary>
internal static class CodeActionProvider
{
    public static JsonNode Actions(OpenDocument document, JsonNode? parameters, IReadOnlyList<LintFinding> findings,
        OverlayFileSource files, OpenDocuments documents)
    {
        var start = LspPosition.From(parameters?["range"]?["start"]);
        var end = LspPosition.From(parameters?["range"]?["end"]);
        var result = new JsonArray();
        var lines = ConfOutline.SplitLines(document.Text);
        foreach (var f in findings)
        {
            var l = f.Location;
            // 0-based: the finding overlaps the requested range.
            if (l.EndLine - 1 < start.Line || l.Line - 1 > end.Line) continue;
            var diagnostic = FindingDiagnostics.ToDiagnostic(f, documents);
            if (f.Fix is { } fix && FixEdit(fix, files, documents) is { } edit)
                result.Add(Action(fix.Title + " (" + f.RuleId + ")", diagnostic, edit, preferred: true));
            var target = l.Line - 1;
            if (target < lines.Length)
            {
                var indent = lines[target].Substring(0, lines[target].Length - lines[target].TrimStart().Length);
                result.Add(Action("Suppress " + f.RuleId + " on this line", diagnostic,
                    Insert(document.Uri, target, indent + "# filterlint: disable=" + f.RuleId + "\n"), preferred: false));
            }
            result.Add(Action("Suppress " + f.RuleId + " in this file", diagnostic,
                Insert(document.Uri, 0, "# filterlint: disable-file=" + f.RuleId + "\n"), preferred: false));
        }
        return result;
    }

    /// <summary>The fix as a workspace edit, or null when a file no longer holds the text the fix replaces.</summary>
    private static JsonObject? FixEdit(LintFix fix, OverlayFileSource files, OpenDocuments documents)
    {
        var changes = new JsonObject();
        foreach (var group in fix.Edits.GroupBy(e => e.File))
        {
            var text = files.ReadText(group.Key);
            if (text is null) return null;
            var lines = ConfOutline.SplitLines(text);
            var edits = new JsonArray();
            foreach (var e in group)
            {
                if (e.Line > lines.Length || e.Column - 1 + e.OldText.Length > lines[e.Line - 1].Length
                    || string.CompareOrdinal(lines[e.Line - 1], e.Column - 1, e.OldText, 0, e.OldText.Length) != 0) return null;
                edits.Add(new JsonObject { ["range"] = LspJson.Range(e.Line, e.Column, e.Line, e.EndColumn), ["newText"] = e.NewText });
            }
            changes[documents.UriFor(group.Key)] = edits;
        }
        return new JsonObject { ["changes"] = changes };
    }

    private static JsonObject Insert(string uri, int line, string text) => new()
    {
        ["changes"] = new JsonObject
        {
            [uri] = new JsonArray
            {
                new JsonObject { ["range"] = LspJson.Range(line + 1, 1, line + 1, 1), ["newText"] = text },
            },
        },
    };

    private static JsonObject Action(string title, JsonObject diagnostic, JsonObject edit, bool preferred) => new()
    {
        ["title"] = title,
        ["kind"] = "quickfix",
        ["diagnostics"] = new JsonArray { diagnostic.DeepClone() },
        ["isPreferred"] = preferred,
        ["edit"] = edit,
    };
}
