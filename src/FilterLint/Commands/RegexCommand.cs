using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Text;
using FilterLint.Files;

namespace FilterLint.Commands;

/// <summary>
/// <c>filterlint regex</c>: tests a filter against a log like <c>fail2ban-regex</c> (same counting,
/// same <c>Lines:</c> summary) and explains the lines it misses.
/// </summary>
internal static class RegexCommand
{
    private const int DefaultPrintLimit = 20;

    // Below this the worker threads cost more than they save.
    private const long ParallelFromBytes = 1024 * 1024;

    public static Command Create()
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = "Fail2Ban configuration directory; FILTER names are looked up in DIR/filter.d.",
            HelpName = "DIR",
            DefaultValueFactory = _ => FilterReader.DefaultConfigDirectory,
        };
        var now = new Option<string?>("--now")
        {
            Description = "Reference time for dates without a year or day (and the time of journal lines): " +
                          "epoch seconds or ISO 8601 (e.g. 2005-08-14T12:00:00). Default: the current time.",
            HelpName = "TIME",
        };
        var timezone = new Option<string?>("--timezone", "--TZ")
        {
            Description = "Time zone of dates without a zone, and of printed times: a POSIX TZ string " +
                          "(CET-01CEST-02,M3.5.0,M10.5.0) or an IANA name (Europe/Zurich). Default: the system's.",
            HelpName = "TZ",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON Lines, one object per input line: line, match, ignored, regex, host, ip, user, fid, time " +
                          "(and timedOut, the regexes that ran past their time limit, on a line whose verdict is undecided).",
        };
        var printAllMissed = new Option<bool>("--print-all-missed")
        {
            Description = "List every missed line with its explanation (default: the first " + DefaultPrintLimit + ").",
        };
        var noMissed = new Option<bool>("--print-no-missed") { Description = "Do not list missed lines." };
        var printAllMatched = new Option<bool>("--print-all-matched") { Description = "List every matched line." };
        var maxLines = new Option<int?>("--maxlines", "-L") { Description = "Override the filter's maxlines.", HelpName = "N" };
        var datePattern = new Option<string?>("--datepattern", "-d") { Description = "Override the filter's datepattern.", HelpName = "PATTERN" };
        var useDns = new Option<string>("--usedns")
        {
            Description = "usedns for <HOST>: yes, warn, no (<HOST> matches addresses only) or raw. " +
                          "Host names are never resolved (no DNS): a name is the failure id as written.",
            DefaultValueFactory = _ => "warn",
        };
        useDns.AcceptOnlyFromAmong("yes", "warn", "no", "raw");
        var threads = new Option<int?>("--threads")
        {
            Description = "Threads for long logs (default: the number of cores; 1: one thread). Results do not depend on it.",
            HelpName = "N",
        };
        var log = new Argument<string>("LOG")
        {
            Description = "A log file, or a literal log line (used when no such file exists, as fail2ban-regex does).",
        };
        var filter = new Argument<string>("FILTER")
        {
            Description = "A filter name (looked up in DIR/filter.d) or a .conf path, optionally with options " +
                          "('sshd[mode=aggressive]'), or a literal failregex ('failure from <HOST>$').",
        };
        var ignore = new Argument<string?>("IGNOREREGEX")
        {
            Description = "A literal ignoreregex that replaces the filter's.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("regex",
            "Test a filter against a log, like fail2ban-regex: hit counts per regex, date templates used, and " +
            "'Lines: N lines, I ignored, M matched, X missed'. Missed lines are listed with where each regex " +
            "stopped matching. " + ExitCodes.Help)
        {
            config, now, timezone, json, printAllMissed, noMissed, printAllMatched, maxLines, datePattern, useDns, threads, log, filter, ignore,
        };
        command.SetAction(parse =>
        {
            var settings = new Settings
            {
                ConfigDirectory = parse.GetValue(config)!,
                Now = parse.GetValue(now),
                TimeZone = parse.GetValue(timezone),
                Json = parse.GetValue(json),
                PrintAllMissed = parse.GetValue(printAllMissed),
                PrintNoMissed = parse.GetValue(noMissed),
                PrintAllMatched = parse.GetValue(printAllMatched),
                MaxLines = parse.GetValue(maxLines),
                DatePattern = parse.GetValue(datePattern),
                UseDns = parse.GetValue(useDns)!,
                Threads = parse.GetValue(threads),
                Log = parse.GetValue(log)!,
                Filter = parse.GetValue(filter)!,
                IgnoreRegex = parse.GetValue(ignore),
            };
            return Run(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    private sealed class Settings
    {
        public string ConfigDirectory = "";
        public string? Now;
        public string? TimeZone;
        public bool Json;
        public bool PrintAllMissed;
        public bool PrintNoMissed;
        public bool PrintAllMatched;
        public int? MaxLines;
        public string? DatePattern;
        public string UseDns = "warn";
        public int? Threads;
        public string Log = "";
        public string Filter = "";
        public string? IgnoreRegex;
    }

    private static int Run(Settings s, TextWriter output, TextWriter error)
    {
        LocalTimeZone zone;
        double now;
        CompiledFilter compiled;
        bool journal;
        string filterDescription;
        try
        {
            zone = s.TimeZone is null ? LocalTimeZone.System() : LocalTimeZone.Parse(s.TimeZone);
            now = ParseNow(s.Now, zone);
            var compileOptions = new FilterCompileOptions
            {
                UseDns = s.UseDns,
                MaxLinesOverride = s.MaxLines,
                DatePatternOverride = s.DatePattern,
                // Regexes start interpreted and are compiled in the background once they run often.
                CompileToIL = false,
            };
            var files = new PhysicalConfigFileSource();
            var cwd = PhysicalConfigFileSource.ToConfigPath(Directory.GetCurrentDirectory());
            var origin = new SourceLocation("<command line>", 1, 1);
            var configDir = PhysicalConfigFileSource.ToConfigPath(s.ConfigDirectory);
            if (FilterArgumentCheck.MalformedOptions(files, configDir, s.Filter, cwd, origin) is { } bad) throw bad;
            var argument = FilterArgument.Resolve(files, configDir, s.Filter, cwd, origin);
            if (argument.Kind == FilterArgumentKind.LiteralRegex)
            {
                compiled = FilterCompiler.CompileLiteral(s.Filter, s.IgnoreRegex, compileOptions);
                journal = false;
                filterDescription = "Use      failregex line : " + s.Filter;
            }
            else
            {
                var resolved = FilterReader.Read(files, argument, autoLogType: "file");
                foreach (var w in resolved.Warnings) error.WriteLine(DiagnosticText.Warning(w));
                compiled = FilterCompiler.Compile(resolved, compileOptions);
                if (s.IgnoreRegex is not null)
                {
                    var literalIgnore = FilterCompiler.CompileLiteral("<F-ID/>", s.IgnoreRegex, compileOptions).IgnoreRegexes;
                    compiled = new CompiledFilter(compiled.Name, compiled.PrefRegex, compiled.FailRegexes, literalIgnore,
                        compiled.MaxLines, compiled.DatePattern);
                }
                journal = resolved.Options.TryGetValue("logtype", out var lt) && lt == "journal";
                filterDescription = "Use      filter file : " + resolved.Name + ", basedir: " + s.ConfigDirectory +
                                    (resolved.Options.Count > 0 ? "\nUse   filter options : " + FormatOptions(resolved.Options) : "");
            }
        }
        catch (Fail2BanException e)
        {
            error.WriteLine(DiagnosticText.Error(e));
            return ExitCodes.Error;
        }

        var dateSettings = new DateDetectorSettings { Now = now, LocalZone = zone };
        FilterMatcher matcher;
        try
        {
            matcher = new FilterMatcher(compiled, new MatcherOptions { Now = now, RawHost = true }, dateSettings);
        }
        catch (Fail2BanException e)
        {
            error.WriteLine(DiagnosticText.Error(e));
            return ExitCodes.Error;
        }
        var session = new RegexTestSession(matcher, journal ? () => now : null);

        if (Directory.Exists(s.Log))
        {
            error.WriteLine("filterlint: error: LOG '" + s.Log + "' is a directory; give a log file or a literal log line");
            return ExitCodes.Error;
        }
        var isFile = File.Exists(s.Log);
        if (!isFile && !s.Json && LooksLikePath(s.Log))
            error.WriteLine("filterlint: note: no file '" + s.Log + "'; testing it as a literal log line (as fail2ban-regex does)");

        var report = new Report(s, compiled, zone, journal);
        var stopwatch = Stopwatch.StartNew();
        var progress = new Progress(error, isFile ? new FileInfo(s.Log).Length : 0);
        try
        {
            if (isFile)
            {
                using var reader = new LogLineReader(File.OpenRead(s.Log));
                long number = 0;
                var threadCount = Math.Max(1, s.Threads ?? Environment.ProcessorCount);
                if (!journal && new FileInfo(s.Log).Length >= ParallelFromBytes && threadCount > 1)
                {
                    // Long log: lines are read, dated, cut and searched ahead on all cores; the
                    // session then takes them in order, so counts and output are those of one thread.
                    using var stream = new PreparedLineStream(reader, matcher.CreatePreparer(), threadCount, !s.Json);
                    foreach (var prepared in stream)
                    {
                        number++;
                        report.Add(session.Process(number, prepared), output);
                        if ((number & 0xFFFF) == 0) progress.Report(number, reader);
                    }
                    if (stream.SkippedUnterminatedLastLine)
                        error.WriteLine("filterlint: note: the last line has no newline and is not processed (as fail2ban-regex does)");
                }
                else
                {
                    string? line;
                    while ((line = reader.ReadLine()) is not null)
                    {
                        number++;
                        if (reader.LastLineUnterminated && !s.Json)
                        {
                            error.WriteLine("filterlint: note: the last line has no newline and is not processed (as fail2ban-regex does)");
                            break;
                        }
                        report.Add(session.Process(number, line), output);
                        if ((number & 0xFFFF) == 0) progress.Report(number, reader);
                    }
                }
                if (reader.UndecodableLines > 0)
                    error.WriteLine("filterlint: note: " + reader.UndecodableLines + " line(s) held bytes that are not UTF-8; they were replaced by U+FFFD");
            }
            else
            {
                var lines = s.Log.IndexOf('\n') >= 0 || compiled.MaxLines > 1 ? s.Log.Split('\n') : new[] { s.Log };
                for (var i = 0; i < lines.Length; i++) report.Add(session.Process(i + 1, lines[i]), output);
            }
        }
        catch (IOException e)
        {
            error.WriteLine("filterlint: error: cannot read '" + s.Log + "': " + e.Message);
            return ExitCodes.Error;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine("filterlint: error: cannot read '" + s.Log + "': " + e.Message);
            return ExitCodes.Error;
        }
        progress.Done();
        stopwatch.Stop();
        if (report.TimedOutLines > 0)
            error.WriteLine("filterlint: warning: " + report.TimedOutLines + " line(s) made a regex run past its time limit, so their " +
                            "verdict is undecided (Fail2Ban would decide them; here they count as not matched by that regex): line(s) " +
                            string.Join(", ", report.TimedOutLineNumbers) + (report.TimedOutLines > report.TimedOutLineNumbers.Count ? ", …" : "") +
                            " (first regex: " + report.FirstTimedOut!.Value.Regex + ")");
        if (!s.Json) report.WriteSummary(output, session, filterDescription, isFile ? s.Log : null, stopwatch.Elapsed);
        // Undecided lines make the result incomplete: CI sees it in the exit code, not only in a warning.
        return report.TimedOutLines > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static bool LooksLikePath(string s) =>
        s.IndexOf(' ') < 0 && (s.IndexOf('/') >= 0 || s.EndsWith(".log", StringComparison.Ordinal));

    private static double ParseNow(string? text, LocalTimeZone zone)
    {
        if (text is null) return (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch)) return epoch;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto) && HasOffset(text))
            return dto.ToUnixTimeMilliseconds() / 1000.0;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return zone.ToEpoch(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        throw new Fail2BanException(DiagnosticIds.OptionValue, "--now: '" + text + "' is neither epoch seconds nor an ISO 8601 time");
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0) t = text.IndexOf(' ');
        if (t < 0) return false;
        var time = text.Substring(t);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOf('+') >= 0 || time.IndexOf('-') >= 0;
    }

    private static string FormatOptions(IReadOnlyDictionary<string, string> options)
    {
        var parts = new List<string>();
        foreach (var kv in options) parts.Add(kv.Key + "=" + kv.Value);
        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary>Writes progress to stderr on long runs when a person is watching.</summary>
    private sealed class Progress
    {
        private readonly TextWriter _error;
        private readonly long _size;
        private readonly bool _enabled;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _lastReport;
        private bool _shown;

        public Progress(TextWriter error, long size)
        {
            _error = error;
            _size = size;
            _enabled = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        }

        public void Report(long lines, LogLineReader reader)
        {
            if (!_enabled) return;
            var t = _clock.Elapsed.TotalSeconds;
            if (t - _lastReport < 1) return;
            _lastReport = t;
            _shown = true;
            _error.Write("\r" + lines.ToString("N0", CultureInfo.InvariantCulture) + " lines, " +
                         (lines / Math.Max(t, 1e-6)).ToString("N0", CultureInfo.InvariantCulture) + " lines/s ");
        }

        public void Done()
        {
            if (_shown) _error.WriteLine();
        }
    }

    /// <summary>Collects what the human report prints and writes JSON lines as they come.</summary>
    private sealed class Report
    {
        private readonly Settings _s;
        private readonly CompiledFilter _filter;
        private readonly LocalTimeZone _zone;
        private readonly bool _journal;
        private readonly List<TestedLine> _missed = new();
        private readonly List<TestedLine> _matched = new();
        private readonly List<TestedLine> _ignored = new();
        private readonly StringBuilder _json = new();

        public Report(Settings s, CompiledFilter filter, LocalTimeZone zone, bool journal)
        {
            _s = s;
            _filter = filter;
            _zone = zone;
            _journal = journal;
        }

        public long TimedOutLines { get; private set; }

        public (long Line, string Regex)? FirstTimedOut { get; private set; }

        /// <summary>The first timed-out line numbers (up to <see cref="DefaultPrintLimit"/>), listed in the warning.</summary>
        public List<long> TimedOutLineNumbers { get; } = new();

        public void Add(TestedLine line, TextWriter output)
        {
            if (line.Result is { TimedOut.Count: > 0 } timed)
            {
                TimedOutLines++;
                FirstTimedOut ??= (line.Number, timed.TimedOut[0]);
                if (TimedOutLineNumbers.Count < DefaultPrintLimit) TimedOutLineNumbers.Add(line.Number);
            }
            if (_s.Json)
            {
                WriteJson(line, output);
                return;
            }
            // A multi-line match that consumed earlier missed lines makes them matched: fail2ban-regex
            // drops them from its missed list too. They are the newest entries of the list.
            foreach (var number in line.Recounted)
            {
                for (var i = _missed.Count - 1; i >= 0 && _missed[i].Number >= number; i--)
                {
                    if (_missed[i].Number != number) continue;
                    _missed.RemoveAt(i);
                    break;
                }
            }
            switch (line.Verdict)
            {
                case LineVerdict.Missed:
                    if (!_s.PrintNoMissed && (_s.PrintAllMissed || _missed.Count < DefaultPrintLimit)) _missed.Add(line);
                    break;
                case LineVerdict.Matched:
                    if (_s.PrintAllMatched) _matched.Add(line);
                    break;
                case LineVerdict.Ignored:
                    if (_ignored.Count < DefaultPrintLimit) _ignored.Add(line);
                    break;
            }
        }

        private void WriteJson(TestedLine line, TextWriter output)
        {
            // A failure is an entry with an id: a multi-line entry still waiting for its id is not one.
            Failure? f = null;
            foreach (var e in line.Failures) if (e.Id is not null) { f = e; break; }
            var sb = _json.Clear();
            sb.Append("{\"line\":").Append(line.Number.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"match\":").Append(f is not null ? "true" : "false");
            sb.Append(",\"ignored\":").Append(line.Verdict == LineVerdict.Ignored ? "true" : "false");
            sb.Append(",\"regex\":").Append(f is null ? "null" : f.RegexIndex.ToString(CultureInfo.InvariantCulture));
            AppendString(sb, "host", f?.Id?.Text);
            AppendString(sb, "ip", f is null ? null : f.Data.TryGetValue("ip", out var ip) && ip is IpAddress a ? a.Text : f.RawHost ?? f.Id?.Text);
            AppendString(sb, "user", f?.User);
            AppendString(sb, "fid", f?.Fid);
            AppendString(sb, "time", f?.Time is { } t ? _zone.FormatLocal(t) : null);
            // Only on a line whose verdict is undecided: the regexes (or "(datepattern)") that ran past their time limit.
            if (line.Result is { TimedOut: { Count: > 0 } timedOut })
            {
                sb.Append(",\"timedOut\":[");
                for (var i = 0; i < timedOut.Count; i++)
                    sb.Append(i > 0 ? "," : "").Append(JsonSerializer.Serialize(timedOut[i], JsonOptions));
                sb.Append(']');
            }
            sb.Append('}');
            output.WriteLine(sb.ToString());
        }

        private static void AppendString(StringBuilder sb, string name, string? value)
        {
            sb.Append(",\"").Append(name).Append("\":");
            if (value is null) sb.Append("null");
            else sb.Append(JsonSerializer.Serialize(value, JsonOptions));
        }

        private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public void WriteSummary(TextWriter o, RegexTestSession session, string filterDescription, string? logFile, TimeSpan elapsed)
        {
            o.WriteLine();
            o.WriteLine("Running tests");
            o.WriteLine("=============");
            o.WriteLine();
            o.WriteLine(filterDescription);
            if (logFile is not null) o.WriteLine("Use         log file : " + logFile);
            o.WriteLine("Use         encoding : UTF-8");
            o.WriteLine();
            o.WriteLine();
            o.WriteLine("Results");
            o.WriteLine("=======");
            o.WriteLine();
            if (_filter.PrefRegex is { } pref)
            {
                o.WriteLine("Prefregex: " + session.PrefRegexMatched + " total");
                o.WriteLine("|  " + pref.Source);
                o.WriteLine("`-");
                o.WriteLine();
            }
            WriteRegexHits(o, "Failregex", _filter.FailRegexes, session.FailRegexHits);
            WriteRegexHits(o, "Ignoreregex", _filter.IgnoreRegexes, session.IgnoreRegexHits);
            o.WriteLine("Date template hits:");
            if (_journal)
            {
                o.WriteLine("|  (journal: lines carry no time stamp; their time is --now)");
            }
            else
            {
                o.WriteLine("|- [# of hits] date format");
                foreach (var t in session.Matcher.Dates.Templates)
                    if (t.Hits > 0) o.WriteLine("|  [" + t.Hits + "] " + t.Name);
            }
            o.WriteLine("`-");
            o.WriteLine();
            o.WriteLine(session.Summary);
            o.WriteLine("[processed in " + elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " sec]");
            o.WriteLine();
            if (_ignored.Count > 0 && _s.PrintAllMatched) WriteLines(o, "Ignored", _ignored, session.Ignored, false);
            if (_matched.Count > 0) WriteLines(o, "Matched", _matched, session.Matched, false);
            if (!_s.PrintNoMissed && _missed.Count > 0) WriteLines(o, "Missed", _missed, session.Missed, true);
        }

        private static void WriteRegexHits(TextWriter o, string title, IReadOnlyList<CompiledRegex> regexes, long[] hits)
        {
            long total = 0;
            foreach (var h in hits) total += h;
            o.WriteLine(title + ": " + total + " total");
            if (regexes.Count > 0)
            {
                o.WriteLine("|-  #) [# of hits] regular expression");
                for (var i = 0; i < regexes.Count; i++)
                    o.WriteLine("|  " + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(2) + ") [" + hits[i] + "] " + regexes[i].Source);
                o.WriteLine("`-");
            }
            o.WriteLine();
        }

        private void WriteLines(TextWriter o, string kind, List<TestedLine> lines, long total, bool explain)
        {
            var limited = lines.Count < total ? " (first " + lines.Count + " of " + total + "; --print-all-" + kind.ToLowerInvariant() + " for all)" : "";
            o.WriteLine("|- " + kind + " line(s)" + limited + ":");
            foreach (var line in lines)
            {
                o.WriteLine("|  " + line.Number.ToString(CultureInfo.InvariantCulture) + ": " + line.Text);
                if (!explain || line.Result is null) continue;
                foreach (var reason in MissExplainer.Explain(_filter, line.Result, _journal))
                    o.WriteLine("|      why: " + reason);
            }
            o.WriteLine("`-");
        }
    }
}
