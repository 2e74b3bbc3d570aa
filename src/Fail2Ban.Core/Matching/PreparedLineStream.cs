using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// The lines of a log, read on a background thread and prepared in batches on worker threads by
/// a <see cref="LinePreparer"/>, handed out in file order. A bounded number of batches is in
/// flight, so memory does not grow with the log. Enumerate it once, on the thread that then
/// processes the lines in order (<see cref="RegexTestSession.Process(long, PreparedLine)"/>).
/// </summary>
public sealed class PreparedLineStream : IEnumerable<PreparedLine>, IDisposable
{
    // Small batches first, so the detector has a steady template before most lines are prepared.
    private static readonly int[] FirstBatchSizes = { 16, 64, 256, 1024 };

    private readonly LogLineReader _reader;
    private readonly LinePreparer _preparer;
    private readonly bool _skipUnterminatedLastLine;
    private readonly int _batchLines;
    private readonly BlockingCollection<Task<PreparedLine[]>> _batches;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _producer;
    private Exception? _readError;

    /// <param name="reader">The log; the stream reads it to the end on its own thread.</param>
    /// <param name="preparer">Prepares the lines (from the matcher that then processes them).</param>
    /// <param name="workers">Batches prepared at the same time (the number of cores is a good value).</param>
    /// <param name="skipUnterminatedLastLine">Leave out a last line without newline (as <c>fail2ban-regex</c> does).</param>
    /// <param name="batchLines">Lines per batch once started: small, so prepared lines die young (cheap for the GC).</param>
    public PreparedLineStream(LogLineReader reader, LinePreparer preparer, int workers, bool skipUnterminatedLastLine, int batchLines = 256)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _preparer = preparer ?? throw new ArgumentNullException(nameof(preparer));
        _skipUnterminatedLastLine = skipUnterminatedLastLine;
        _batchLines = Math.Max(1, batchLines);
        _batches = new BlockingCollection<Task<PreparedLine[]>>(Math.Max(2, 2 * Math.Max(1, workers)));
    }

    /// <summary>True when the log's last line had no newline and was left out.</summary>
    public bool SkippedUnterminatedLastLine { get; private set; }

    /// <inheritdoc />
    public IEnumerator<PreparedLine> GetEnumerator()
    {
        if (_producer is not null) throw new InvalidOperationException("A PreparedLineStream is enumerated once.");
        _producer = new Thread(Produce) { IsBackground = true, Name = "log reader" };
        _producer.Start();
        foreach (var batch in _batches.GetConsumingEnumerable())
        {
            foreach (var line in batch.GetAwaiter().GetResult()) yield return line;
        }
        _producer.Join();
        if (_readError is { } e) ExceptionDispatchInfo.Capture(e).Throw();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

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
                var preparer = _preparer;
                _batches.Add(Task.Run(() =>
                {
                    var prepared = new PreparedLine[lines.Count];
                    for (var i = 0; i < prepared.Length; i++) prepared[i] = preparer.Prepare(lines[i]);
                    return prepared;
                }), _stop.Token);
                if (lines.Count < size) break;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // Reported to the enumerating thread (e.g. an IOException while reading).
            _readError = e;
        }
        finally
        {
            _batches.CompleteAdding();
        }
    }

    /// <summary>Stops reading (when enumeration ends early) and waits for the reader thread.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (_producer is { } producer)
        {
            // Drain so a producer blocked on a full queue sees the cancellation.
            while (_batches.TryTake(out _)) { }
            producer.Join();
        }
        _batches.Dispose();
        _stop.Dispose();
    }
}
