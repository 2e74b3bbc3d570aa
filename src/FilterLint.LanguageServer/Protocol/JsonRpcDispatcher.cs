using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace FilterLint.LanguageServer.Protocol;

/// <summary>
/// JSON-RPC 2.0 over an <see cref="LspMessageStream"/>: requests go to their handler and get its result or an
/// error response; notifications go to theirs. A handler that throws answers with an internal error and the
/// loop goes on: no input stops the server except <c>exit</c> or the end of the stream.
/// </summary>
public sealed class JsonRpcDispatcher
{
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int MethodNotFound = -32601;
    private const int InternalError = -32603;

    private readonly LspMessageStream _stream;
    private readonly Dictionary<string, Func<JsonNode?, JsonNode?>> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<JsonNode?>> _notifications = new(StringComparer.Ordinal);
    private bool _exit;

    public JsonRpcDispatcher(LspMessageStream stream) => _stream = stream;

    /// <summary>Called with a line for the client's log (<c>window/logMessage</c>) when a handler fails.</summary>
    public Action<string>? OnHandlerFailure { get; set; }

    public void OnRequest(string method, Func<JsonNode?, JsonNode?> handler) => _requests[method] = handler;

    public void OnNotification(string method, Action<JsonNode?> handler) => _notifications[method] = handler;

    /// <summary>Ends the loop after the current message (the <c>exit</c> notification).</summary>
    public void Stop() => _exit = true;

    public Task SendNotificationAsync(string method, JsonNode? parameters) =>
        _stream.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Reads and handles messages until <c>exit</c> or the end of the input.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        while (!_exit && !cancel.IsCancellationRequested)
        {
            JsonNode? message;
            try
            {
                message = await _stream.ReadAsync(cancel).ConfigureAwait(false);
            }
            catch (System.IO.InvalidDataException e)
            {
                // The framing is lost: nothing after this can be trusted to start at a message boundary.
                OnHandlerFailure?.Invoke("filterlint lsp: " + e.Message + "; stopping");
                return;
            }
            if (message is null) return;
            await HandleAsync(message).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(JsonNode message)
    {
        if (message is not JsonObject obj)
        {
            await RespondErrorAsync(null, ParseError, message is JsonValue v && v.TryGetValue<string>(out var why) ? why : "a message must be a JSON object")
                .ConfigureAwait(false);
            return;
        }
        var method = obj["method"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : null;
        var hasId = obj.ContainsKey("id");
        var id = obj["id"]?.DeepClone();
        if (method is null)
        {
            // A response to a request of ours (none are sent that need an answer) or garbage.
            if (hasId && obj.ContainsKey("result")) return;
            if (hasId) await RespondErrorAsync(id, InvalidRequest, "a request needs a method").ConfigureAwait(false);
            return;
        }
        var parameters = obj["params"];
        if (!hasId)
        {
            if (!_notifications.TryGetValue(method, out var notify)) return;
            try
            {
                notify(parameters);
            }
            catch (Exception e)
            {
                OnHandlerFailure?.Invoke("filterlint lsp: " + method + " failed: " + e.GetType().Name + ": " + e.Message);
            }
            return;
        }
        if (!_requests.TryGetValue(method, out var handler))
        {
            await RespondErrorAsync(id, MethodNotFound, "method not supported: " + method).ConfigureAwait(false);
            return;
        }
        JsonNode? result;
        try
        {
            result = handler(parameters);
        }
        catch (Exception e)
        {
            OnHandlerFailure?.Invoke("filterlint lsp: " + method + " failed: " + e.GetType().Name + ": " + e.Message);
            await RespondErrorAsync(id, InternalError, method + " failed: " + e.Message).ConfigureAwait(false);
            return;
        }
        await _stream.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result }).ConfigureAwait(false);
    }

    private Task RespondErrorAsync(JsonNode? id, int code, string message) =>
        _stream.WriteAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        });
}
