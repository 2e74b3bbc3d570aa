using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace FilterLint;

/// <summary>The version <c>filterlint --version</c> prints, with the Fail2Ban behaviour it follows.</summary>
internal static class ToolVersion
{
    /// <summary>The package version (from Directory.Build.props), without the source revision.</summary>
    public static string Number
    {
        get
        {
            var v = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = v.IndexOf('+');
            return plus < 0 ? v : v.Substring(0, plus);
        }
    }

    public static string Text =>
        "filterlint " + Number + "\n" +
        "Fail2Ban semantics: filters read, matched and counted as Fail2Ban 1.0.2 and master (1.1) do; where they differ, " +
        "master's rule applies unless noted (e.g. IGNOREREGEX replaces the filter's ignoreregex, as in master).\n" +
        "Command line of 'filterlint regex': fail2ban-regex 1.0.2's, plus master's --check-all and -i/--invert.";

    /// <summary>Makes the root command's <c>--version</c> print <see cref="Text"/>.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var o in root.Options)
            if (o is VersionOption v) v.Action = new PrintAction();
    }

    private sealed class PrintAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Text);
            return ExitCodes.Success;
        }
    }
}
