using System;
using System.Text.Json.Nodes;
using Fail2Ban.Core.Config;

namespace FilterLint.LanguageServer.Protocol;

/// <summary>A 0-based LSP position (line, UTF-16 character): LSP's default position encoding.</summary>
public readonly record struct LspPosition(int Line, int Character)
{
    public static LspPosition From(JsonNode? position) =>
        new((int?)position?["line"] ?? 0, (int?)position?["character"] ?? 0);

    public JsonObject ToJson() => new() { ["line"] = Line, ["character"] = Character };
}

/// <summary>Helpers that build and read the LSP's JSON shapes.</summary>
public static class LspJson
{
    /// <summary>A range from 1-based line/column (end exclusive) as the core locates things.</summary>
    public static JsonObject Range(int line, int column, int endLine, int endColumn) => new()
    {
        ["start"] = new LspPosition(Math.Max(line - 1, 0), Math.Max(column - 1, 0)).ToJson(),
        ["end"] = new LspPosition(Math.Max(endLine - 1, 0), Math.Max(endColumn - 1, 0)).ToJson(),
    };

    public static JsonObject Location(string path, int line, int column, int endLine, int endColumn) => new()
    {
        ["uri"] = DocumentUri.FromPath(path),
        ["range"] = Range(line, column, endLine, endColumn),
    };

    public static string? Uri(JsonNode? parameters) => (string?)parameters?["textDocument"]?["uri"];
}

/// <summary>
/// <c>file://</c> URIs to the <c>/</c>-separated normalised paths the core reads, and back. A URI of another scheme
/// (an unsaved <c>untitled:</c> buffer) gets a path of its own under <c>/untitled/</c>, read only from memory.
/// </summary>
public static class DocumentUri
{
    private const string UntitledRoot = "/untitled/";

    public static string ToPath(string uri)
    {
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
            return ConfigPath.Normalize(parsed.LocalPath.Replace('\\', '/'));
        var name = uri.Substring(uri.IndexOf(':') + 1).Replace('\\', '/').TrimStart('/');
        return ConfigPath.Normalize(UntitledRoot + System.Uri.EscapeDataString(name));
    }

    public static string FromPath(string path) =>
        path.StartsWith(UntitledRoot, StringComparison.Ordinal)
            ? "untitled:" + System.Uri.UnescapeDataString(path.Substring(UntitledRoot.Length))
            : new System.Uri(path).AbsoluteUri;
}
