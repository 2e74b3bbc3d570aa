using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Fail2Ban.Core.Linting;
using FilterLint.LanguageServer.Features;
using FilterLint.LanguageServer.Protocol;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer;

/// <summary>
/// The language server for Fail2Ban filter files: the LSP lifecycle (initialize, initialized, shutdown, exit),
/// full-text document sync, diagnostics from every lint rule on the unsaved text, hover, definition,
/// references, code actions, document symbols and completion. Runs until <c>exit</c> or the end of its input.
/// </summary>
public sealed class FilterLanguageServer
{
    private readonly JsonRpcDispatcher _rpc;
    private readonly OpenDocuments _documents = new();
    private readonly OverlayFileSource _files;
    private readonly LintScheduler _lint;
    private bool _shutdown;
    private SampleLogSource? _samples;

    public FilterLanguageServer(Stream input, Stream output)
    {
        _rpc = new JsonRpcDispatcher(new LspMessageStream(input, output));
        _files = new OverlayFileSource(_documents);
        _lint = new LintScheduler(_documents, _files,
            (_, parameters) => _rpc.SendNotificationAsync("textDocument/publishDiagnostics", parameters), Log);
        _rpc.OnHandlerFailure = Log;
        Register();
    }

    /// <summary>Serves until <c>exit</c>; the process exit code LSP asks for: 0 after <c>shutdown</c>, else 1.</summary>
    public async Task<int> RunAsync(CancellationToken cancel = default)
    {
        await _rpc.RunAsync(cancel).ConfigureAwait(false);
        return _shutdown ? 0 : 1;
    }

    private void Register()
    {
        _rpc.OnRequest("initialize", Initialize);
        _rpc.OnNotification("initialized", _ => { });
        _rpc.OnRequest("shutdown", _ =>
        {
            _shutdown = true;
            return null;
        });
        _rpc.OnNotification("exit", _ => _rpc.Stop());
        _rpc.OnNotification("textDocument/didOpen", p =>
        {
            var item = p?["textDocument"];
            var document = _documents.Open((string)item!["uri"]!, (string?)item["text"] ?? "", (int?)item["version"] ?? 0);
            Edited(document.Path);
        });
        _rpc.OnNotification("textDocument/didChange", p =>
        {
            // Full sync: the last change holds the whole text.
            var changes = p?["contentChanges"] as JsonArray;
            if (changes is null || changes.Count == 0) return;
            var document = _documents.Change(LspJson.Uri(p)!, (string?)changes[changes.Count - 1]?["text"] ?? "", (int?)p?["textDocument"]?["version"] ?? 0);
            if (document != null) Edited(document.Path);
        });
        _rpc.OnNotification("textDocument/didSave", _ => { });
        _rpc.OnNotification("textDocument/didClose", p =>
        {
            if (_documents.Close(LspJson.Uri(p)!) is not { } closed) return;
            Interlocked.Increment(ref _generation);
            _lint.Closed(closed.Path);
        });
        _rpc.OnNotification("workspace/didChangeConfiguration", _ => { });
        _rpc.OnRequest("textDocument/hover", p => WithDocument(p, d => HoverProvider.Hover(d, Position(p), Context(d))));
        _rpc.OnRequest("textDocument/definition", p => WithDocument(p, d => NavigationProvider.Definition(d, Position(p), Context(d), _documents)));
        _rpc.OnRequest("textDocument/references", p => WithDocument(p, d =>
            NavigationProvider.References(d, Position(p), (bool?)p?["context"]?["includeDeclaration"] ?? true, Context(d), _files, _documents)));
        _rpc.OnRequest("textDocument/codeAction", p => WithDocument(p, d =>
            CodeActionProvider.Actions(d, p, _lint.FindingsIn(d.Path), _files, _documents)));
        _rpc.OnRequest("textDocument/documentSymbol", p => WithDocument(p, OutlineProvider.Symbols));
        _rpc.OnRequest("textDocument/completion", p => WithDocument(p, d => CompletionProvider.Complete(d, Position(p), Context(d))));
    }

    private JsonNode Initialize(JsonNode? parameters)
    {
        var options = parameters?["initializationOptions"];
        if ((int?)options?["debounceMilliseconds"] is int debounce and >= 0) _lint.DebounceMilliseconds = debounce;
        var settingsText = ReadSettings((string?)options?["settings"]);
        var lintOptions = LintOptionsFor((string?)options?["samples"]);
        _samples = lintOptions?.Samples;
        _lint.Linter = new StagedLinter(
            () => settingsText is null ? new LintSettings() : LintSettings.ParseGlobalConfig(settingsText, new List<string>()),
            lintOptions);
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["positionEncoding"] = "utf-16",
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 1, ["save"] = false },
                ["hoverProvider"] = true,
                ["definitionProvider"] = true,
                ["referencesProvider"] = true,
                ["documentSymbolProvider"] = true,
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray { "quickfix" } },
                ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray { "(", "<" } },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "filterlint", ["version"] = typeof(FilterLanguageServer).Assembly.GetName().Version?.ToString(3) },
        };
    }

    /// <summary>The text of a <c>.globalconfig</c> with rule severities (as <c>filterlint lint --settings</c>), its errors logged;
    /// null for none or an unreadable file (logged): the default severities.</summary>
    private string? ReadSettings(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        try
        {
            var text = File.ReadAllText(path);
            var errors = new List<string>();
            LintSettings.ParseGlobalConfig(text, errors);
            foreach (var e in errors) Log("filterlint lsp: " + path + ": " + e);
            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log("filterlint lsp: cannot read settings " + path + ": " + e.Message);
            return null;
        }
    }

    /// <summary>Sample logs named like the filters (the F2B5 rules), from a folder given by the client.</summary>
    private static LintOptions? LintOptionsFor(string? samples)
    {
        if (string.IsNullOrEmpty(samples) || !Directory.Exists(samples)) return null;
        var full = Path.GetFullPath(samples);
        return new LintOptions
        {
            Samples = new SampleLogSource(
                name => File.Exists(Path.Combine(full, name)) ? File.ReadAllText(Path.Combine(full, name)) : null,
                name => Path.Combine(full, name)),
        };
    }

    /// <summary>
    /// The filter a document is read in, read again only after an edit of any open document or new lint results
    /// (an include-only file is read through a filter found to include it) — a pathological filter can take a
    /// second to read; hover, definition and completion on it then answer at once.
    /// </summary>
    private FilterContext Context(OpenDocument document)
    {
        var generation = (Volatile.Read(ref _generation), _lint.ResultsVersion);
        if (_contextCache is { } cached && cached.Generation == generation && cached.Path == document.Path) return cached.Context;
        var context = FilterContext.For(document.Path, _lint, _files, _samples);
        _contextCache = (generation, document.Path, context);
        return context;
    }

    private int _generation;
    private ((int Edits, int Results) Generation, string Path, FilterContext Context)? _contextCache;

    private void Edited(string path)
    {
        Interlocked.Increment(ref _generation);
        _lint.Changed(path);
    }

    private static LspPosition Position(JsonNode? parameters) => LspPosition.From(parameters?["position"]);

    /// <summary>Runs a feature on an open document; a document the server does not have answers null.</summary>
    private JsonNode? WithDocument(JsonNode? parameters, Func<OpenDocument, JsonNode?> feature) =>
        _documents.ByUri(LspJson.Uri(parameters)) is { } document ? feature(document) : null;

    private void Log(string message) =>
        _ = _rpc.SendNotificationAsync("window/logMessage", new JsonObject { ["type"] = 1, ["message"] = message });
}
