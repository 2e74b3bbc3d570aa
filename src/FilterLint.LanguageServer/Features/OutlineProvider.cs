using System.Linq;
using System.Text.Json.Nodes;
using FilterLint.LanguageServer.Protocol;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer.Features;

/// <summary>Document symbols: each <c>[section]</c> with its options.</summary>
internal static class OutlineProvider
{
    private const int NamespaceKind = 3;
    private const int PropertyKind = 7;

    public static JsonNode Symbols(OpenDocument document)
    {
        var outline = ConfOutline.Parse(document.Text);
        var result = new JsonArray();
        foreach (var s in outline.Sections)
        {
            var children = new JsonArray();
            foreach (var o in outline.Options.Where(o => o.Section == s.Name && o.Line > s.Line && o.Line <= s.EndLine))
                children.Add(Symbol(o.Name, PropertyKind, o.Line, 0, o.EndLine, outline.Lines[o.EndLine].Length, o.Line, o.NameStart, o.NameEnd, null));
            result.Add(Symbol("[" + s.Name + "]", NamespaceKind, s.Line, 0, s.EndLine, outline.Lines[s.EndLine].Length, s.Line, s.NameStart, s.NameEnd, children));
        }
        return result;
    }

    private static JsonObject Symbol(string name, int kind, int line, int column, int endLine, int endColumn,
        int nameLine, int nameStart, int nameEnd, JsonArray? children)
    {
        var symbol = new JsonObject
        {
            ["name"] = name,
            ["kind"] = kind,
            ["range"] = LspJson.Range(line + 1, column + 1, endLine + 1, endColumn + 1),
            ["selectionRange"] = LspJson.Range(nameLine + 1, nameStart + 1, nameLine + 1, nameEnd + 1),
        };
        if (children != null) symbol["children"] = children;
        return symbol;
    }
}
