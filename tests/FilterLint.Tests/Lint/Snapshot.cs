using System;
using System.IO;

namespace FilterLint.Tests.Lint;

/// <summary>
/// Golden files: compares text with <c>Lint/Snapshots/NAME</c>; on a difference writes <c>NAME.received.EXT</c>
/// beside it (for diff; git-ignored) and fails. <c>UPDATE_SNAPSHOTS=1</c> accepts the new text.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var folder = Path.Combine(ProjectDirectory(), "Lint", "Snapshots");
        var path = Path.Combine(folder, name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, actual);
            return;
        }
        var expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
        if (expected != actual)
            File.WriteAllText(Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name)), actual);
        Assert.Equal(expected, actual);
    }

    /// <summary>The test project's folder, found from the test binaries (not [CallerFilePath], which path maps change).</summary>
    private static string ProjectDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && dir.GetFiles("*.csproj").Length == 0) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("test project folder not found");
    }
}
