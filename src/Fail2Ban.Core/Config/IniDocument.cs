using System.Collections.Generic;

namespace Fail2Ban.Core.Config;

/// <summary>One config file parsed on its own (Fail2Ban's duplicate rules apply per file).</summary>
public sealed class IniDocument
{
    internal IniDocument(string path, ConfigSection defaults, IReadOnlyList<ConfigSection> sections)
    {
        Path = path;
        Defaults = defaults;
        Sections = sections;
    }

    /// <summary>The path the file was read from.</summary>
    public string Path { get; }

    /// <summary>The file's <c>[DEFAULT]</c> options (possibly from several <c>[DEFAULT]</c> headers).</summary>
    public ConfigSection Defaults { get; }

    /// <summary>The other sections in file order.</summary>
    public IReadOnlyList<ConfigSection> Sections { get; }
}
