using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Config;

/// <summary>Config files held in memory (tests, and the Roslyn generator/analyzer which receive them as AdditionalFiles).</summary>
public sealed class InMemoryConfigFileSource : IConfigFileSource
{
    private readonly Dictionary<string, ConfigFileText> _files = new(StringComparer.Ordinal);

    /// <summary>Adds (or replaces) a file with already decoded text.</summary>
    public InMemoryConfigFileSource Add(string path, string text)
    {
        _files[ConfigPath.Normalize(path)] = ConfigFileText.FromText(text);
        return this;
    }

    /// <summary>Adds (or replaces) a file as its source gave it (decoded, undecodable or unreadable).</summary>
    public InMemoryConfigFileSource Add(string path, ConfigFileText text)
    {
        _files[ConfigPath.Normalize(path)] = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>Adds (or replaces) a file given as raw bytes, decoded as strict UTF-8.</summary>
    public InMemoryConfigFileSource Add(string path, byte[] bytes)
    {
        _files[ConfigPath.Normalize(path)] = ConfigFileText.FromBytes(bytes);
        return this;
    }

    /// <summary>The paths of all files held.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    /// <inheritdoc/>
    public ConfigFileText? Read(string path) =>
        _files.TryGetValue(ConfigPath.Normalize(path), out var text) ? text : null;

    /// <inheritdoc/>
    public IReadOnlyList<string> ListDirectory(string directory)
    {
        var dir = ConfigPath.Normalize(directory);
        var result = new List<string>();
        foreach (var path in _files.Keys)
        {
            var parent = ConfigPath.GetDirectory(path);
            if ((parent.Length == 0 ? "." : parent) == dir) result.Add(path);
        }
        return result;
    }
}
