using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace FilterLint.LanguageServer.Tests;

/// <summary>
/// A real client: Neovim (Debian's, <c>scripts/fetch-neovim.sh</c>) runs the set-up block of docs/editors.md as
/// written, with only the command pointed at the CLI built here, opens the seed filter and writes the diagnostics
/// it received.
/// </summary>
public sealed class NeovimTests
{
    [SkippableFact]
    public async Task Neovim_with_the_documented_setup_receives_the_seed_diagnostic()
    {
        var nvim = FindNeovim();
        Skip.If(nvim is null, "Neovim not found: run scripts/fetch-neovim.sh (or put nvim on PATH, or set NVIM_BIN)");
        using var seed = new SeedFilter();
        var setup = DocumentedSetup().Replace("{ 'filterlint', 'lsp' }", "{ 'dotnet', " + LuaString(ProcessTests.CliPath) + ", 'lsp' }");
        Assert.Contains("'dotnet'", setup);
        var setupFile = seed.Write("init.lua", setup);
        var output = Path.Combine(seed.Root, "diagnostics.json");
        var check = seed.Write("check.lua",
            "vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)\n" +
            "local out = {}\n" +
            "for _, d in ipairs(vim.diagnostic.get(0)) do\n" +
            "  local lsp = d.user_data and d.user_data.lsp or {}\n" +
            "  table.insert(out, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code or lsp.code, message = d.message })\n" +
            "end\n" +
            "vim.fn.writefile({ vim.fn.json_encode({ filetype = vim.bo.filetype, clients = #vim.lsp.get_active_clients(), diagnostics = out }) }, " + LuaString(output) + ")\n" +
            "vim.cmd('qa!')\n");

        var start = new ProcessStartInfo(nvim!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "-n", "-i", "NONE", "-u", setupFile, "-c", "luafile " + check, seed.FilterPath }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(File.Exists(output), "Neovim wrote no diagnostics: " + await stderr);
        var result = JsonNode.Parse(File.ReadAllText(output))!;
        Assert.Equal("fail2ban", (string)result["filetype"]!);
        Assert.Equal(1, (int)result["clients"]!);
        var d = Assert.Single((JsonArray)result["diagnostics"]!, x => (string?)x!["code"] == "F2B2001")!;
        Assert.Equal((5, 22, 30), ((int)d["lnum"]!, (int)d["col"]!, (int)d["end_col"]!));
        Assert.Contains("[A-Z]{4}", (string)d["message"]!);
    }

    /// <summary>The Lua block between the nvim-setup markers of docs/editors.md.</summary>
    internal static string DocumentedSetup()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "editors.md"));
        var m = Regex.Match(doc, @"<!-- nvim-setup:start -->\s*```lua\n(.*?)```\s*<!-- nvim-setup:end -->", RegexOptions.Singleline);
        Assert.True(m.Success, "docs/editors.md has no nvim-setup block");
        return m.Groups[1].Value;
    }

    private static string? FindNeovim()
    {
        if (Environment.GetEnvironmentVariable("NVIM_BIN") is { Length: > 0 } given && File.Exists(given)) return given;
        var fetched = Path.Combine(RepositoryRoot(), ".nvim", "nvim");
        if (File.Exists(fetched)) return fetched;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "nvim"))) return Path.Combine(dir, "nvim");
        return null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        throw new InvalidOperationException("Compiler.sln not found above " + AppContext.BaseDirectory);
    }

    private static string LuaString(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
