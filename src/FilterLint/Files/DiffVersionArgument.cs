using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;

namespace FilterLint.Files;

/// <summary>
/// One side of <c>filterlint diff</c> as written on the command line: a filter file, a folder of filters, or
/// <c>git:REV:path</c> (either of those at a revision), each optionally with <c>[k=v, …]</c> filter options.
/// </summary>
internal sealed class DiffVersionArgument
{
    private DiffVersionArgument(string text, IConfigFileSource files, string path, bool isFolder, IReadOnlyDictionary<string, string>? options)
    {
        Text = text;
        Files = files;
        Path = path;
        IsFolder = isFolder;
        Options = options;
    }

    /// <summary>The argument as given.</summary>
    public string Text { get; }

    public IConfigFileSource Files { get; }

    /// <summary>The file or folder (absolute; for a revision, the working tree's path of the file as it was then).</summary>
    public string Path { get; }

    public bool IsFolder { get; }

    public IReadOnlyDictionary<string, string>? Options { get; }

    /// <summary>The git revision read, or null for the working tree.</summary>
    public string? Revision => (Files as GitRevisionFileSource)?.Revision;

    /// <summary>Parses an argument; null after printing the error.</summary>
    public static DiffVersionArgument? Parse(string text, TextWriter error)
    {
        var body = text;
        IReadOnlyDictionary<string, string>? options = null;
        var bracket = text.IndexOf('[');
        if (bracket > 0 && text.EndsWith("]", StringComparison.Ordinal) && !File.Exists(text) && !Directory.Exists(text))
        {
            try
            {
                var reference = FilterReference.Parse(text);
                body = reference.Name.TrimEnd();
                options = reference.Options.Count > 0 ? reference.Options : null;
            }
            catch (Fail2BanException e)
            {
                error.WriteLine("filterlint: error: " + e.Message);
                return null;
            }
        }
        if (body.StartsWith("git:", StringComparison.Ordinal))
        {
            var colon = body.IndexOf(':', 4);
            if (colon < 0)
            {
                error.WriteLine("filterlint: error: '" + text + "': write a git version as git:REV:path (e.g. git:HEAD:config/filter.d/sshd.conf)");
                return null;
            }
            var gitPath = body.Substring(colon + 1);
            var git = GitRevisionFileSource.For(body.Substring(4, colon - 4), gitPath, out var problem);
            if (git is null)
            {
                error.WriteLine("filterlint: error: '" + text + "': " + problem);
                return null;
            }
            var path = PhysicalConfigFileSource.ToConfigPath(gitPath);
            if (git.IsFile(path)) return new DiffVersionArgument(text, git, path, false, options);
            if (git.ListDirectory(path).Count > 0) return new DiffVersionArgument(text, git, path, true, options);
            error.WriteLine("filterlint: error: '" + text + "': no such file or folder at revision " + git.Revision);
            return null;
        }
        if (File.Exists(body)) return new DiffVersionArgument(text, new PhysicalConfigFileSource(), PhysicalConfigFileSource.ToConfigPath(body), false, options);
        if (Directory.Exists(body)) return new DiffVersionArgument(text, new PhysicalConfigFileSource(), PhysicalConfigFileSource.ToConfigPath(body), true, options);
        error.WriteLine("filterlint: error: '" + body + "' does not exist");
        return null;
    }

    /// <summary>For a folder: its filters (<c>*.conf</c> of it, or of its <c>filter.d</c>, without <c>*common.conf</c>) by file name.</summary>
    public SortedDictionary<string, string> Filters()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var folder = Path;
        var filterD = folder.TrimEnd('/') + "/" + FilterReader.FilterDirectoryName;
        var listed = Files.ListDirectory(filterD);
        if (listed.Count == 0) listed = Files.ListDirectory(folder);
        foreach (var p in listed.Where(p => p.EndsWith(".conf", StringComparison.Ordinal) && !p.EndsWith("common.conf", StringComparison.Ordinal)))
            result[System.IO.Path.GetFileName(p)] = ConfigPath.Normalize(p);
        return result;
    }

    /// <summary>The folder a filter's sample log is looked for in, Fail2Ban's source layout: <c>ROOT/config/filter.d/X.conf</c>
    /// has <c>ROOT/fail2ban/tests/files/logs/X</c>; the corpus layout <c>ROOT/filter.d</c> has <c>ROOT/logs</c>.</summary>
    public IEnumerable<string> SampleLogCandidates(string filterPath, string name)
    {
        var filterDir = ConfigPath.GetDirectory(filterPath);
        var configRoot = ConfigPath.GetDirectory(filterDir);
        var sourceRoot = ConfigPath.GetDirectory(configRoot);
        yield return Join(Join(Join(Join(Join(sourceRoot, "fail2ban"), "tests"), "files"), "logs"), name);
        yield return Join(Join(configRoot, "logs"), name);
    }

    private static string Join(string dir, string name) => dir.Length == 0 || dir == "." ? name : dir.TrimEnd('/') + "/" + name;
}
