using System.IO;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Tests.Infrastructure;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>
/// The corpus laid out in memory as upstream has it, so the <c>zzz-*</c> test filters' include
/// <c>../../../../config/filter.d/common.conf</c> resolves: <c>/upstream/config/filter.d/…</c> and
/// <c>/upstream/fail2ban/tests/config/filter.d/…</c>. Files are read from the corpus at run time.
/// </summary>
internal static class UpstreamLayout
{
    public const string Root = "/upstream";
    public const string StockConfig = Root + "/config";
    public const string TestConfig = Root + "/fail2ban/tests/config";

    public static InMemoryConfigFileSource Load(string corpusRoot)
    {
        var files = new InMemoryConfigFileSource();
        AddFolder(files, Path.Combine(corpusRoot, "filter.d"), StockConfig + "/filter.d");
        AddFolder(files, Path.Combine(corpusRoot, "test-filter.d"), TestConfig + "/filter.d");
        return files;
    }

    /// <summary>The config directory of a corpus record's <c>filter_dir</c>.</summary>
    public static string ConfigDirFor(string filterDir) => filterDir == "test-filter.d" ? TestConfig : StockConfig;

    private static void AddFolder(InMemoryConfigFileSource files, string folder, string target)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            files.Add(target + "/" + relative, File.ReadAllBytes(path));
        }
    }
}
