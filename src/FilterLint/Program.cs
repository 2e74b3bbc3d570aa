using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using FilterLint.Commands;
using FilterLint.Output;

namespace FilterLint;

/// <summary>Entry point of the <c>filterlint</c> command-line tool.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Console.Out flushes on every write (one system call per report or JSON line): when the
        // output goes to a file or a pipe, one buffered writer instead, flushed at exit.
        var output = Console.IsOutputRedirected
            ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false }
            : Console.Out;
        using var allocations = AllocationSampler.StartIfRequested();
        try
        {
            return Run(args, output, Console.Error);
        }
        finally
        {
            output.Flush();
            allocations?.Report(Console.Error);
        }
    }

    /// <summary>Runs the tool with the given output streams (used by tests to run it in-process).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var regex = RegexCommand.Create();
        var root = new RootCommand("filterlint: read, test and lint Fail2Ban filter files. " + ExitCodes.Help)
        {
            ShowCommand.Create(),
            regex,
            LintCommand.Create(),
            ProbeCommand.Create(),
            DiffCommand.Create(),
            LspCommand.Create(),
        };
        ToolVersion.Install(root);
        if (TopLevelHelp.IsRequest(args)) return TopLevelHelp.Write(root, output, error);
        if (args.Length > 0 && args[0] == "regex")
        {
            // fail2ban-regex's command line, read as its option parser reads it.
            var (normalized, problem) = Fail2BanRegexArgs.Normalize(args, regex);
            if (problem is not null)
            {
                error.WriteLine("filterlint: error: " + problem);
                return ExitCodes.Error;
            }
            args = normalized;
            // -V and --version print the version without LOG and FILTER, as in fail2ban-regex.
            foreach (var a in args)
            {
                if (a == "--") break;
                if (a == "-V") { output.WriteLine(ToolVersion.Number); return ExitCodes.Success; }
                if (a == "--version") { output.WriteLine(ToolVersion.Text); return ExitCodes.Success; }
            }
        }
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var message in parse.Errors.Select(e => e.Message).Distinct()) error.WriteLine("filterlint: error: " + message);
            error.WriteLine("Run 'filterlint --help' for usage.");
            return ExitCodes.Error;
        }
        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception e)
        {
            // A bug must not show up as a stack trace to the user.
            error.WriteLine("filterlint: internal error: " + e.GetType().Name + ": " + e.Message);
            return ExitCodes.Error;
        }
    }
}
