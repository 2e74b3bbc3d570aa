using System;
using System.Collections.Generic;
using System.IO;
using Fail2Ban.Core.Config;

namespace FilterLint.Files;

/// <summary>Config files read from disk (regular files only, size-capped: <see cref="ConfigFileReader"/>), decoded as strict UTF-8 like Fail2Ban does.</summary>
internal sealed class PhysicalConfigFileSource : IConfigFileSource
{
    /// <inheritdoc/>
    public ConfigFileText? Read(string path)
    {
        try
        {
            var bytes = ConfigFileReader.ReadBytes(path, out var refusal);
            return bytes is null ? refusal : ConfigFileText.FromBytes(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Fail2Ban treats an unreadable file like a missing one.
            return null;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> ListDirectory(string directory)
    {
        var result = new List<string>();
        try
        {
            if (!Directory.Exists(directory)) return result;
            foreach (var path in Directory.EnumerateFiles(directory))
                result.Add(ToConfigPath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return result;
    }

    /// <summary>An absolute, <c>/</c>-separated, normalised form of a path given on the command line.</summary>
    public static string ToConfigPath(string path) =>
        ConfigPath.Normalize(Path.GetFullPath(path).Replace(Path.DirectorySeparatorChar, '/'));
}
