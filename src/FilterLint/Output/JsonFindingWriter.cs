using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fail2Ban.Core.Linting;

namespace FilterLint.Output;

/// <summary>
/// Writes findings as one JSON array: <c>ruleId</c>, <c>ruleName</c>, <c>severity</c>, <c>file</c>,
/// <c>line</c>, <c>column</c>, <c>endLine</c>, <c>endColumn</c>, <c>message</c>, and <c>modes</c>,
/// <c>evidence</c>, <c>fix</c> where present.
/// </summary>
internal sealed class JsonFindingWriter
{
    private readonly DisplayPath _paths;

    public JsonFindingWriter(DisplayPath paths) => _paths = paths;

    public void Write(TextWriter output, IReadOnlyList<LintFinding> findings)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var f in findings) WriteFinding(json, f);
            json.WriteEndArray();
        }
        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    private void WriteFinding(Utf8JsonWriter json, LintFinding f)
    {
        var l = f.Location;
        json.WriteStartObject();
        json.WriteString("ruleId", f.RuleId);
        json.WriteString("ruleName", f.RuleName);
        json.WriteString("severity", LintFinding.SeverityName(f.Severity));
        json.WriteString("file", _paths.Format(l.File));
        json.WriteNumber("line", l.Line);
        json.WriteNumber("column", l.Column);
        json.WriteNumber("endLine", l.EndLine);
        json.WriteNumber("endColumn", l.EndColumn);
        json.WriteString("message", f.Message);
        if (f.Filter.Length > 0) json.WriteString("filter", f.Filter);
        VariantProperties.Write(json, f);
        if (f.Evidence is { } e)
        {
            json.WriteStartObject("evidence");
            json.WriteString("kind", e.KindName);
            json.WriteString("line", e.Line);
            json.WriteString("explanation", e.Explanation);
            if (e.BannedAddress != null) json.WriteString("bannedAddress", e.BannedAddress);
            if (e.MatchMilliseconds is { } ms) json.WriteNumber("matchMilliseconds", System.Math.Round(ms, 1));
            if (e.LineLength is { } len) json.WriteNumber("lineLength", len);
            json.WriteEndObject();
        }
        if (f.Fix is { } fix)
        {
            json.WriteStartObject("fix");
            json.WriteString("title", fix.Title);
            json.WriteStartArray("edits");
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                json.WriteString("file", _paths.Format(edit.File));
                json.WriteNumber("line", edit.Line);
                json.WriteNumber("column", edit.Column);
                json.WriteNumber("endColumn", edit.EndColumn);
                json.WriteString("oldText", edit.OldText);
                json.WriteString("newText", edit.NewText);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
