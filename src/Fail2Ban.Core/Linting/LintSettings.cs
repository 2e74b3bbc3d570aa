using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// Per-rule severities, read from the same <c>.globalconfig</c> lines the analyzer honours
/// (<c>dotnet_diagnostic.F2B2001.severity = error</c>) or given one by one.
/// </summary>
public sealed class LintSettings
{
    private const string Prefix = "dotnet_diagnostic.";
    private const string Suffix = ".severity";

    private readonly Dictionary<string, LintSeverity> _severities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Settings with every rule at its default severity.</summary>
    public static LintSettings Default { get; } = new();

    /// <summary>The severity of <paramref name="ruleId"/>: the configured one, else the catalogue default.</summary>
    public LintSeverity SeverityOf(string ruleId) =>
        _severities.TryGetValue(ruleId, out var s) ? s
        : RuleCatalog.TryGet(ruleId, out var d) ? d.DefaultSeverity : LintSeverity.Warning;

    /// <summary>The configured severity of <paramref name="ruleId"/>, else <paramref name="findingDefault"/>, else the catalogue default.</summary>
    internal LintSeverity SeverityOf(string ruleId, LintSeverity? findingDefault) =>
        _severities.TryGetValue(ruleId, out var s) ? s : findingDefault ?? SeverityOf(ruleId);

    /// <summary>Whether the rule runs at all.</summary>
    public bool IsEnabled(string ruleId) => SeverityOf(ruleId) != LintSeverity.None;

    /// <summary>Sets <paramref name="ruleId"/>'s severity.</summary>
    public LintSettings Set(string ruleId, LintSeverity severity)
    {
        if (ReferenceEquals(this, Default)) throw new InvalidOperationException("The default settings are shared; create new settings.");
        _severities[ruleId] = severity;
        return this;
    }

    /// <summary>Parses a severity word as <c>.globalconfig</c> writes it (<c>error warning suggestion info silent none</c>).</summary>
    public static bool TryParseSeverity(string text, out LintSeverity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": severity = LintSeverity.Error; return true;
            case "warning": severity = LintSeverity.Warning; return true;
            case "suggestion": case "info": case "note": severity = LintSeverity.Info; return true;
            case "silent": case "none": case "hidden": case "off": severity = LintSeverity.None; return true;
            default: severity = LintSeverity.None; return false;
        }
    }

    /// <summary>
    /// Reads <c>dotnet_diagnostic.ID.severity = value</c> lines of a <c>.globalconfig</c>; other lines are
    /// ignored. Errors (unknown severity words) are returned in <paramref name="errors"/>.
    /// </summary>
    public static LintSettings ParseGlobalConfig(string text, List<string> errors)
    {
        var settings = new LintSettings();
        var lineNumber = 0;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';' || line[0] == '[') continue;
            var eq = line.IndexOf('=');
            if (eq < 0) continue;
            var key = line.Substring(0, eq).Trim();
            var value = line.Substring(eq + 1).Trim();
            if (!key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)) continue;
            var id = key.Substring(Prefix.Length, key.Length - Prefix.Length - Suffix.Length);
            if (!id.StartsWith("F2B", StringComparison.OrdinalIgnoreCase)) continue;
            if (value.Equals("default", StringComparison.OrdinalIgnoreCase)) continue;
            if (TryParseSeverity(value, out var severity)) settings._severities[id] = severity;
            else errors.Add("line " + lineNumber + ": unknown severity '" + value + "' for " + id);
        }
        return settings;
    }
}
