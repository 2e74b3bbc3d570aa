using System.Collections.Generic;
using System.Text.Json;
using Fail2Ban.Core.Linting;

namespace FilterLint.Output;

/// <summary>The variants a finding occurs in, as JSON and SARIF properties: <c>modes</c>, <c>logtypes</c> and, when not all, <c>variants</c>.</summary>
internal static class VariantProperties
{
    public static void Write(Utf8JsonWriter json, LintFinding f)
    {
        WriteList(json, "modes", f.Modes);
        WriteList(json, "logtypes", f.LogTypes);
        if (f.Variants.Length > 0) json.WriteString("variants", f.Variants);
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
