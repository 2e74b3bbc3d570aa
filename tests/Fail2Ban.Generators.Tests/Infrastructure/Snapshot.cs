using System;
using System.IO;

namespace Fail2Ban.Generators.Tests.Infrastructure;

/// <summary>
/// Golden files: <c>Snapshots/NAME.verified.cs</c> must equal the text. On a difference the text is written
/// to <c>NAME.received.cs</c> (git-ignored) for diffing; <c>UPDATE_SNAPSHOTS=1</c> accepts it instead.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var dir = Path.Combine(ProjectDirectory(), "Snapshots");
        var verified = Path.Combine(dir, name + ".verified.cs");
        var received = Path.Combine(dir, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? "No snapshot " + verified + "; run with UPDATE_SNAPSHOTS=1 to create it (received: " + received + ")"
            : "Generated code differs from " + verified + "; diff it with " + received + ", accept with UPDATE_SNAPSHOTS=1");
    }

    /// <summary>The test project folder, found from the output folder (CallerFilePath breaks under PathMap).</summary>
    private static string ProjectDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && dir.GetFiles("*.csproj").Length == 0) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Test project folder not found above " + AppContext.BaseDirectory);
    }
}
