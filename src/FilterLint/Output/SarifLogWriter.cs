using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fail2Ban.Core.Linting;

namespace FilterLint.Output;

/// <summary>
/// Writes findings as a SARIF 2.1.0 log that GitHub code scanning accepts: one run, the rule catalogue as
/// <c>tool.driver.rules</c> (with help links), one result per finding located in the <c>.conf</c>
/// (relative URIs against <c>%SRCROOT%</c>), fixes as <c>artifactChanges</c>, evidence as result properties.
/// </summary>
internal sealed class SarifLogWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = "https://github.com/fail2ban-filterlint/filterlint";

    private readonly DisplayPath _paths;
    private readonly string _toolVersion;

    public SarifLogWriter(DisplayPath paths, string toolVersion)
    {
        _paths = paths;
        _toolVersion = toolVersion;
    }

    public void Write(TextWriter output, IReadOnlyList<LintFinding> findings)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json);
            var anyRelative = false;
            json.WriteStartArray("results");
            foreach (var f in findings) anyRelative |= WriteResult(json, f);
            json.WriteEndArray();
            if (anyRelative)
            {
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject("%SRCROOT%");
                json.WriteString("uri", new Uri(_paths.BaseDirectory).AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    /// <summary>The SARIF <c>level</c> of a severity.</summary>
    public static string Level(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        LintSeverity.Info => "note",
        _ => "none",
    };

    private void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "filterlint");
        json.WriteString("semanticVersion", _toolVersion);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var d in RuleCatalog.All)
        {
            json.WriteStartObject();
            json.WriteString("id", d.Id);
            json.WriteString("name", d.Name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", d.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", d.Description.Length > 0 ? d.Description : d.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", d.HelpUri);
            json.WriteStartObject("help");
            json.WriteString("text", d.Title + ". See " + d.HelpUri);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(d.DefaultSeverity == LintSeverity.None ? LintSeverity.Info : d.DefaultSeverity));
            if (d.DefaultSeverity == LintSeverity.None) json.WriteBoolean("enabled", false);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("fail2ban");
            json.WriteStringValue(d.Category);
            if (d.Family == RuleFamily.Unsafe || d.Family == RuleFamily.Performance) json.WriteStringValue("security");
            json.WriteEndArray();
            if (d.Family == RuleFamily.Unsafe) json.WriteString("security-severity", "7.5");
            else if (d.Family == RuleFamily.Performance) json.WriteString("security-severity", "5.3");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private bool WriteResult(Utf8JsonWriter json, LintFinding f)
    {
        var l = f.Location;
        var uri = _paths.ToUri(l.File, out var relative);
        json.WriteStartObject();
        json.WriteString("ruleId", f.RuleId);
        var index = IndexOf(f.RuleId);
        if (index >= 0) json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(f.Severity));
        json.WriteStartObject("message");
        var text = f.Message;
        if (f.Evidence is { } ev) text += " Evidence: " + ev.Explanation + ": " + ev.Line;
        json.WriteString("text", text);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifact(json, uri, relative);
        json.WriteStartObject("region");
        json.WriteNumber("startLine", l.Line);
        json.WriteNumber("startColumn", l.Column);
        json.WriteNumber("endLine", l.EndLine);
        json.WriteNumber("endColumn", Math.Max(l.EndColumn, l.EndLine == l.Line ? l.Column + 1 : 1));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("filterlintFinding/v1", Fingerprint(f.RuleId + "|" + _paths.Format(l.File) + "|" + f.Message));
        json.WriteEndObject();
        if (f.Fix is { } fix)
        {
            json.WriteStartArray("fixes");
            json.WriteStartObject();
            json.WriteStartObject("description");
            json.WriteString("text", fix.Title);
            json.WriteEndObject();
            json.WriteStartArray("artifactChanges");
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                WriteArtifact(json, _paths.ToUri(edit.File, out var rel), rel);
                json.WriteStartArray("replacements");
                json.WriteStartObject();
                json.WriteStartObject("deletedRegion");
                json.WriteNumber("startLine", edit.Line);
                json.WriteNumber("startColumn", edit.Column);
                json.WriteNumber("endLine", edit.Line);
                json.WriteNumber("endColumn", edit.EndColumn);
                json.WriteEndObject();
                json.WriteStartObject("insertedContent");
                json.WriteString("text", edit.NewText);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        if (f.Evidence is { } e || f.Modes.Count > 0 || f.LogTypes.Count > 0)
        {
            json.WriteStartObject("properties");
            if (f.Filter.Length > 0) json.WriteString("filter", f.Filter);
            VariantProperties.Write(json, f);
            if (f.Evidence is { } evidence)
            {
                json.WriteStartObject("evidence");
                json.WriteString("kind", evidence.KindName);
                json.WriteString("line", evidence.Line);
                json.WriteString("explanation", evidence.Explanation);
                if (evidence.BannedAddress != null) json.WriteString("bannedAddress", evidence.BannedAddress);
                if (evidence.MatchMilliseconds is { } ms) json.WriteNumber("matchMilliseconds", Math.Round(ms, 1));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        return relative;
    }

    private static void WriteArtifact(Utf8JsonWriter json, string uri, bool relative)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri);
        if (relative) json.WriteString("uriBaseId", "%SRCROOT%");
        json.WriteEndObject();
    }

    private static int IndexOf(string ruleId)
    {
        var all = RuleCatalog.All;
        for (var i = 0; i < all.Count; i++) if (string.Equals(all[i].Id, ruleId, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static string Fingerprint(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }
}
