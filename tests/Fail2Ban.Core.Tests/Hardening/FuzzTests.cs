using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Tests.Hardening;

/// <summary>
/// Deterministic fuzzing (fixed seed, a few seconds): the engine turns any regex, filter and log line into results or
/// located errors, never an unexpected exception or an internal-error finding. A longer run, with another seed:
/// <c>FUZZ_ITERATIONS=100000 FUZZ_SEED=7 FUZZ_LOG=/tmp/fuzz DOTNET_GCHeapHardLimit=0x80000000 dotnet test tests/Fail2Ban.Core.Tests --filter FullyQualifiedName~FuzzTests</c>
/// (every failure names the seed and index that reproduce it, FUZZ_LOG keeps the index a crash stopped at; keep it as a regression test).
/// FUZZ_REPORT=FILE appends each check's counts (inputs, crashes, slowest input); FUZZ_MAX_SECONDS=S fails inputs slower than S.
/// The run behind the numbers in docs/hardening.md is documented there.
/// </summary>
[Collection(DateTemplateTimeLimit.Collection)]
public sealed class FuzzTests
{
    private static readonly ulong Seed = ulong.Parse(Environment.GetEnvironmentVariable("FUZZ_SEED") ?? "20261205", CultureInfo.InvariantCulture);

    private static int Iterations(int quick) =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out var n) ? n : quick;

    private static void Run<T>(FuzzCheck<T> check, int quick, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var failures = new List<string>();
        var count = Iterations(quick);
        // FUZZ_LOG=FILE: the index being run is written first, so a crash of the process still names its input.
        var log = Environment.GetEnvironmentVariable("FUZZ_LOG");
        // FUZZ_MAX_SECONDS=S: an input that takes longer fails the run (not in the quick run: its times depend on the load).
        var maxSeconds = double.TryParse(Environment.GetEnvironmentVariable("FUZZ_MAX_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : double.PositiveInfinity;
        var tally = new FuzzTally(name);
        for (var i = 0; i < count; i++)
        {
            if (log != null) System.IO.File.WriteAllText(log + "." + name, i.ToString(CultureInfo.InvariantCulture));
            var input = check.Input(i);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Exception? error = null;
            try
            {
                check.Assert(input);
            }
            catch (Exception e)
            {
                error = e;
            }
            var seconds = (System.Diagnostics.Stopwatch.GetTimestamp() - started) / (double)System.Diagnostics.Stopwatch.Frequency;
            tally.Add(check.Count(input), seconds, error is not null, seconds > maxSeconds);
            if (error is null && seconds <= maxSeconds) continue;
            if (failures.Count < 5)
                failures.Add("seed " + Seed + " index " + i + ": " + (error is null ? "took " + seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : error.GetType().Name + ": " + error.Message) +
                             "\n  input: " + Show(input));
        }
        tally.Report();
        Assert.True(failures.Count == 0, tally + "\n" + string.Join("\n", failures));
    }

    private static string Show(object? input)
    {
        var s = input?.ToString() ?? "null";
        return s.Length > 400 ? s.Substring(0, 400) + "… (" + s.Length + " chars)" : s;
    }

    /// <summary>How to make input <c>i</c>, what to check on it, and how many filters, regexes and log lines it holds.</summary>
    private sealed record FuzzCheck<T>(Func<int, T> Input, Action<T> Assert, Func<T, FuzzCount> Count);

    [Fact]
    public void Python_regexes_parse_translate_or_fail_with_a_located_error()
    {
        Run(new FuzzCheck<string>(i => FuzzInputs.Nth(FuzzInputs.Regex, Seed, i), pattern =>
        {
            try
            {
                FilterRegexTranslator.Translate(pattern, FilterRegexKind.Fail, useDnsIsNo: false, multiline: false);
            }
            catch (RegexTranslationException e)
            {
                if (e.Offset < 0 || e.Offset > pattern.Length) throw new InvalidOperationException("error outside the pattern: " + e.Offset);
            }
        }, _ => new FuzzCount(Regexes: 1)), 3000);
    }

    [Fact]
    public void The_linear_machine_agrees_with_the_backtracking_engine()
    {
        // What a timed-out search falls back on must give the backtracking engine's match and captures wherever that one finishes.
        Run(new FuzzCheck<(string Regex, string[] Lines)>(
            i => (FuzzInputs.Nth(FuzzInputs.Regex, Seed, i), FuzzInputs.Nth(FuzzInputs.LogLine.Array[1, 4], Seed, i)),
            input =>
            {
                FilterRegex translated;
                try
                {
                    translated = FilterRegexTranslator.Translate(input.Regex, FilterRegexKind.Fail, useDnsIsNo: false, multiline: false);
                }
                catch (RegexTranslationException)
                {
                    return;
                }
                if (Fail2Ban.Core.Matching.Linear.LinearProgram.TryCompile(translated.Tree, translated.Options) is not { } program) return;
                var regex = new System.Text.RegularExpressions.Regex(translated.DotNetPattern, translated.Options, TimeSpan.FromMilliseconds(200));
                foreach (var line in input.Lines)
                {
                    var text = line + "\n";
                    System.Text.RegularExpressions.Match m;
                    try { m = regex.Match(text); }
                    catch (System.Text.RegularExpressions.RegexMatchTimeoutException) { continue; }
                    var slots = Fail2Ban.Core.Matching.Linear.LinearMatcher.Search(program, text, 0, out _);
                    if (m.Success != (slots is not null)) throw new InvalidOperationException("match " + m.Success + " vs linear on " + line);
                    if (!m.Success) continue;
                    if (m.Index != slots![0] || m.Index + m.Length != slots[1]) throw new InvalidOperationException("span differs on " + line);
                    foreach (var g in translated.Tree.Groups)
                    {
                        if (g.Name is null) continue;
                        var expected = m.Groups[g.Name];
                        if ((expected.Success ? expected.Index : -1) != slots[2 * g.Number] ||
                            (expected.Success ? expected.Index + expected.Length : -1) != slots[2 * g.Number + 1])
                            throw new InvalidOperationException("group " + g.Name + " differs on " + line);
                    }
                }
            }, input => new FuzzCount(Regexes: 1, LogLines: input.Lines.Length)), 1500);
    }

    [Fact]
    public void Filters_are_linted_to_findings_never_to_internal_errors()
    {
        Run(new FuzzCheck<(string Filter, string Include)>(i => (FuzzInputs.Nth(FuzzInputs.Conf, Seed, 2 * i), FuzzInputs.Nth(FuzzInputs.Conf, Seed, 2 * i + 1)),
            input =>
            {
                var files = new InMemoryConfigFileSource().Add("/cfg/test.conf", input.Filter).Add("/cfg/inc.conf", input.Include);
                var report = new FilterLinter().LintFile(files, "/cfg/test.conf");
                if (report.Findings.FirstOrDefault(f => f.RuleId == DiagnosticIds.InternalError) is { } bug)
                    throw new InvalidOperationException(bug.Message);
                foreach (var f in report.Findings)
                    if (f.Location.Line < 1 || f.Location.Column < 1) throw new InvalidOperationException("unlocated " + f.RuleId + ": " + f.Message);
            }, _ => new FuzzCount(Filters: 2)), 120);
    }

    [Fact]
    public void Compiled_filters_process_any_log_line()
    {
        // Time limits of 200 ms (regexes and date templates): the run measures the engine, not the configured waits
        // (by default a line may take 2 s per regex and 10 s per date template: a datepattern like ^(?:(a+)+)b%%Y takes
        // the whole 10 s on a run of "a"). The template cache is this test's, so its templates have the short limit.
        var saved = DateTemplate.MatchTimeout;
        DateTemplate.MatchTimeout = TimeSpan.FromMilliseconds(200);
        try
        {
            var templates = new DateTemplateCache(DateTime.UtcNow.Year);
            RunCompiled(templates);
        }
        finally
        {
            DateTemplate.MatchTimeout = saved;
        }
    }

    private static void RunCompiled(DateTemplateCache templates, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        Run(new FuzzCheck<(string Filter, string[] Lines)>(
            i => (FuzzInputs.Nth(FuzzInputs.Conf, Seed, i), FuzzInputs.Nth(FuzzInputs.LogLine.Array[1, 6], Seed, i)),
            input =>
            {
                CompiledFilter compiled;
                try
                {
                    compiled = FilterCompiler.Compile(FilterReader.ReadFile(new InMemoryConfigFileSource().Add("/cfg/test.conf", input.Filter), "/cfg/test.conf"),
                        new FilterCompileOptions { MatchTimeout = TimeSpan.FromMilliseconds(200) });
                }
                catch (Fail2BanException)
                {
                    return; // a filter Fail2Ban would reject: its error is what the lint test checks
                }
                catch (RegexTranslationException)
                {
                    return;
                }
                FilterMatcher matcher;
                try
                {
                    matcher = new FilterMatcher(compiled, new MatcherOptions { Now = 1800000000 },
                        new DateDetectorSettings { Now = 1800000000, LocalZone = LocalTimeZone.Utc, TemplateCache = templates });
                }
                catch (Fail2BanException)
                {
                    return; // an invalid datepattern
                }
                foreach (var line in input.Lines) matcher.ProcessLine(line);
                foreach (var line in input.Lines) matcher.TryProcessLine(line, out _);
            }, input => new FuzzCount(Filters: 1, LogLines: input.Lines.Length)), 600, name);
    }
}
