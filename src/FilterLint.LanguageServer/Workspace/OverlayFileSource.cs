using System;
using System.Collections.Generic;
using System.IO;
using Fail2Ban.Core.Config;

namespace FilterLint.LanguageServer.Workspace;

/// <summary>
/// The files the core reads: an open document's unsaved text, else the file on disk (strict UTF-8, as the CLI
/// reads it). Open documents not yet saved appear in their folder's listing, so a new <c>x.d/*.conf</c> counts.
/// </summary>
public sealed class OverlayFileSource : IConfigFileSource
{
    private readonly OpenDocuments _documents;

    public OverlayFileSource(OpenDocuments documents) => _documents = documents;

    public ConfigFileText? Read(string path)
    {
        if (_documents.ByPath(path) is { } open) return ConfigFileText.FromText(open.Text);
        try
        {
            return File.Exists(path) ? ConfigFileText.FromBytes(File.ReadAllBytes(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The text of a file as the core sees it, or null when it is missing or not UTF-8.</summary>
    public string? ReadText(string path) => Read(path)?.Text;

    public IReadOnlyList<string> ListDirectory(string directory)
    {
        var result = new List<string>();
        try
        {
            if (Directory.Exists(directory))
                foreach (var path in Directory.EnumerateFiles(directory))
                    result.Add(ConfigPath.Normalize(path.Replace(Path.DirectorySeparatorChar, '/')));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        foreach (var open in _documents.All)
            if (ConfigPath.GetDirectory(open.Path) == directory && !result.Contains(open.Path)) result.Add(open.Path);
        return result;
    }
}
