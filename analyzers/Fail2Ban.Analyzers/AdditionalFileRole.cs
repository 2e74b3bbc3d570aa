using System;
using Fail2Ban.Core.Config;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fail2Ban.Analyzers;

/// <summary>What an AdditionalFile is to the analyzer.</summary>
internal enum AdditionalFileRole
{
    /// <summary>Not a Fail2Ban file (another extension), or left out with <c>Fail2BanFilter="false"</c>.</summary>
    None,
    /// <summary>A filter: linted.</summary>
    Filter,
    /// <summary>Read by filters (<c>common.conf</c>, <c>.local</c> files), not linted on its own.</summary>
    Include,
    /// <summary>A <c>Fail2BanFilter</c> value the analyzer does not know: reported, not linted.</summary>
    Unrecognized,
}

/// <summary>
/// Decides the role of an AdditionalFile: the <c>Fail2BanFilter</c> metadata when it is set (<c>true</c>,
/// <c>include</c>, <c>false</c>), else Fail2Ban's own conventions, so that a plain
/// <c>&lt;AdditionalFiles Include="x.conf" /&gt;</c> is linted as users expect: a <c>.conf</c> is a filter,
/// unless it is include-only by name (<c>*common.conf</c>); a <c>.local</c> is read with its <c>.conf</c>.
/// </summary>
internal static class AdditionalFileRoles
{
    internal const string FilterMetadata = "build_metadata.AdditionalFiles.Fail2BanFilter";

    /// <summary>The values <c>Fail2BanFilter</c> accepts, as the info diagnostic lists them.</summary>
    internal const string AcceptedValues = "\"true\" (a filter), \"include\" (a file filters include) or \"false\" (not a Fail2Ban file)";

    public static AdditionalFileRole Of(AdditionalText file, AnalyzerConfigOptionsProvider options, out string metadata)
    {
        metadata = options.GetOptions(file).TryGetValue(FilterMetadata, out var value) ? value.Trim() : "";
        switch (metadata.ToLowerInvariant())
        {
            case "true": return AdditionalFileRole.Filter;
            case "include": return AdditionalFileRole.Include;
            case "false": return AdditionalFileRole.None;
            case "": return ByName(file.Path);
            default: return AdditionalFileRole.Unrecognized;
        }
    }

    private static AdditionalFileRole ByName(string path)
    {
        path = path.Replace('\\', '/');
        if (path.EndsWith(".local", StringComparison.OrdinalIgnoreCase)) return AdditionalFileRole.Include;
        if (!path.EndsWith(".conf", StringComparison.OrdinalIgnoreCase)) return AdditionalFileRole.None;
        return ConfigPath.IsIncludeOnly(path) ? AdditionalFileRole.Include : AdditionalFileRole.Filter;
    }
}
