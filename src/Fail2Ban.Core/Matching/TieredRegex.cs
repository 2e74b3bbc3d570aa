using System;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// A regex that starts interpreted (cheap to build) and, once it has run often enough to pay for
/// it, is compiled to IL on a background thread and swapped in. Both engines are .NET's
/// backtracking engine with the same semantics, so results never depend on which one ran.
/// Thread-safe: several threads may run it while the swap happens.
/// </summary>
internal sealed class TieredRegex
{
    /// <summary>Runs after which compiling pays off (interpreting costs a few times more per run).</summary>
    internal const int CompileAfterRuns = 2000;

    private Regex _current;
    private int _runs;
    private int _upgrading;

    public TieredRegex(Regex regex)
    {
        Interpreted = regex;
        _current = regex;
#if NET
        if ((regex.Options & RegexOptions.Compiled) != 0) _upgrading = 1;
#else
        _upgrading = 1;
#endif
    }

    /// <summary>The regex as built (used for group numbers and by explanations).</summary>
    public Regex Interpreted { get; }

    /// <summary>The engine to run now (the compiled one once it is ready).</summary>
    public Regex Current
    {
        get
        {
            // A racy count is fine: it only decides when to start compiling.
            if (_upgrading == 0 && ++_runs >= CompileAfterRuns && Interlocked.CompareExchange(ref _upgrading, 1, 0) == 0)
                StartCompiling();
            return Volatile.Read(ref _current);
        }
    }

    private void StartCompiling()
    {
#if NET
        var source = Interpreted;
        Task.Run(() =>
        {
            try
            {
                var compiled = new Regex(source.ToString(), source.Options | RegexOptions.Compiled, source.MatchTimeout);
                compiled.Match(""); // JIT the generated code here, not on the caller's thread
                Volatile.Write(ref _current, compiled);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or RegexMatchTimeoutException)
            {
                // Stay interpreted: same results, a little slower.
            }
        });
#endif
    }
}
