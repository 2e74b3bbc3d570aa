using System;
using System.Collections.Generic;
using System.Threading;
using Fail2Ban.Core.Config;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Fail2Ban.Analyzers;

/// <summary>
/// The filter and include files of a compilation (AdditionalFiles), served to the core's config reader
/// in memory: includes resolve against them, never against the disk.
/// </summary>
internal sealed class AdditionalTextConfigSource : IConfigFileSource
{
    private readonly Dictionary<string, AdditionalText> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellation;

    public AdditionalTextConfigSource(IEnumerable<AdditionalText> files, CancellationToken cancellation)
    {
        _cancellation = cancellation;
        foreach (var file in files) _byPath[Normalize(file.Path)] = file;
    }

    /// <summary>The config-reader path of a file (<c>/</c>-separated, as the core compares paths).</summary>
    public static string Normalize(string path) => ConfigPath.Normalize(path.Replace('\\', '/'));

    /// <summary>The text of a file, as Roslyn holds it (for locations).</summary>
    public SourceText? TextOf(string path)
    {
        path = Normalize(path);
        lock (_texts)
        {
            if (_texts.TryGetValue(path, out var text)) return text;
            text = _byPath.TryGetValue(path, out var file) ? file.GetText(_cancellation) : null;
            _texts[path] = text;
            return text;
        }
    }

    public ConfigFileText? Read(string path)
    {
        var text = TextOf(path);
        // A file the compiler could not read as UTF-8 is one Fail2Ban cannot decode either.
        return text is null ? null : ConfigFileText.FromDecodedText(text.ToString(), text.Encoding);
    }

    public IReadOnlyList<string> ListDirectory(string directory)
    {
        var prefix = Normalize(directory).TrimEnd('/') + "/";
        var result = new List<string>();
        foreach (var path in _byPath.Keys)
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.IndexOf('/', prefix.Length) < 0) result.Add(path);
        return result;
    }
}
