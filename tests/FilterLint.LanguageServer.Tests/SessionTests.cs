using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace FilterLint.LanguageServer.Tests;

/// <summary>A whole editing session on the seed filter, as an editor drives the server.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task Seed_filter_session_diagnostic_hover_definition_fix_and_clean_shutdown()
    {
        using var seed = new SeedFilter();
        await using var client = new LspTestClient();

        var init = await client.InitializeAsync();
        var capabilities = init["capabilities"]!;
        Assert.True((bool)capabilities["hoverProvider"]!);
        Assert.Equal(1, (int)capabilities["textDocumentSync"]!["change"]!);

        await client.OpenAsync(seed.FilterUri, SeedFilter.Filter);
        var diagnostics = await client.DiagnosticsAsync(seed.FilterUri);
        var d = Assert.Single(diagnostics)!;
        Assert.Equal("F2B2001", (string)d["code"]!);
        Assert.Equal(2, (int)d["severity"]!);
        // `[A-Z]{4}` on line 6 (0-based 5), columns 23-31 (0-based 22-30).
        Assert.Equal((5, 22, 5, 30), Range(d));
        var evidence = (string)d["relatedInformation"]![0]!["message"]!;
        Assert.Contains("CONNECT from", evidence);

        // Hover on %(_pref)s: its value from the included file.
        var hover = await client.ResultAsync("textDocument/hover", LspTestClient.At(seed.FilterUri, 5, 15));
        var markdown = (string)hover!["contents"]!["value"]!;
        Assert.Contains("NOQUEUE: reject:", markdown);
        Assert.Contains("common.conf:2", markdown);
        Assert.Equal((5, 12, 5, 21), Range(hover));

        // Go to its definition: line 2 of common.conf.
        var definition = await client.ResultAsync("textDocument/definition", LspTestClient.At(seed.FilterUri, 5, 15));
        Assert.Equal(seed.CommonUri, (string)definition!["uri"]!);
        Assert.Equal((1, 0, 1, 5), Range(definition));

        // The fix as a code action, applied as the editor would, removes the diagnostic.
        var actions = (JsonArray)(await client.ResultAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = seed.FilterUri },
            ["range"] = d["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray { d.DeepClone() } },
        }))!;
        var fix = actions.Single(a => (bool?)a!["isPreferred"] == true)!;
        Assert.Contains("{4,}", (string)fix["title"]!);
        Assert.Contains(actions, a => ((string)a!["title"]!).StartsWith("Suppress F2B2001", StringComparison.Ordinal));
        var edits = (JsonArray)fix["edit"]!["changes"]![seed.FilterUri]!;
        var fixedText = TextEdits.Apply(SeedFilter.Filter, edits);
        Assert.Contains("[A-Z]{4,} from", fixedText);

        await client.ChangeAsync(seed.FilterUri, fixedText, 2);
        var after = await client.DiagnosticsAsync(seed.FilterUri, p => (int?)p["version"] == 2);
        Assert.Empty(after);

        Assert.Equal(0, await client.ShutdownAsync());
        Assert.DoesNotContain(client.Notifications, n => (string?)n["method"] == "window/logMessage");
    }

    [Fact]
    public async Task Editing_an_included_file_rechecks_the_filter_that_includes_it()
    {
        using var seed = new SeedFilter();
        var fixedFilter = SeedFilter.Filter.Replace("[A-Z]{4} from", "%(_cmd)s from");
        seed.Write("filter.d/postfix-seed.conf", fixedFilter);
        await using var client = new LspTestClient();
        await client.InitializeAsync();

        await client.OpenAsync(seed.FilterUri, fixedFilter);
        // _cmd is not defined yet: the filter does not read (a located reader error).
        Assert.NotEmpty(await client.DiagnosticsAsync(seed.FilterUri));

        await client.OpenAsync(seed.CommonUri, SeedFilter.Common);
        await client.ChangeAsync(seed.CommonUri, SeedFilter.Common + "_cmd = [A-Z]{4}\n", 2);
        // The defect now sits in common.conf, found by linting the filter that includes it.
        var inCommon = await client.DiagnosticsAsync(seed.CommonUri, p => ((JsonArray)p["diagnostics"]!).Count > 0);
        var d = Assert.Single(inCommon)!;
        Assert.Equal("F2B2001", (string)d["code"]!);
        Assert.Equal(2, (int)d["range"]!["start"]!["line"]!);
        Assert.Empty(await client.DiagnosticsAsync(seed.FilterUri, p => ((JsonArray)p["diagnostics"]!).Count == 0));

        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_finding_of_another_mode_stays_shown_through_the_quick_pass_after_an_edit()
    {
        using var seed = new SeedFilter();
        const string text = "[Definition]\nmode = normal\n_cmd = [A-Z]{4}\nmdre-normal = ^HELO from \\S*\\[<HOST>\\]: 554$\n" +
                            "mdre-more = %(mdre-normal)s\n            ^%(_cmd)s from \\S*\\[<HOST>\\]: 554$\nfailregex = <mdre-<mode>>\n";
        var path = seed.Write("filter.d/modes.conf", text);
        var uri = FilterLint.LanguageServer.Protocol.DocumentUri.FromPath(path);
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(uri, text);
        var opened = Assert.Single(await client.DiagnosticsAsync(uri))!;
        Assert.Contains("mode more", (string)opened["message"]!);

        // Each edit's first diagnostics (the quick pass reads mode normal only) still show mode more's finding.
        for (var version = 2; version <= 4; version++)
        {
            await client.ChangeAsync(uri, text + new string('#', version) + "\n", version);
            var d = Assert.Single(await client.DiagnosticsAsync(uri, p => (int?)p["version"] == version))!;
            Assert.Equal("F2B2001", (string)d["code"]!);
            Assert.Equal((2, 7, 2, 15), Range(d));
        }
        // Fixed: gone from the first diagnostics of the edit on.
        await client.ChangeAsync(uri, text.Replace("[A-Z]{4}", "[A-Z]{4,}"), 5);
        Assert.Empty(await client.DiagnosticsAsync(uri, p => (int?)p["version"] == 5 && ((JsonArray)p["diagnostics"]!).Count == 0));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Failregex_hover_shows_the_expansion_the_dotnet_regex_and_the_hits_on_the_sample_log()
    {
        using var seed = new SeedFilter();
        seed.Write("logs/postfix-seed",
            "mail postfix/smtpd[123]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 denied\n" +
            "mail postfix/smtpd[123]: NOQUEUE: reject: CONNECT from x[192.0.2.2]: 554 5.7.1 denied\n");
        await using var client = new LspTestClient();
        await client.InitializeAsync(System.IO.Path.Combine(seed.Root, "logs"));
        await client.OpenAsync(seed.FilterUri, SeedFilter.Filter);
        await client.DiagnosticsAsync(seed.FilterUri);

        var hover = await client.ResultAsync("textDocument/hover", LspTestClient.At(seed.FilterUri, 5, 3));
        var markdown = (string)hover!["contents"]!["value"]!;
        Assert.Contains("^\\S+ postfix/smtpd\\[\\d+\\]: NOQUEUE: reject: [A-Z]{4} from", markdown);
        Assert.Contains("(?<ip4>", markdown);
        Assert.Contains("Sample log `postfix-seed`: 1 of 2 lines matched; hits per failregex line: 1", markdown);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Symbols_completion_and_references_describe_the_filter()
    {
        using var seed = new SeedFilter();
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(seed.FilterUri, SeedFilter.Filter);

        var symbols = (JsonArray)(await client.ResultAsync("textDocument/documentSymbol", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = seed.FilterUri },
        }))!;
        Assert.Equal(new[] { "[INCLUDES]", "[Definition]" }, symbols.Select(s => (string)s!["name"]!));
        Assert.Equal("failregex", (string)symbols[1]!["children"]![0]!["name"]!);

        var names = await Labels(client, LspTestClient.At(seed.FilterUri, 5, 14));
        Assert.Contains("_pref", names);
        var tags = await Labels(client, LspTestClient.At(seed.FilterUri, 5, 43));
        Assert.Contains("HOST", tags);
        Assert.Contains("F-USER", tags);

        var references = (JsonArray)(await client.ResultAsync("textDocument/references", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = seed.FilterUri },
            ["position"] = new JsonObject { ["line"] = 5, ["character"] = 15 },
            ["context"] = new JsonObject { ["includeDeclaration"] = true },
        }))!;
        Assert.Equal(new[] { seed.FilterUri, seed.CommonUri }, references.Select(r => (string)r!["uri"]!));

        // The include line leads to the included file.
        var include = await client.ResultAsync("textDocument/definition", LspTestClient.At(seed.FilterUri, 2, 12));
        Assert.Equal(seed.CommonUri, (string)include!["uri"]!);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Definition_of_known_tags_and_option_tags_follows_the_local_override_to_the_conf()
    {
        using var seed = new SeedFilter();
        var local = "[Definition]\n_verb = RCPT\nfailregex = <known/failregex>\n            ^<_verb> denied <HOST>$\n";
        var localPath = seed.Write("filter.d/postfix-seed.local", local);
        var localUri = FilterLint.LanguageServer.Protocol.DocumentUri.FromPath(localPath);
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(localUri, local);
        await client.DiagnosticsAsync(seed.FilterUri);

        // <known/failregex> is the .conf's failregex (line 6), <_verb> is defined in the .local itself (line 2).
        var known = await client.ResultAsync("textDocument/definition", LspTestClient.At(localUri, 2, 16));
        Assert.Equal((seed.FilterUri, 5, 0), ((string)known!["uri"]!, (int)known["range"]!["start"]!["line"]!, (int)known["range"]!["start"]!["character"]!));
        var verb = await client.ResultAsync("textDocument/definition", LspTestClient.At(localUri, 3, 15));
        Assert.Equal((localUri, 1), ((string)verb!["uri"]!, (int)verb["range"]!["start"]!["line"]!));
        var hover = (string)(await client.ResultAsync("textDocument/hover", LspTestClient.At(localUri, 2, 16)))!["contents"]!["value"]!;
        Assert.Contains("[A-Z]{4} from", hover);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    private static async Task<string[]> Labels(LspTestClient client, JsonObject at)
    {
        var list = await client.ResultAsync("textDocument/completion", at);
        return ((JsonArray)list!["items"]!).Select(i => (string)i!["label"]!).ToArray();
    }

    internal static (int, int, int, int) Range(JsonNode node)
    {
        var r = node["range"]!;
        return ((int)r["start"]!["line"]!, (int)r["start"]!["character"]!, (int)r["end"]!["line"]!, (int)r["end"]!["character"]!);
    }
}
