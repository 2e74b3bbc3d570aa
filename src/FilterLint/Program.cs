using System.CommandLine;

namespace FilterLint;

/// <summary>Entry point of the <c>filterlint</c> command-line tool.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("filterlint: read, test and lint Fail2Ban filter files.");
        return root.Parse(args).Invoke();
    }
}
