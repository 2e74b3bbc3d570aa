using System;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Regex instances that share one engine's code: a compiled regex costs its IL generation and JIT
/// once, and each thread still gets an instance of its own (with its own cached runner). Twins are
/// made the way generated regexes are, by setting <see cref="Regex"/>'s protected fields.
/// </summary>
internal static class SharedCodeRegex
{
    /// <summary>An IL-compiled copy of <paramref name="source"/> (same pattern, options and timeout).</summary>
    public static Regex Compile(Regex source)
    {
#if NET
        return new Shareable(source.ToString(), source.Options | RegexOptions.Compiled, source.MatchTimeout);
#else
        return new Regex(source.ToString(), source.Options, source.MatchTimeout);
#endif
    }

    /// <summary>True for an instance of a class the regex source generator made (not Regex itself, not ours).</summary>
    public static bool IsSourceGenerated(Regex regex)
    {
        var type = regex.GetType();
#if NET
        if (type == typeof(Shareable)) return false;
#endif
        return type != typeof(Regex);
    }

    /// <summary>Another instance of <paramref name="engine"/>: sharing its code when it came from <see cref="Compile"/>.</summary>
    public static Regex TwinOf(Regex engine)
    {
#if NET
        if (engine is Shareable shareable) return new Shareable(shareable);
#endif
        return new Regex(engine.ToString(), engine.Options, engine.MatchTimeout);
    }

#if NET
    private sealed class Shareable : Regex
    {
        public Shareable(string pattern, RegexOptions options, TimeSpan timeout) : base(pattern, options, timeout)
        {
        }

        public Shareable(Shareable source)
        {
            pattern = source.pattern;
            roptions = source.roptions;
            factory = source.factory;
            caps = source.caps;
            capnames = source.capnames;
            capslist = source.capslist;
            capsize = source.capsize;
            internalMatchTimeout = source.internalMatchTimeout;
        }
    }
#endif
}
