using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using FilterLint.LanguageServer.Protocol;

namespace FilterLint.LanguageServer.Workspace;

/// <summary>One open document: its URI as the editor names it, its path for the core, its unsaved text.</summary>
public sealed record OpenDocument(string Uri, string Path, string Text, int Version);

/// <summary>The documents the editor has open (full-text sync), by path. Thread-safe: lint tasks read it.</summary>
public sealed class OpenDocuments
{
    private readonly ConcurrentDictionary<string, OpenDocument> _byPath = new(StringComparer.Ordinal);

    public OpenDocument Open(string uri, string text, int version)
    {
        var document = new OpenDocument(uri, DocumentUri.ToPath(uri), text, version);
        _byPath[document.Path] = document;
        return document;
    }

    public OpenDocument? Change(string uri, string text, int version)
    {
        var path = DocumentUri.ToPath(uri);
        if (!_byPath.TryGetValue(path, out var old)) return Open(uri, text, version);
        var document = old with { Text = text, Version = version };
        _byPath[path] = document;
        return document;
    }

    public OpenDocument? Close(string uri) => _byPath.TryRemove(DocumentUri.ToPath(uri), out var d) ? d : null;

    public OpenDocument? ByUri(string? uri) => uri is null ? null : ByPath(DocumentUri.ToPath(uri));

    public OpenDocument? ByPath(string path) => _byPath.TryGetValue(path, out var d) ? d : null;

    public ICollection<OpenDocument> All => _byPath.Values;

    /// <summary>The URI to show a path with: the open document's own, else a <c>file://</c> URI.</summary>
    public string UriFor(string path) => ByPath(path)?.Uri ?? DocumentUri.FromPath(path);
}
