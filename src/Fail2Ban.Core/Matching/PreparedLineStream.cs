using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// The lines of a log, read on a background thread and prepared in batches by a
/// <see cref="LinePreparer"/>, handed out in file order. Helper threads prepare batches ahead; the
/// enumerating thread prepares a batch itself when no helper has started it yet, so no core waits
/// while another is overloaded. A bounded number of batches is in flight: memory does not grow
/// with the log, and prepared lines die young. Enumerate it once, on the thread that then
/// processes the lines in order (<see cref="RegexTestSession.Process(long, PreparedLine)"/>).
/// </summary>
public sealed class PreparedLineStream : IEnumerable<PreparedLine>, IDisposable
{
    // Small batches first, so the detector has a steady template before most lines are prepared.
    private static readonly int[] FirstBatchSizes = { 16, 64 };

    private readonly Text.LogLineReader _reader;
    private readonly LinePreparer _preparer;
    private readonly bool _skipUnterminatedLastLine;
    private readonly int _batchLines;
    private readonly int _helpers;
    private readonly BlockingCollection<Batch> _ordered;
    private readonly BlockingCollection<Batch> _work = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = new();
    private Exception? _error;
    private bool _started;

    /// <param name="reader">The log; the stream reads it to the end on its own thread.</param>
    /// <param name="preparer">Prepares the lines (from the matcher that then processes them).</param>
    /// <param name="threads">Threads preparing lines, the enumerating one included (the number of cores is a good value).</param>
    /// <param name="skipUnterminatedLastLine">Leave out a last line without newline (as <c>fail2ban-regex</c> does).</param>
    /// <param name="batchLines">Lines per batch once started: small, so prepared lines die young (cheap for the GC).</param>
    public PreparedLineStream(Text.LogLineReader reader, LinePreparer preparer, int threads, bool skipUnterminatedLastLine, int batchLines = 256)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _preparer = preparer ?? throw new ArgumentNullException(nameof(preparer));
        _skipUnterminatedLastLine = skipUnterminatedLastLine;
        _batchLines = Math.Max(1, batchLines);
        _helpers = Math.Max(0, threads - 1);
        _ordered = new BlockingCollection<Batch>(2 * (_helpers + 1) + 1);
    }

    /// <summary>True when the log's last line had no newline and was left out.</summary>
    public bool SkippedUnterminatedLastLine { get; private set; }

    /// <inheritdoc />
    public IEnumerator<PreparedLine> GetEnumerator()
    {
        if (_started) throw new InvalidOperationException("A PreparedLineStream is enumerated once.");
        _started = true;
        Start(Produce, "log reader");
        for (var i = 0; i < _helpers; i++) Start(Help, "line preparer");
        foreach (var batch in _ordered.GetConsumingEnumerable())
        {
            if (batch.TryClaim()) batch.Prepare(_preparer);
            foreach (var line in batch.Await()) yield return line;
        }
        _work.CompleteAdding();
        foreach (var thread in _threads) thread.Join();
        if (_error is { } e) ExceptionDispatchInfo.Capture(e).Throw();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Start(ThreadStart body, string name)
    {
        var thread = new Thread(body) { IsBackground = true, Name = name };
        _threads.Add(thread);
        thread.Start();
    }

    private void Produce()
    {
        try
        {
            var batchIndex = 0;
            while (!_stop.IsCancellationRequested)
            {
                var size = batchIndex < FirstBatchSizes.Length ? Math.Min(FirstBatchSizes[batchIndex], _batchLines) : _batchLines;
                batchIndex++;
                var lines = new List<string>(size);
                string? line;
                while (lines.Count < size && (line = _reader.ReadLine()) is not null)
                {
                    if (_reader.LastLineUnterminated && _skipUnterminatedLastLine)
                    {
                        SkippedUnterminatedLastLine = true;
                        break;
                    }
                    lines.Add(line);
                }
                if (lines.Count == 0) break;
                var batch = new Batch(lines);
                if (_helpers > 0) _work.Add(batch);
                _ordered.Add(batch, _stop.Token);
                if (lines.Count < size) break;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // Reported to the enumerating thread (e.g. an IOException while reading).
            _error = e;
        }
        finally
        {
            _ordered.CompleteAdding();
        }
    }

    private void Help()
    {
        try
        {
            foreach (var batch in _work.GetConsumingEnumerable(_stop.Token))
                if (batch.TryClaim()) batch.Prepare(_preparer);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops reading (when enumeration ends early) and waits for the stream's threads.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (!_work.IsAddingCompleted) _work.CompleteAdding();
        // Drain so a reader blocked on a full queue sees the cancellation.
        while (_ordered.TryTake(out _)) { }
        foreach (var thread in _threads) thread.Join();
        _ordered.Dispose();
        _work.Dispose();
        _stop.Dispose();
    }

    /// <summary>Lines prepared by whichever thread claims them first.</summary>
    private sealed class Batch
    {
        private readonly List<string> _lines;
        private readonly ManualResetEventSlim _done = new(false);
        private PreparedLine[]? _prepared;
        private Exception? _error;
        private int _claimed;

        public Batch(List<string> lines) => _lines = lines;

        public bool TryClaim() => Interlocked.CompareExchange(ref _claimed, 1, 0) == 0;

        public void Prepare(LinePreparer preparer)
        {
            try
            {
                var prepared = new PreparedLine[_lines.Count];
                for (var i = 0; i < prepared.Length; i++) prepared[i] = preparer.Prepare(_lines[i]);
                _prepared = prepared;
            }
            catch (Exception e)
            {
                _error = e;
            }
            finally
            {
                _done.Set();
            }
        }

        public PreparedLine[] Await()
        {
            _done.Wait();
            _done.Dispose();
            if (_error is { } e) ExceptionDispatchInfo.Capture(e).Throw();
            return _prepared!;
        }
    }
}
