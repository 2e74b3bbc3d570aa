using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Samples;

namespace FilterLint.LanguageServer.Features;

/// <summary>
/// How many lines of a filter's sample log (named like the filter, from the client's <c>samples</c> folder) each
/// failregex matches, counted as <c>filterlint regex</c> counts them, for the failregex hover.
/// </summary>
internal sealed record SampleHits(string LogName, long Lines, long Matched, IReadOnlyList<long> FailRegexHits)
{
    public static SampleHits? Count(ResolvedFilter filter, string sampleName, SampleLogSource? samples)
    {
        if (samples is null) return null;
        try
        {
            var text = samples.Read(sampleName);
            if (text is null) return null;
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            var matcher = new FilterMatcher(FilterCompiler.Compile(filter), new MatcherOptions { Now = now }, new DateDetectorSettings { Now = now });
            var session = new RegexTestSession(matcher);
            var n = 0L;
            foreach (var entry in SampleLogReader.Read(text).Where(e => e.Kind == SampleLineKind.Test))
                session.Process(++n, entry.Text);
            return new SampleHits(sampleName, session.Tested, session.Matched, session.FailRegexHits.ToList());
        }
        catch (Exception e) when (e is Fail2BanException or System.Text.RegularExpressions.RegexMatchTimeoutException or ArgumentException)
        {
            // A filter that does not compile has its diagnostics; the hover just has no counts.
            return null;
        }
    }

    /// <summary>The name of the sample log of a filter file: its name without <c>.conf</c>/<c>.local</c>.</summary>
    public static string NameOf(string filterFile) => ConfigPath.WithoutExtension(ConfigPath.GetFileName(filterFile));
}
