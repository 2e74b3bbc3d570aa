using System;
using System.IO;

namespace Fail2Ban.Generators.Tests.Infrastructure;

/// <summary>Files of this repository the tests read (the sample filters are the generator's showcase).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string SampleFilter(string name) => File.ReadAllText(Path.Combine(Root, "samples", "LogWatch", "filters", name));

    public static string SampleLog(string name) => File.ReadAllText(Path.Combine(Root, "samples", "LogWatch", "logs", name));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Compiler.sln not found above " + AppContext.BaseDirectory);
    }
}
