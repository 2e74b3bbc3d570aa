using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Fail2Ban.Core.Config;

namespace FilterLint.Files;

/// <summary>
/// Config files as they were at a git revision (<c>git show REV:./path</c>, run in the current directory), read
/// when the config reader asks for them, so a filter's includes come from the same revision.
/// </summary>
internal sealed class GitRevisionFileSource : IConfigFileSource
{
    private readonly string _revision;
    private readonly Dictionary<string, ConfigFileText?> _files = new(StringComparer.Ordinal);

    public GitRevisionFileSource(string revision) => _revision = revision;

    public string Revision => _revision;

    public ConfigFileText? Read(string path)
    {
        var key = ConfigPath.Normalize(path);
        if (_files.TryGetValue(key, out var text)) return text;
        var bytes = Git(out var ok, "show", _revision + ":./" + key);
        return _files[key] = ok ? ConfigFileText.FromBytes(bytes) : null;
    }

    public IReadOnlyList<string> ListDirectory(string directory)
    {
        var dir = ConfigPath.Normalize(directory).TrimEnd('/');
        var output = Git(out var ok, "ls-tree", "--name-only", _revision, "--", (dir.Length == 0 || dir == "." ? "." : dir) + "/");
        var result = new List<string>();
        if (!ok) return result;
        foreach (var line in Encoding.UTF8.GetString(output).Split('\n'))
            if (line.Length > 0) result.Add(line);
        return result;
    }

    /// <summary>Whether <paramref name="path"/> names a file (blob) at the revision.</summary>
    public bool IsFile(string path) => Read(path) != null;

    /// <summary>Checks that git and the revision exist; the error to print, or null.</summary>
    public string? Check()
    {
        Git(out var ok, "rev-parse", "--verify", "--quiet", _revision + "^{commit}");
        return ok ? null : "'" + _revision + "' is not a git revision here (or git is not installed)";
    }

    private static byte[] Git(out bool ok, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.GetCurrentDirectory(),
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
