using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Reviewing;
using Fail2Ban.Core.Text;
using FilterLint.Files;

namespace FilterLint.Commands;

/// <summary>
/// <c>filterlint regex --near-misses LOG FILTER</c>: the missed lines of a log that look most like the filter's failures,
/// grouped by shape and ranked (<see cref="NearMissFinder"/>), each with where the filter stopped and a verified mechanical
/// regex change where there is one. The lines run through the same session as <c>regex</c>'s.
/// </summary>
internal static class NearMissCommand
{
    /// <summary>Near-miss groups printed (more with --print-all-missed).</summary>
    private const int Shown = 10;

    private const int ShownAll = 50;

    public static int Run(string log, string filterText, string configDirectory, string? timeZone, int? threads, bool all, TextWriter output, TextWriter error)
    {
        if (!File.Exists(log))
        {
            error.WriteLine("filterlint: error: --near-misses needs a log file; '" + log + "' is not one");
            return ExitCodes.Error;
        }
        LocalTimeZone zone;
        CompiledFilter compiled;
        var clock = Stopwatch.StartNew();
        try
        {
            zone = timeZone is null ? LocalTimeZone.System() : LocalTimeZone.Parse(timeZone);
            var options = new FilterCompileOptions { CompileToIL = false };
            var files = new PhysicalConfigFileSource();
            var cwd = PhysicalConfigFileSource.ToConfigPath(Directory.GetCurrentDirectory());
            var origin = new SourceLocation("<command line>", 1, 1);
            var configDir = PhysicalConfigFileSource.ToConfigPath(configDirectory);
            if (FilterArgumentCheck.MalformedOptions(files, configDir, filterText, cwd, origin) is { } bad) throw bad;
            var argument = FilterArgument.Resolve(files, configDir, filterText, cwd, origin);
            if (argument.Kind == FilterArgumentKind.LiteralRegex)
            {
                compiled = FilterCompiler.CompileLiteral(filterText, null, options);
            }
            else
            {
                var resolved = FilterReader.Read(files, argument, autoLogType: "file");
                foreach (var w in resolved.Warnings) error.WriteLine(DiagnosticText.Warning(w));
                compiled = FilterCompiler.Compile(resolved, options);
            }
        }
        catch (Fail2BanException e)
        {
            error.WriteLine(DiagnosticText.Error(e));
            return ExitCodes.Error;
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var dates = new DateDetectorSettings { Now = now, LocalZone = zone };
        FilterMatcher matcher;
        try
        {
            matcher = new FilterMatcher(compiled, new MatcherOptions { Now = now, RawHost = true }, dates);
        }
        catch (Fail2BanException e)
        {
            error.WriteLine(DiagnosticText.Error(e));
            return ExitCodes.Error;
        }

        var session = new RegexTestSession(matcher);
        var finder = new NearMissFinder(compiled, dates);
        try
        {
            using var reader = new LogLineReader(File.OpenRead(log));
            using var stream = new PreparedLineStream(reader, matcher.CreatePreparer(), FreeCores.ThreadCount(threads), true);
            long number = 0;
            foreach (var prepared in stream) finder.Add(session.Process(++number, prepared));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("filterlint: error: cannot read '" + log + "': " + e.Message);
            return ExitCodes.Error;
        }
        var scanned = clock.Elapsed.TotalSeconds;
        var groups = finder.Rank(all ? ShownAll : Shown);
        Write(output, log, filterText, compiled, session, finder, groups, scanned, clock.Elapsed.TotalSeconds);
        return ExitCodes.Success;
    }

    private static void Write(TextWriter o, string log, string filter, CompiledFilter compiled, RegexTestSession session, NearMissFinder finder,
        System.Collections.Generic.IReadOnlyList<NearMissGroup> groups, double scanned, double total)
    {
        o.WriteLine("Near misses of " + filter + " in " + log);
        o.WriteLine(session.Summary + "; the missed lines fall into " + finder.Shapes + " shapes" +
                    (finder.Ungrouped > 0 ? " (" + finder.Ungrouped + " lines of further shapes not grouped)" : ""));
        o.WriteLine("Ranked by how far the filter got on them, likeness to the " + finder.Matched + " matched lines and their daemon; a verified regex fix ranks first.");
        var rank = 0;
        foreach (var g in groups)
        {
            o.WriteLine();
            var likeness = g.Likeness.ToString("0.00", CultureInfo.InvariantCulture);
            o.WriteLine("#" + ++rank + "  " + g.Count + " line" + (g.Count == 1 ? "" : "s") + "  score " + g.Score.ToString("0.00", CultureInfo.InvariantCulture) +
                        "  (got " + ((g.Progress?.Fraction ?? 0) * 100).ToString("0", CultureInfo.InvariantCulture) + "% through, shape likeness " + likeness +
                        (g.Daemon.Length == 0 ? "" : g.SameDaemon ? ", " + g.Daemon + " as matched lines" : ", " + g.Daemon + ": no matched line") + ")");
            o.WriteLine("    shape: " + Shorten(g.Shape, 200));
            foreach (var (number, text) in g.Examples) o.WriteLine("    " + number.ToString(CultureInfo.InvariantCulture) + ": " + text);
            if (g.Progress is { } p) o.WriteLine("    why: " + MissExplainer.Describe(compiled, p));
            if (g.Suggestion is { } s) o.WriteLine("    fix: " + s.Describe() + " makes the filter match these lines");
        }
        if (groups.Count == 0) o.WriteLine("No missed lines.");
        o.WriteLine();
        o.WriteLine("[read and matched in " + scanned.ToString("0.00", CultureInfo.InvariantCulture) + " s, ranked in " +
                    (total - scanned).ToString("0.00", CultureInfo.InvariantCulture) + " s]");
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s.Substring(0, max - 1) + "…";
}
