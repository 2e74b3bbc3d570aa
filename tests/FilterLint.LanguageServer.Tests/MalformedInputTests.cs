using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace FilterLint.LanguageServer.Tests;

/// <summary>Malformed filters and malformed messages never take the server down: it keeps answering.</summary>
public sealed class MalformedInputTests
{
    private static readonly string[] BrokenTexts =
    {
        "",
        "failregex = before any section\n",
        "[Definition\nfailregex = ^<HOST\n",
        "[Definition]\nfailregex = ^(unclosed <HOST>\n    [z-a] %(\n",
        "[Definition]\na = %(b)s\nb = %(a)s\nfailregex = %(a)s <HOST>\n",
        "[Definition]\nfailregex = <a>\na = <b><b><b>\nb = <a>\n",
        "[INCLUDES]\nbefore = missing.conf\n        ../../../../etc/passwd\n[Definition]\n= no name\nfailregex = \\\n",
        "[Definition]\nmode = %(mode)s\nfailregex = <mdre-<mode>>\nmaxlines = -1\ndatepattern = {^LN-BEG\n",
        "\uFEFF[Definition]\nfailregex = \u0000\u0001 <HOST> \uD800\n",
        "[Definition]\nfailregex = ^" + new string('(', 200) + "<HOST>" + new string(')', 200) + "\n",
    };

    [Fact]
    public async Task Broken_filters_get_diagnostics_and_every_feature_still_answers()
    {
        using var seed = new SeedFilter();
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        var uri = seed.FilterUri;
        await client.OpenAsync(uri, BrokenTexts[0]);
        for (var i = 0; i < BrokenTexts.Length; i++)
        {
            var text = BrokenTexts[i];
            await client.ChangeAsync(uri, text, i + 2);
            await client.DiagnosticsAsync(uri, p => (int?)p["version"] == i + 2);
            var lines = text.Split('\n');
            for (var line = 0; line <= lines.Length; line++)
                foreach (var character in new[] { 0, 3, 14, 500 })
                {
                    var at = LspTestClient.At(uri, line, character);
                    foreach (var method in new[] { "textDocument/hover", "textDocument/definition", "textDocument/completion" })
                        await client.ResultAsync(method, at.DeepClone());
                    at["context"] = new JsonObject { ["includeDeclaration"] = true };
                    await client.ResultAsync("textDocument/references", at);
                }
            await client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
            await client.ResultAsync("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 },
                    ["end"] = new JsonObject { ["line"] = 99, ["character"] = 0 },
                },
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
            });
        }
        // A filter that does not read is reported where the reader stops, not as a crash.
        await client.ChangeAsync(uri, BrokenTexts[1], 100);
        var reader = await client.DiagnosticsAsync(uri, p => (int?)p["version"] == 100);
        Assert.NotEmpty(reader);

        Assert.Equal(0, await client.ShutdownAsync());
        Assert.DoesNotContain(client.Notifications, n => (string?)n["method"] == "window/logMessage");
    }

    [Fact]
    public async Task Malformed_messages_get_error_responses_and_the_server_keeps_answering()
    {
        using var seed = new SeedFilter();
        await using var client = new LspTestClient();
        await client.InitializeAsync();

        // Not JSON, a JSON array, an unknown method, a request without parameters, a notification about no document.
        var body = Encoding.UTF8.GetBytes("{not json");
        await client.SendRawAsync(Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n").Concat(body).ToArray());
        body = Encoding.UTF8.GetBytes("[1,2]");
        await client.SendRawAsync(Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n").Concat(body).ToArray());
        var unknown = await client.RequestAsync("textDocument/unknownFeature", new JsonObject());
        Assert.Equal(-32601, (int)unknown["error"]!["code"]!);
        Assert.Null(await client.ResultAsync("textDocument/hover", null));
        Assert.Null(await client.ResultAsync("textDocument/hover", LspTestClient.At("file:///nowhere/x.conf", 0, 0)));
        await client.NotifyAsync("textDocument/didChange", new JsonObject { ["contentChanges"] = "oops" });
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///nowhere/x.conf" } });

        // Still serving: the seed filter gets its diagnostic.
        await client.OpenAsync(seed.FilterUri, SeedFilter.Filter);
        Assert.Single(await client.DiagnosticsAsync(seed.FilterUri));
        Assert.Equal(0, await client.ShutdownAsync());
    }
}
