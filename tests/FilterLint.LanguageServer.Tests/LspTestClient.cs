using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipes;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using FilterLint.LanguageServer;
using FilterLint.LanguageServer.Protocol;

namespace FilterLint.LanguageServer.Tests;

/// <summary>
/// An LSP client for tests: runs <see cref="FilterLanguageServer"/> on a pair of OS pipes and talks to it as an
/// editor does (requests with ids, notifications, server notifications collected). Waits give up after a minute
/// so a broken server fails the test instead of hanging it; nothing here measures time.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _fromServer = new(PipeDirection.In);
    private readonly LspMessageStream _stream;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly Channel<JsonObject> _notifications = Channel.CreateUnbounded<JsonObject>();
    private readonly List<JsonObject> _seen = new();
    private readonly Task _reader;
    private int _nextId;

    public LspTestClient()
    {
        var serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
        var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
        Server = Task.Run(() => new FilterLanguageServer(serverIn, serverOut).RunAsync());
        _stream = new LspMessageStream(_fromServer, _toServer);
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>The server's run: its result is the exit code after <c>exit</c>.</summary>
    public Task<int> Server { get; }

    /// <summary>Every notification the server sent so far (diagnostics, log messages).</summary>
    public IReadOnlyList<JsonObject> Notifications
    {
        get
        {
            lock (_seen) return _seen.ToList();
        }
    }

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await _stream.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await answer.Task.WaitAsync(Patience);
    }

    /// <summary>The result of a request; fails the test on an error response.</summary>
    public async Task<JsonNode?> ResultAsync(string method, JsonNode? parameters)
    {
        var response = await RequestAsync(method, parameters);
        Assert.False(response.ContainsKey("error"), method + " answered an error: " + response["error"]?.ToJsonString());
        return response["result"];
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        _stream.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Sends raw bytes (a malformed message) as they are.</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _toServer.WriteAsync(bytes);
        await _toServer.FlushAsync();
    }

    public async Task<JsonObject> InitializeAsync(string? samples = null)
    {
        var result = await ResultAsync("initialize", new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = null,
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = new JsonObject { ["debounceMilliseconds"] = 20, ["samples"] = samples },
        });
        await NotifyAsync("initialized", new JsonObject());
        return (JsonObject)result!;
    }

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "fail2ban-filter", ["version"] = version, ["text"] = text },
        });

    public Task ChangeAsync(string uri, string text, int version) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray { new JsonObject { ["text"] = text } },
        });

    /// <summary>Waits for diagnostics of <paramref name="uri"/> that satisfy <paramref name="accept"/> (for an edit: its version).</summary>
    public async Task<JsonArray> DiagnosticsAsync(string uri, Func<JsonObject, bool>? accept = null)
    {
        using var cancel = new CancellationTokenSource(Patience);
        while (true)
        {
            var n = await _notifications.Reader.ReadAsync(cancel.Token);
            if ((string?)n["method"] != "textDocument/publishDiagnostics") continue;
            var p = (JsonObject)n["params"]!;
            if ((string?)p["uri"] == uri && (accept is null || accept(p))) return (JsonArray)p["diagnostics"]!;
        }
    }

    public static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    public async Task<int> ShutdownAsync()
    {
        var response = await RequestAsync("shutdown", null);
        Assert.True(response.ContainsKey("result") && response["result"] is null);
        await NotifyAsync("exit", null);
        return await Server.WaitAsync(Patience);
    }

    private async Task ReadLoopAsync()
    {
        while (true)
        {
            JsonNode? message;
            try
            {
                message = await _stream.ReadAsync(CancellationToken.None);
            }
            catch (IOException)
            {
                return;
            }
            if (message is not JsonObject obj) return;
            if (obj["method"] is null && (int?)obj["id"] is int id && _pending.TryRemove(id, out var answer))
            {
                answer.SetResult(obj);
                continue;
            }
            lock (_seen) _seen.Add(obj);
            _notifications.Writer.TryWrite(obj);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _toServer.Dispose();
        try
        {
            await Server.WaitAsync(Patience);
        }
        catch (Exception)
        {
            // The test already reported what went wrong.
        }
        _fromServer.Dispose();
        await Task.WhenAny(_reader, Task.Delay(Patience));
    }
}
