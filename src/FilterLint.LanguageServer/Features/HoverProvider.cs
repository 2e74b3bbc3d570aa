using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Patterns;
using FilterLint.LanguageServer.Protocol;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer.Features;

/// <summary>
/// Hover on an option, a <c>%(x)s</c> or a <c>&lt;tag&gt;</c>: the value after interpolation, for the filter's
/// options (failregex, …) the value after tag expansion in the default mode, and the .NET regex it becomes
/// where that differs from what is written.
/// </summary>
internal static class HoverProvider
{
    private static readonly Dictionary<string, FilterRegexKind> RegexOptions = new(StringComparer.Ordinal)
    {
        ["failregex"] = FilterRegexKind.Fail,
        ["ignoreregex"] = FilterRegexKind.Ignore,
        ["prefregex"] = FilterRegexKind.Prefix,
    };

    public static JsonNode? Hover(OpenDocument document, LspPosition at, FilterContext context)
    {
        var outline = ConfOutline.Parse(document.Text);
        var section = outline.SectionAt(at.Line)?.Name ?? "Definition";
        var text = new StringBuilder();
        JsonObject range;
        if (outline.ReferenceAt(at.Line, at.Character) is { } reference)
        {
            range = RangeOf(reference.Line, reference.Start, reference.End);
            if (reference.Kind == ReferenceKind.Tag && BuiltInTag(reference.Name, context) is { } builtIn)
                text.Append("**<").Append(reference.Name).Append(">**: Fail2Ban tag, expands to\n").Append(Code(builtIn));
            else
                DescribeOption(text, context, section, reference.Name, reference.Kind == ReferenceKind.Tag);
        }
        else if (outline.OptionAt(at.Line) is { } option)
        {
            range = option.Line == at.Line ? RangeOf(option.Line, option.NameStart, option.NameEnd) : RangeOf(at.Line, 0, outline.Lines[at.Line].Length);
            DescribeOption(text, context, option.Section, option.Name, tag: false);
        }
        else
        {
            return null;
        }
        if (text.Length == 0) return null;
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = text.ToString() },
            ["range"] = range,
        };
    }

    private static JsonObject RangeOf(int line, int start, int end) => LspJson.Range(line + 1, start + 1, line + 1, end + 1);

    private static void DescribeOption(StringBuilder text, FilterContext context, string section, string name, bool tag)
    {
        var where = tag ? "<" + name + ">" : "%(" + name + ")s";
        if (context.Filter is null)
        {
            text.Append("**").Append(name).Append("**: the filter does not read: ").Append(context.Error);
            return;
        }
        var lookup = context.Lookup(section, name, raw: false);
        var resolvedName = name.IndexOf('/') > 0 ? name.Substring(name.IndexOf('/') + 1) : name;
        var isResolved = context.Filter.TryGetValue(resolvedName, out var resolved) && (section == "Definition" || section == "Init" || tag);
        if (lookup is null && !isResolved)
        {
            text.Append("**").Append(where).Append("**: not defined in the filter's sections or [DEFAULT]");
            return;
        }
        text.Append("**").Append(name).Append("**");
        if (lookup?.Option is { } definition)
            text.Append(" — defined at ").Append(ConfigPath.GetFileName(definition.NameLocation.File)).Append(':').Append(definition.NameLocation.Line);
        text.Append('\n');
        if (lookup?.Value is { } value)
            text.Append("\nAfter interpolation:\n").Append(Code(value.Text));
        if (isResolved && resolved!.Value is { } expanded && expanded.Text != lookup?.Value?.Text)
            text.Append("\nAfter tag expansion").Append(context.Mode is { } mode ? " (mode " + mode + ")" : "").Append(":\n").Append(Code(expanded.Text));
        if (RegexOptions.TryGetValue(resolvedName, out var kind) && isResolved && resolved!.Value is { } regexes)
            AppendTranslations(text, context, kind, regexes.Text);
        if (resolvedName == "failregex" && isResolved && context.SampleHits is { } hits)
            text.Append("\nSample log `").Append(hits.LogName).Append("`: ").Append(hits.Matched).Append(" of ").Append(hits.Lines)
                .Append(" lines matched; hits per failregex line: ").Append(string.Join(", ", hits.FailRegexHits)).Append('\n');
    }

    /// <summary>Each regex line as .NET runs it, where that differs from the written text.</summary>
    private static void AppendTranslations(StringBuilder text, FilterContext context, FilterRegexKind kind, string value)
    {
        var filter = context.Filter!;
        var lines = kind == FilterRegexKind.Prefix ? new[] { value } : value.Split('\n').Where(l => l.Length > 0).ToArray();
        var shown = new List<string>();
        foreach (var line in lines)
        {
            try
            {
                var regex = FilterRegexTranslator.Translate(line, kind, filter.UseDns == "no", filter.MaxLines > 1);
                if (regex.DotNetPattern != line) shown.Add(regex.DotNetPattern);
            }
            catch (Exception e) when (e is RegexTranslationException or Fail2Ban.Core.Diagnostics.Fail2BanException or ArgumentException)
            {
                shown.Add("(does not translate: " + e.Message + ")");
            }
        }
        if (shown.Count > 0) text.Append("\n.NET regex:\n").Append(Code(string.Join("\n", shown)));
    }

    /// <summary>The expansion of one of Fail2Ban's own regex tags, or null for a tag that names an option.</summary>
    private static string? BuiltInTag(string name, FilterContext context)
    {
        if (Fail2BanTagPatterns.Static.TryGetValue(name, out var pattern)) return pattern;
        if (name is "HOST" or "F-HOST/")
            return context.Filter?.UseDns == "no" ? Fail2BanTagPatterns.ADDR + "   (usedns = no)" : Fail2BanTagPatterns.HOST;
        if (name == "SKIPLINES") return Fail2BanTagPatterns.SkipLines(0);
        if (name.StartsWith("F-", StringComparison.Ordinal) || name.StartsWith("/F-", StringComparison.Ordinal))
        {
            var group = name.TrimStart('/').Substring(2).TrimEnd('/').ToLowerInvariant();
            return name[0] == '/' ? ")   (end of group " + group + ")" : "(?P<" + group + ">   (a named group, closed by </" + name + ">)";
        }
        return null;
    }

    private static string Code(string value) => "```\n" + value + "\n```\n";
}
