using System.Collections.Generic;
using System.IO;
using Fail2Ban.Core.Config;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>An in-memory copy of the .conf files under a folder (tests read the corpus; Core never touches disk).</summary>
internal static class DiskFiles
{
    public static InMemoryConfigFileSource Under(string root)
    {
        var files = new InMemoryConfigFileSource();
        foreach (var path in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
        {
            if (!path.EndsWith(".conf") && !path.EndsWith(".local")) continue;
            files.Add(path, File.ReadAllText(path));
        }
        return files;
    }

    /// <summary>Just the given files.</summary>
    public static InMemoryConfigFileSource Of(IEnumerable<string> paths)
    {
        var files = new InMemoryConfigFileSource();
        foreach (var path in paths) files.Add(path, File.ReadAllText(path));
        return files;
    }
}
