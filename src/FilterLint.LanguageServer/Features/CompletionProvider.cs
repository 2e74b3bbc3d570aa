using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using FilterLint.LanguageServer.Protocol;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer.Features;

/// <summary>
/// Completion: after <c>%(</c> the names the filter defines, after <c>&lt;</c> Fail2Ban's regex tags and the
/// defined names, at the start of a line the options Fail2Ban's filter reader knows and those defined.
/// </summary>
internal static class CompletionProvider
{
    private const int PropertyKind = 10;
    private const int VariableKind = 6;
    private const int KeywordKind = 14;

    /// <summary>The options of a filter's <c>[Definition]</c>/<c>[Init]</c>/<c>[INCLUDES]</c> that Fail2Ban reads.</summary>
    private static readonly string[] KnownOptions =
    {
        "after", "before", "datepattern", "failregex", "ignoreregex", "journalmatch", "logtype", "maxlines", "mode", "prefregex", "usedns",
    };

    private static readonly (string Tag, string Detail)[] Tags =
    {
        ("HOST", "address or host name (address only with usedns = no)"),
        ("ADDR", "IPv4 or IPv6 address"),
        ("IP4", "IPv4 address"),
        ("IP6", "IPv6 address"),
        ("DNS", "host name"),
        ("CIDR", "prefix length"),
        ("SUBNET", "address with optional /cidr"),
        ("SKIPLINES", "lines skipped in a multi-line match"),
        ("F-ID/", "failure id (\\S+)"),
        ("F-PORT/", "port (\\w+)"),
        ("F-USER>", "user name group, closed by </F-USER>"),
        ("F-ALT_USER>", "alternative user group"),
        ("F-CONTENT>", "content group"),
        ("F-MLFID>", "multi-line failure id group"),
        ("F-MLFFORGET>", "forget the multi-line failure"),
        ("F-MLFGAINED>", "multi-line failure gained"),
        ("F-NOFAIL>", "matched line is no failure"),
        ("F-IP4/", "IPv4 address group"),
        ("F-IP6/", "IPv6 address group"),
        ("F-ADDR/", "address group"),
        ("F-DNS/", "host name group"),
    };

    public static JsonNode Complete(OpenDocument document, LspPosition at, FilterContext context)
    {
        var lines = ConfOutline.SplitLines(document.Text);
        var line = at.Line < lines.Length ? lines[at.Line] : "";
        var before = line.Substring(0, Math.Min(at.Character, line.Length));
        var items = new JsonArray();
        // An option name is typed at a line's start: an indented line continues the value above.
        var percent = before.LastIndexOf("%(", StringComparison.Ordinal);
        var angle = before.LastIndexOf('<');
        if (percent >= 0 && before.IndexOf(')', percent) < 0)
        {
            foreach (var name in DefinedNames(document, context)) items.Add(Item(name, VariableKind, "option", name + ")s"));
        }
        else if (angle >= 0 && before.IndexOfAny(new[] { '>', ' ' }, angle) < 0)
        {
            foreach (var (tag, detail) in Tags) items.Add(Item(tag.TrimEnd('>'), KeywordKind, detail, tag.EndsWith(">", StringComparison.Ordinal) ? tag : tag + ">"));
            foreach (var name in DefinedNames(document, context)) items.Add(Item(name, VariableKind, "option", name + ">"));
        }
        else if (before.IndexOfAny(new[] { '=', ':', '[', '#', ';' }) < 0 && (before.Length == 0 || !char.IsWhiteSpace(before[0])))
        {
            foreach (var name in KnownOptions.Concat(DefinedNames(document, context)).Distinct(StringComparer.Ordinal))
                items.Add(Item(name, PropertyKind, Array.IndexOf(KnownOptions, name) >= 0 ? "Fail2Ban option" : "option", name + " = "));
        }
        return new JsonObject { ["isIncomplete"] = false, ["items"] = items };
    }

    /// <summary>Names defined in the filter's merged sections and in the document itself, sorted.</summary>
    private static IEnumerable<string> DefinedNames(OpenDocument document, FilterContext context)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (context.Filter != null)
        {
            foreach (var o in context.Filter.Config.Defaults.Options) names.Add(o.Name);
            foreach (var s in context.Filter.Config.Sections)
                if (!s.Name.StartsWith(Fail2Ban.Core.Config.MergedConfig.KnownPrefix, StringComparison.Ordinal))
                    foreach (var o in s.Options) names.Add(o.Name);
        }
        foreach (var o in ConfOutline.Parse(document.Text).Options) names.Add(o.Name);
        return names;
    }

    private static JsonObject Item(string label, int kind, string detail, string insert) => new()
    {
        ["label"] = label,
        ["kind"] = kind,
        ["detail"] = detail,
        ["insertText"] = insert,
    };
}
