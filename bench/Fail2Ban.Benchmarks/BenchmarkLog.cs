using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Benchmarks;

/// <summary>
/// The input of the benchmarks: the first lines of a benchmark log of a filter (built by
/// ../shared/bench/make_benchlog.py, as the end-to-end benchmark does) and the filter itself,
/// read from Fail2Ban's corpus. Dates are read in UTC with a fixed "now" so runs are repeatable.
/// </summary>
internal sealed class BenchmarkLog
{
    /// <summary>Lines per benchmark operation batch (the log's first lines).</summary>
    public const int Lines = 20000;

    /// <summary>"Now" for date reading: shortly after the generated logs' time stamps (2026-01-05).</summary>
    public const double Now = 1767657600; // 2026-01-06T00:00:00Z

    private BenchmarkLog(string filterName, string[] lines, byte[] bytes, CompiledFilter filter)
    {
        FilterName = filterName;
        LineTexts = lines;
        Bytes = bytes;
        Filter = filter;
    }

    public string FilterName { get; }

    /// <summary>The lines, without terminators.</summary>
    public string[] LineTexts { get; }

    /// <summary>The same lines as the file's bytes (for the reader benchmark).</summary>
    public byte[] Bytes { get; }

    public CompiledFilter Filter { get; }

    public static LocalTimeZone Zone { get; } = LocalTimeZone.Parse("UTC0");

    public DateDetectorSettings DateSettings() => new() { Now = Now, LocalZone = Zone };

    public FilterMatcher NewMatcher() => new(Filter, new MatcherOptions { Now = Now, RawHost = true }, DateSettings());

    public static BenchmarkLog Load(string filterName)
    {
        var repo = FindRepoRoot();
        var shared = Environment.GetEnvironmentVariable("F2B_SHARED") ?? Path.GetFullPath(Path.Combine(repo, "..", "shared"));
        var corpus = Path.Combine(shared, "fail2ban-corpus");
        var logPath = FindOrMakeLog(shared, filterName);
        var bytes = ReadFirstLines(logPath, Lines);
        var lines = new List<string>(Lines);
        using (var reader = new LogLineReader(new MemoryStream(bytes)))
        {
            string? line;
            while ((line = reader.ReadLine()) is not null) lines.Add(line);
        }

        var files = new DiskConfigFiles();
        var configDir = Path.Combine(corpus).Replace('\\', '/');
        var argument = FilterArgument.Resolve(files, configDir, filterName, configDir, new Fail2Ban.Core.Text.SourceLocation("<benchmark>", 1, 1));
        var resolved = FilterReader.Read(files, argument, autoLogType: "file");
        var compiled = FilterCompiler.Compile(resolved, new FilterCompileOptions { CompileToIL = true });
        return new BenchmarkLog(filterName, lines.ToArray(), bytes, compiled);
    }

    // F2B_BENCH_LOG_DIR/NAME.log (default /tmp/bench, where scripts/bench-vs-fail2ban.sh writes), else a
    // small log made now with the shared generator.
    private static string FindOrMakeLog(string shared, string filterName)
    {
        var dir = Environment.GetEnvironmentVariable("F2B_BENCH_LOG_DIR") ?? "/tmp/bench";
        var path = Path.Combine(dir, filterName + ".log");
        if (File.Exists(path)) return path;
        var small = Path.Combine(Path.GetTempPath(), "f2b-benchmarks", filterName + "-" + Lines + ".log");
        if (File.Exists(small)) return small;
        Directory.CreateDirectory(Path.GetDirectoryName(small)!);
        var generator = Path.Combine(shared, "bench", "make_benchlog.py");
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { generator, "--filter", filterName, "--lines", Lines.ToString(), "--out", small },
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run python3");
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(small)) throw new InvalidOperationException("make_benchlog.py failed for " + filterName);
        return small;
    }

    private static byte[] ReadFirstLines(string path, int count)
    {
        using var stream = File.OpenRead(path);
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        var lines = 0;
        int n;
        while (lines < count && (n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (chunk[i] != (byte)'\n') continue;
                if (++lines == count)
                {
                    buffer.Write(chunk, 0, i + 1);
                    return buffer.ToArray();
                }
            }
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    private sealed class DiskConfigFiles : IConfigFileSource
    {
        public ConfigFileText? Read(string path) => File.Exists(path) ? ConfigFileText.FromBytes(File.ReadAllBytes(path)) : null;

        public IReadOnlyList<string> ListDirectory(string directory) =>
            Directory.Exists(directory) ? Directory.EnumerateFiles(directory).Select(p => p.Replace('\\', '/')).ToList() : new List<string>();
    }
}
