using System;
using System.CommandLine;
using System.IO;
using System.Text;
using FilterLint.Commands;

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
        var root = new RootCommand("filterlint: read, test and lint Fail2Ban filter files. " + ExitCodes.Help)
        {
            ShowCommand.Create(),
            RegexCommand.Create(),
            LintCommand.Create(),
            ProbeCommand.Create(),
            DiffCommand.Create(),
        };
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine("filterlint: error: " + e.Message);
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
