using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Fail2Ban.Core.Config;
using FilterLint.LanguageServer.Protocol;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer.Features;

/// <summary>
/// Go to definition (<c>%(x)s</c>, <c>&lt;tag&gt;</c>, <c>known/…</c>, a <c>before</c>/<c>after</c> include) and
/// find references of an option across the files the filter reads.
/// </summary>
internal static class NavigationProvider
{
    private const string IncludesSection = "INCLUDES";

    public static JsonNode? Definition(OpenDocument document, LspPosition at, FilterContext context, OpenDocuments documents)
    {
        var outline = ConfOutline.Parse(document.Text);
        var section = outline.SectionAt(at.Line)?.Name ?? "Definition";
        if (section == IncludesSection && outline.OptionAt(at.Line) is { Name: "before" or "after" } include)
            return IncludedFile(document, outline, include, at.Line, documents);
        string? name = null;
        if (outline.ReferenceAt(at.Line, at.Character) is { } reference) name = reference.Name;
        else if (outline.OptionNameAt(at.Line, at.Character) is { } option) name = option.Name;
        if (name is null) return null;
        var definition = context.Lookup(section, name, raw: true)?.Option;
        if (definition is null) return null;
        var l = definition.NameLocation;
        return new JsonObject
        {
            ["uri"] = documents.UriFor(l.File),
            ["range"] = LspJson.Range(l.Line, l.Column, l.Line, l.Column + definition.Name.Length),
        };
    }

    /// <summary>The file an include line names (resolved against the including file's folder, as the reader does).</summary>
    private static JsonNode? IncludedFile(OpenDocument document, ConfOutline outline, OutlineOption include, int line, OpenDocuments documents)
    {
        var text = outline.Lines[line];
        var value = (line == include.Line ? text.Substring(Math.Min(include.ValueStart, text.Length)) : text).Trim();
        if (value.Length == 0 || value.StartsWith("#", StringComparison.Ordinal)) return null;
        var path = ConfigPath.Combine(ConfigPath.GetDirectory(document.Path), value);
        if (!System.IO.File.Exists(path) && documents.ByPath(path) is null) return null;
        return new JsonObject { ["uri"] = documents.UriFor(path), ["range"] = LspJson.Range(1, 1, 1, 1) };
    }

    public static JsonNode References(OpenDocument document, LspPosition at, bool includeDeclaration, FilterContext context,
        OverlayFileSource files, OpenDocuments documents)
    {
        var result = new JsonArray();
        var outline = ConfOutline.Parse(document.Text);
        var name = outline.ReferenceAt(at.Line, at.Character)?.Name ?? outline.OptionNameAt(at.Line, at.Character)?.Name
            ?? outline.OptionAt(at.Line)?.Name;
        if (name is null) return result;
        // known/x and default/x refer to x too.
        var bare = name.IndexOf('/') > 0 ? name.Substring(name.IndexOf('/') + 1) : name;
        var paths = new List<string> { document.Path };
        if (context.Filter != null) paths.AddRange(context.Filter.FilesRead.Where(p => p != document.Path));
        foreach (var path in paths.Distinct())
        {
            var text = path == document.Path ? document.Text : files.ReadText(path);
            if (text is null) continue;
            var other = path == document.Path ? outline : ConfOutline.Parse(text);
            foreach (var r in other.References())
            {
                var refName = r.Name.IndexOf('/') > 0 ? r.Name.Substring(r.Name.IndexOf('/') + 1) : r.Name;
                if (string.Equals(refName, bare, StringComparison.OrdinalIgnoreCase))
                    result.Add(Location(documents, path, r.Line, r.Start, r.End));
            }
            if (!includeDeclaration) continue;
            foreach (var o in other.Options)
                if (string.Equals(o.Name, bare, StringComparison.OrdinalIgnoreCase))
                    result.Add(Location(documents, path, o.Line, o.NameStart, o.NameEnd));
        }
        return result;
    }

    private static JsonObject Location(OpenDocuments documents, string path, int line, int start, int end) => new()
    {
        ["uri"] = documents.UriFor(path),
        ["range"] = LspJson.Range(line + 1, start + 1, line + 1, end + 1),
    };
}
