using System;
using System.CommandLine;
using FilterLint.LanguageServer;

namespace FilterLint.Commands;

/// <summary>
/// <c>filterlint lsp</c>: the language server on stdin/stdout, for editors (VS Code, Neovim, Helix, …).
/// Exit code 0 after the client's <c>shutdown</c>/<c>exit</c>, 1 when the input ends without them.
/// </summary>
internal static class LspCommand
{
    public static Command Create()
    {
        // Editors' clients add --stdio when they start a server over stdio (vscode-languageclient does).
        var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over stdin/stdout (the default and only transport)." };
        var command = new Command("lsp",
            "Run the language server for Fail2Ban filter files on stdin/stdout: diagnostics from every lint rule as you type, " +
            "hover, go to definition, references, quick fixes, symbols and completion. Started by the editor (see docs/editors.md).")
        {
            stdio,
        };
        command.SetAction(_ =>
        {
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return new FilterLanguageServer(input, output).RunAsync().GetAwaiter().GetResult();
        });
        return command;
    }
}
