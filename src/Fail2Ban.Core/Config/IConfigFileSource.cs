using System.Collections.Generic;

namespace Fail2Ban.Core.Config;

/// <summary>
/// Where the config reader gets file contents from. Core never touches the file system itself, so the
/// CLI supplies files from disk, tests and the Roslyn generator/analyzer from memory (AdditionalFiles).
/// Paths use <c>/</c> and are normalised by the caller (see <see cref="ConfigPath.Normalize"/>).
/// </summary>
public interface IConfigFileSource
{
    /// <summary>The file's decoded text (or its UTF-8 decoding error), or null if it does not exist or cannot be read.</summary>
    ConfigFileText? Read(string path);

    /// <summary>Full paths of the regular files directly inside <paramref name="directory"/>; empty if it does not exist.</summary>
    IReadOnlyList<string> ListDirectory(string directory);
}
