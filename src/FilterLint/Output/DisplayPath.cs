using System;
using System.IO;

namespace FilterLint.Output;

/// <summary>How file paths are shown: relative to the working directory when below it, else absolute.</summary>
internal sealed class DisplayPath
{
    private readonly string _baseDirectory;

    public DisplayPath(string baseDirectory)
    {
        _baseDirectory = Path.GetFullPath(baseDirectory).TrimEnd('/', Path.DirectorySeparatorChar) + "/";
    }

    /// <summary>The working directory of the process.</summary>
    public static DisplayPath Current() => new(Directory.GetCurrentDirectory());

    public string BaseDirectory => _baseDirectory;

    /// <summary><paramref name="path"/> for display: relative (with <c>/</c>) when it lies under the base directory.</summary>
    public string Format(string path)
    {
        var full = path.Replace(Path.DirectorySeparatorChar, '/');
        return full.StartsWith(_baseDirectory, StringComparison.Ordinal) ? full.Substring(_baseDirectory.Length) : full;
    }

    /// <summary>A URI for SARIF: relative (resolved against <c>%SRCROOT%</c>) or an absolute <c>file://</c> URI.</summary>
    public string ToUri(string path, out bool relative)
    {
        var shown = Format(path);
        relative = !shown.StartsWith("/", StringComparison.Ordinal);
        if (relative) return string.Join("/", Array.ConvertAll(shown.Split('/'), Uri.EscapeDataString));
        return new Uri(shown).AbsoluteUri;
    }
}
