using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Config;

/// <summary>
/// POSIX-style path arithmetic on <c>/</c>-separated paths, done lexically (<c>..</c> collapses the
/// previous component) so that includes such as <c>../../config/filter.d/common.conf</c> resolve the
/// same in memory as on disk.
/// </summary>
public static class ConfigPath
{
    /// <summary>Collapses empty, <c>.</c> and <c>..</c> components; keeps a leading <c>/</c>.</summary>
    public static string Normalize(string path)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        if (path.Length == 0) return ".";
        var absolute = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (!absolute) parts.Add(part);
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join("/", parts);
        if (absolute) return "/" + joined;
        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>True for a path starting with <c>/</c>.</summary>
    public static bool IsAbsolute(string path) => path.Length > 0 && path[0] == '/';

    /// <summary><paramref name="name"/> relative to <paramref name="directory"/> (an absolute name is kept), normalised.</summary>
    public static string Combine(string directory, string name)
    {
        if (IsAbsolute(name) || directory.Length == 0) return Normalize(name);
        return Normalize(directory + "/" + name);
    }

    /// <summary>Everything before the last <c>/</c> (<c>""</c> when there is none, <c>/</c> for a file in the root).</summary>
    public static string GetDirectory(string path)
    {
        var i = path.LastIndexOf('/');
        if (i < 0) return "";
        return i == 0 ? "/" : path.Substring(0, i);
    }

    /// <summary>The last component of the path.</summary>
    public static string GetFileName(string path) => path.Substring(path.LastIndexOf('/') + 1);

    /// <summary>The path without its extension, as Python's <c>os.path.splitext</c> (leading dots of the name are not an extension).</summary>
    public static string WithoutExtension(string path)
    {
        var nameStart = path.LastIndexOf('/') + 1;
        var dot = path.LastIndexOf('.');
        if (dot <= nameStart) return path;
        for (var i = nameStart; i < dot; i++)
            if (path[i] != '.') return path.Substring(0, dot);
        return path;
    }

    /// <summary>The <c>.local</c> companion of a config file (<c>x.conf</c> → <c>x.local</c>).</summary>
    public static string LocalCompanion(string path) => WithoutExtension(path) + ".local";

    /// <summary>
    /// Whether a file is, by Fail2Ban's naming convention, include-only: <c>common.conf</c>,
    /// <c>apache-common.conf</c> and their <c>.local</c> files are read by filters, never a filter of their own.
    /// </summary>
    public static bool IsIncludeOnly(string path) =>
        WithoutExtension(GetFileName(path)).EndsWith("common", StringComparison.Ordinal);
}
