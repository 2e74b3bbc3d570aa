using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Benchmarks;

/// <summary>
/// The per-line hot paths of <c>filterlint regex</c>, each over the first 20 000 lines of a filter's
/// benchmark log (results are per line): reading, date detection, the literal prefilter, the regex
/// searches of a line, and a whole line in order (plain and prepared ahead).
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private BenchmarkLog _log = null!;
    private DateDetector _dates = null!;
    private TupleLine[] _tuples = null!;
    private string[] _buffers = null!;
    private FilterMatcher _matcher = null!;
    private LinePreparer _preparer = null!;
    private PreparedLine[] _prepared = null!;

    [Params("sshd", "postfix", "nginx-http-auth", "apache-auth")]
    public string Filter { get; set; } = "sshd";

    [GlobalSetup]
    public void Setup()
    {
        _log = BenchmarkLog.Load(Filter);
        _dates = new DateDetector(_log.Filter.DatePattern, _log.DateSettings());
        var lines = _log.LineTexts;
        _tuples = new TupleLine[lines.Length];
        _buffers = new string[lines.Length];
        var cutter = _log.NewMatcher();
        for (var i = 0; i < lines.Length; i++)
        {
            _tuples[i] = cutter.ProcessLine(lines[i]).Tuple;
            _buffers[i] = _tuples[i].Before + _tuples[i].After + "\n";
        }
        _matcher = _log.NewMatcher();
        foreach (var line in lines) _matcher.ProcessLine(line);
        _preparer = _matcher.CreatePreparer();
        _prepared = new PreparedLine[lines.Length];
    }

    /// <summary>Log bytes to lines (Fail2Ban's decoding).</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkLog.Lines)]
    public int ReadLines()
    {
        var n = 0;
        using var reader = new LogLineReader(new MemoryStream(_log.Bytes));
        while (reader.ReadLine() is not null) n++;
        return n;
    }

    /// <summary>Date detection in steady state (the last template tried first).</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkLog.Lines)]
    public int DetectDates()
    {
        var n = 0;
        foreach (var line in _log.LineTexts)
            if (_dates.Match(line) is not null) n++;
        return n;
    }

    /// <summary>The literal gate: which failregexes can match a line (one vectorised scan).</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkLog.Lines)]
    public int Prefilter()
    {
        var n = 0;
        var gate = _log.Filter.Gate;
        foreach (var buffer in _buffers)
            if (gate.Candidates(buffer.AsSpan()) != 0) n++;
        return n;
    }

    /// <summary>Every regex search of a line (prefregex, failregexes, ignoreregexes), prefilter included.</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkLog.Lines)]
    public int RegexesPerLine()
    {
        var n = 0;
        foreach (var tuple in _tuples)
            if (LineScan.Run(_log.Filter, tuple).FailGroups is not null) n++;
        return n;
    }

    /// <summary>A whole line in order: date, cut, searches, failures, multi-line state.</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkLog.Lines)]
    public int ProcessLine()
    {
        var n = 0;
        foreach (var line in _log.LineTexts)
            n += _matcher.ProcessLine(line).EntryCount;
        return n;
    }

    /// <summary>The work a preparer does ahead of a line's turn (on a worker thread in filterlint).</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkLog.Lines)]
    public int PrepareLine()
    {
        var lines = _log.LineTexts;
        for (var i = 0; i < lines.Length; i++) _prepared[i] = _preparer.Prepare(lines[i]);
        return _prepared.Length;
    }

    /// <summary>Preparing a line, then processing it in order (minus <see cref="PrepareLine"/>: the in-order share).</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkLog.Lines)]
    public int PrepareThenProcessLine()
    {
        var lines = _log.LineTexts;
        for (var i = 0; i < lines.Length; i++) _prepared[i] = _preparer.Prepare(lines[i]);
        var n = 0;
        foreach (var prepared in _prepared) n += _matcher.ProcessLine(prepared).EntryCount;
        return n;
    }
}
