using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Fail2Ban.Core.Config;

namespace FilterLint.Files;

/// <summary>
/// Config files as they were at a git revision (<c>git show REV:path</c>), read when the config reader asks for them, so a
/// filter's includes come from the same revision. Paths are absolute, as for files on disk: the working tree's path of
/// each file stands for its version at the revision (so locations and annotations name the file a reviewer edits).
/// </summary>
internal sealed class GitRevisionFileSource : IConfigFileSource
{
    private readonly string _revision;
    private readonly string _root;
    private readonly Dictionary<string, ConfigFileText?> _files = new(StringComparer.Ordinal);

    private GitRevisionFileSource(string revision, string root)
    {
        _revision = revision;
        _root = root.TrimEnd('/');
    }

    /// <summary>The repository holding <paramref name="path"/> (a path in its working tree) at <paramref name="revision"/>; null after setting <paramref name="problem"/>.</summary>
    public static GitRevisionFileSource? For(string revision, string path, out string? problem)
    {
        var dir = Path.GetFullPath(path);
        while (!Directory.Exists(dir)) dir = Path.GetDirectoryName(dir) ?? "/";
        var top = Encoding.UTF8.GetString(Git(dir, out var ok, "rev-parse", "--show-toplevel")).Trim();
        if (!ok || top.Length == 0)
        {
            problem = "'" + dir + "' is not in a git repository (or git is not installed)";
            return null;
        }
        Git(top, out ok, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        problem = ok ? null : "'" + revision + "' is not a git revision of " + top;
        return ok ? new GitRevisionFileSource(revision, PhysicalConfigFileSource.ToConfigPath(top)) : null;
    }

    public string Revision => _revision;

    public ConfigFileText? Read(string path)
    {
        var key = ConfigPath.Normalize(path);
        if (_files.TryGetValue(key, out var text)) return text;
        if (Relative(key) is not { } relative) return _files[key] = null;
        var bytes = Git(_root, out var ok, "show", _revision + ":" + relative);
        return _files[key] = ok ? ConfigFileText.FromBytes(bytes) : null;
    }

    public IReadOnlyList<string> ListDirectory(string directory)
    {
        var result = new List<string>();
        if (Relative(ConfigPath.Normalize(directory).TrimEnd('/')) is not { } relative) return result;
        var output = Git(_root, out var ok, "ls-tree", "--name-only", "--full-name", _revision, "--", relative.Length == 0 ? "." : relative + "/");
        if (!ok) return result;
        foreach (var line in Encoding.UTF8.GetString(output).Split('\n'))
            if (line.Length > 0) result.Add(_root + "/" + line);
        return result;
    }

    /// <summary>Whether <paramref name="path"/> names a file (blob) at the revision.</summary>
    public bool IsFile(string path) => Read(path) != null;

    /// <summary>The path inside the repository ("" for its root), or null outside it.</summary>
    private string? Relative(string path)
    {
        if (path == _root) return "";
        return path.StartsWith(_root + "/", StringComparison.Ordinal) ? path.Substring(_root.Length + 1) : null;
    }

    private static byte[] Git(string directory, out bool ok, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            using var buffer = new MemoryStream();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            process.WaitForExit();
            _ = stderr.Result;
            ok = process.ExitCode == 0;
            return buffer.ToArray();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            ok = false;
            return Array.Empty<byte>();
        }
    }
}
