using System;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// A regex that starts interpreted (cheap to build) and, once it has run often enough to pay for
/// it, is compiled to IL once, on a background thread, and swapped in. Each thread searches with
/// its own instance (a <see cref="Regex"/> caches one runner; threads sharing an instance would
/// build a fresh runner for most searches), and those instances share the engine code. Interpreted
/// and compiled engines are .NET's backtracking engine with the same semantics, so results never
/// depend on which one ran.
/// </summary>
internal sealed class TieredRegex
{
    /// <summary>Runs (on one thread) after which compiling pays off; settable for benchmarks.</summary>
    internal static int CompileAfterRuns = 2000;

    /// <summary>
    /// How many times <see cref="CompileAfterRuns"/> a regex searched only where its literals occur waits:
    /// a failregex that a few percent of lines reach pays its IL generation and JIT (about 10 ms) back
    /// only over tens of thousands of searches (sshd: 0.1-0.15 s of CPU less per 1 M lines than at 2,000;
    /// a prefregex searched on every line does better compiled early).
    /// </summary>
    internal const int SelectiveRunsFactor = 10;

    private int _runsFactor = 1;

    private readonly ThreadLocal<Lane> _lanes;
    private Regex _engine;  // the instance the lanes share the code of (interpreted, then compiled)
    private int _compiling;
    private int _lanesMade;
    private readonly bool _shared;

    public TieredRegex(Regex regex)
    {
        Interpreted = regex;
        _engine = regex;
        // A regex class made by the SDK's source generator (a subclass of Regex) already runs
        // compiled code, also under NativeAOT where RegexOptions.Compiled would mean the interpreter:
        // it is kept, and shared by all threads (it cannot be copied).
        _shared = SharedCodeRegex.IsSourceGenerated(regex);
#if NET
        if ((regex.Options & RegexOptions.Compiled) != 0 || _shared) _compiling = 1;
#else
        _compiling = 1;
#endif
        _lanes = new ThreadLocal<Lane>(() =>
        {
            var engine = Volatile.Read(ref _engine);
            return new Lane(engine, Twin(engine));
        });
    }

    /// <summary>The regex as built (used for group numbers and by explanations).</summary>
    public Regex Interpreted { get; }

    /// <summary>This thread's instance to search with now.</summary>
    public Regex Current
    {
        get
        {
            var lane = _lanes.Value!;
            var engine = Volatile.Read(ref _engine);
            if (!ReferenceEquals(lane.Engine, engine)) lane.Switch(engine, Twin(engine));
            // Counted per thread, so threads do not share a written cache line.
            else if (_compiling == 0 && ++lane.Runs >= CompileAfterRuns * _runsFactor) StartCompiling();
            return lane.Regex;
        }
    }

    /// <summary>
    /// Marks a regex searched only on some texts (those its literals allow, those span code declines): it is
    /// compiled after more runs (<see cref="SelectiveRunsFactor"/>).
    /// </summary>
    public void CompileLater() => _runsFactor = SelectiveRunsFactor;

    // The first thread uses the engine instance itself; other threads get twins sharing its code.
    private Regex Twin(Regex engine)
    {
        if (_shared) return engine;
        if (ReferenceEquals(engine, Interpreted) && Interlocked.Increment(ref _lanesMade) == 1) return engine;
        return SharedCodeRegex.TwinOf(engine);
    }

    private void StartCompiling()
    {
        if (Interlocked.CompareExchange(ref _compiling, 1, 0) != 0) return;
#if NET
        var source = Interpreted;
        Task.Run(() =>
        {
            try
            {
                var compiled = SharedCodeRegex.Compile(source);
                compiled.Match(""); // JIT the generated code here, not on a searching thread
                Volatile.Write(ref _engine, compiled);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or RegexMatchTimeoutException)
            {
                // Stay interpreted: same results, a little slower.
            }
        });
#endif
    }

    private sealed class Lane
    {
        public Lane(Regex engine, Regex regex)
        {
            Engine = engine;
            Regex = regex;
        }

        public Regex Regex { get; private set; }

        /// <summary>The shared engine <see cref="Regex"/> was made from.</summary>
        public Regex Engine { get; private set; }

        public int Runs;

        public void Switch(Regex engine, Regex twin)
        {
            Engine = engine;
            Regex = twin;
        }
    }
}
