using System;
using System.IO;
using Fail2Ban.Core.Tests.Infrastructure;

namespace FilterLint.Tests;

/// <summary>
/// A temporary folder (deleted on dispose) holding test filters; with <see cref="WithUpstreamCorpus"/> it copies
/// the corpus into upstream's layout (<c>config/filter.d</c>, <c>fail2ban/tests/config/filter.d</c>) so the
/// <c>zzz-*</c> filters' <c>../../../../config/filter.d/common.conf</c> include resolves on disk.
/// </summary>
internal sealed class TempConfigTree : IDisposable
{
    public TempConfigTree() => Root = Directory.CreateTempSubdirectory("filterlint-tests-").FullName;

    public string Root { get; }

    public string StockConfig => Path.Combine(Root, "config");

    public string TestConfig => Path.Combine(Root, "fail2ban", "tests", "config");

    public static TempConfigTree WithUpstreamCorpus(string corpusRoot)
    {
        var tree = new TempConfigTree();
        Copy(Path.Combine(corpusRoot, "filter.d"), Path.Combine(tree.StockConfig, "filter.d"));
        Copy(Path.Combine(corpusRoot, "test-filter.d"), Path.Combine(tree.TestConfig, "filter.d"));
        return tree;
    }

    /// <summary>Writes <paramref name="text"/> to a file under the root, creating folders.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static bool HasCorpus => Corpus.MasterRoot is not null;
}
