using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FilterLint.LanguageServer.Protocol;

namespace FilterLint.LanguageServer.Tests;

/// <summary><c>filterlint lsp --stdio</c> as editors start it: a process on stdin/stdout.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_cli_command_serves_a_session_over_stdio_and_exits_0_after_shutdown()
    {
        using var seed = new SeedFilter();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath);
        start.ArgumentList.Add("lsp");
        start.ArgumentList.Add("--stdio");
        using var process = Process.Start(start)!;
        var stream = new LspMessageStream(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
        await stream.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = new JsonObject() });
        var init = await stream.ReadAsync(default);
        Assert.Equal("filterlint", (string)init!["result"]!["serverInfo"]!["name"]!);
        await stream.WriteAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "textDocument/didOpen",
            ["params"] = new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = seed.FilterUri, ["languageId"] = "fail2ban-filter", ["version"] = 1, ["text"] = SeedFilter.Filter },
            },
        });
        var published = await stream.ReadAsync(default);
        Assert.Equal("textDocument/publishDiagnostics", (string)published!["method"]!);
        Assert.Equal("F2B2001", (string)published["params"]!["diagnostics"]![0]!["code"]!);
        await stream.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "shutdown" });
        Assert.Equal(2, (int)(await stream.ReadAsync(default))!["id"]!);
        await stream.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "exit" });
        await process.WaitForExitAsync().WaitAsync(System.TimeSpan.FromMinutes(1));
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await process.StandardError.ReadToEndAsync());
    }

    /// <summary>The CLI built beside the tests (the project reference copies it to the output folder).</summary>
    internal static string CliPath => Path.Combine(Path.GetDirectoryName(typeof(FilterLint.Program).Assembly.Location)!, "filterlint.dll");
}
