using System;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace FilterLint.LanguageServer.Protocol;

/// <summary>
/// The LSP base protocol on a pair of streams: messages framed by a <c>Content-Length</c> header, JSON in UTF-8.
/// Reading is single-threaded (the server's loop); writing is serialised, as diagnostics are sent from
/// background lint tasks while the loop answers requests.
/// </summary>
public sealed class LspMessageStream
{
    /// <summary>A header or body larger than this is not a message an editor sends: the stream is out of step.</summary>
    private const int MaxHeaderLength = 8192;
    private const int MaxBodyLength = 64 * 1024 * 1024;

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public LspMessageStream(Stream input, Stream output)
    {
        _input = input;
        _output = output;
    }

    /// <summary>
    /// The next message, or null at the end of the input. A body that is not JSON comes back as a
    /// <see cref="JsonValue"/> string holding the error (the caller answers it with a parse error).
    /// </summary>
    public async Task<JsonNode?> ReadAsync(CancellationToken cancel)
    {
        var length = await ReadHeadersAsync(cancel).ConfigureAwait(false);
        if (length is null) return null;
        var body = new byte[length.Value];
        var read = 0;
        while (read < body.Length)
        {
            var n = await _input.ReadAsync(body.AsMemory(read), cancel).ConfigureAwait(false);
            if (n == 0) return null;
            read += n;
        }
        try
        {
            return JsonNode.Parse(body) ?? JsonValue.Create("empty message");
        }
        catch (System.Text.Json.JsonException e)
        {
            return JsonValue.Create("invalid JSON: " + e.Message);
        }
    }

    public async Task WriteAsync(JsonNode message, CancellationToken cancel = default)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n");
        await _writeLock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(header, cancel).ConfigureAwait(false);
            await _output.WriteAsync(body, cancel).ConfigureAwait(false);
            await _output.FlushAsync(cancel).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reads header lines up to the blank line; the Content-Length, or null at the end of the input.</summary>
    private async Task<int?> ReadHeadersAsync(CancellationToken cancel)
    {
        int? length = null;
        var line = new StringBuilder();
        var one = new byte[1];
        var total = 0;
        while (true)
        {
            var n = await _input.ReadAsync(one, cancel).ConfigureAwait(false);
            if (n == 0) return null;
            if (++total > MaxHeaderLength) throw new InvalidDataException("LSP header longer than " + MaxHeaderLength + " bytes");
            var c = (char)one[0];
            if (c == '\r') continue;
            if (c != '\n')
            {
                line.Append(c);
                continue;
            }
            if (line.Length == 0)
            {
                if (length is null) throw new InvalidDataException("LSP message without a Content-Length header");
                return length;
            }
            var text = line.ToString();
            line.Clear();
            var colon = text.IndexOf(':');
            if (colon > 0 && text.Substring(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(text.Substring(colon + 1).Trim(), out var l) && l >= 0 && l <= MaxBodyLength)
                length = l;
        }
    }
}
