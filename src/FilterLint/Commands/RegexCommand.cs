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
using FilterLint.Output;

namespace FilterLint.Commands;

/// <summary>
/// <c>filterlint regex</c>: tests a filter against a log like <c>fail2ban-regex</c> (same counting,
/// same <c>Lines:</c> summary) and explains the lines it misses.
/// </summary>
internal static class RegexCommand
{
    // Below this the worker threads cost more than they save.
    private const long ParallelFromBytes = 1024 * 1024;

    public static Command Create()
    {
        var o = new RegexCommandOptions();
        var command = new Command("regex",
            "Test a filter against a log, like fail2ban-regex (which it replaces: its whole command line is " +
            "accepted, options in any order): hit counts per regex, date templates used, and " +
            "'Lines: N lines, I ignored, M matched, X missed'. Missed lines are listed with where each regex " +
            "stopped matching.");
        o.AddTo(command);
        command.SetAction(parse =>
        {
            var settings = o.Read(parse, out var problem);
            var error = parse.InvocationConfiguration.Error;
            if (problem is not null)
            {
                error.WriteLine("filterlint: error: " + problem);
                return ExitCodes.Error;
            }
            if (settings!.NearMisses)
                return NearMissCommand.Run(settings.Log, settings.Filter, settings.ConfigDirectory, settings.TimeZone, settings.Threads,
                    settings.PrintAllMissed, parse.InvocationConfiguration.Output, error);
            return Run(settings, parse.InvocationConfiguration.Output, error);
        });
        return command;
    }

    private static int Run(RegexSettings s, TextWriter output, TextWriter error)
    {
        LocalTimeZone zone;
        double now;
        CompiledFilter compiled;
        bool journal;
        var header = new List<string>();
        JournalMatch? journalMatch = null;
        var journalInput = s.SystemdJournal || s.JournalJson;
        // Where the "Use datepattern" line goes (fail2ban-regex names the template, known once the matcher exists).
        var datePatternAt = -1;
        string? datePattern = null;
        if (s.MaxLines is { } maxLines) header.Add("Use         maxlines : " + maxLines);
        if (s.DatePattern is not null)
        {
            datePatternAt = header.Count;
            datePattern = s.DatePattern;
        }
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
            string? filterJournalMatch = null;
            if (argument.Kind == FilterArgumentKind.LiteralRegex)
            {
                compiled = FilterCompiler.CompileLiteral(s.Filter, s.IgnoreRegex, compileOptions);
                journal = journalInput;
                header.Add("Use   failregex line : " + RegexReport.Short(s.Filter));
            }
            else
            {
                var resolved = FilterReader.Read(files, argument, autoLogType: journalInput ? "journal" : "file");
                foreach (var w in resolved.Warnings) error.WriteLine(DiagnosticText.Warning(w));
                compiled = FilterCompiler.Compile(resolved, compileOptions);
                if (s.IgnoreRegex is not null)
                {
                    var literalIgnore = FilterCompiler.CompileLiteral("<F-ID/>", s.IgnoreRegex, compileOptions).IgnoreRegexes;
                    compiled = new CompiledFilter(compiled.Name, compiled.PrefRegex, compiled.FailRegexes, literalIgnore,
                        compiled.MaxLines, compiled.DatePattern);
                }
                journal = journalInput || resolved.Options.TryGetValue("logtype", out var lt) && lt == "journal";
                header.Add(argument.Kind == FilterArgumentKind.Named
                    ? "Use   failregex filter file : " + resolved.Name + ", basedir: " + s.ConfigDirectory
                    : "Use   failregex file : " + s.Filter);
                if (resolved.Options.Count > 0) header.Add("Use   filter options : " + PythonRepr.Of(resolved.Options));
                if (s.Verbosity > 1) header.Add("Real  filter options : " + PythonRepr.Of(RealOptions(resolved)));
                if (s.MaxLines is null && resolved.MaxLines is { } filterMaxLines) header.Add("Use         maxlines : " + filterMaxLines);
                if (datePattern is null && resolved.DatePattern is { } filterDatePattern && !journalInput)
                {
                    datePatternAt = header.Count;
                    datePattern = filterDatePattern.Text;
                }
                // fail2ban-regex keeps the last journalmatch line of the filter.
                if (resolved.JournalMatch.Count > 0) filterJournalMatch = resolved.JournalMatch[resolved.JournalMatch.Count - 1].Text;
            }
            if (s.IgnoreRegex is not null) header.Add("Use ignoreregex line : " + RegexReport.Short(s.IgnoreRegex));
            if (journalInput && (s.JournalMatch ?? filterJournalMatch) is { } matchText)
            {
                try
                {
                    journalMatch = JournalMatch.Parse(matchText);
                }
                catch (FormatException e)
                {
                    error.WriteLine("filterlint: error: " + (s.JournalMatch is null ? "the filter's " : "-m/--journalmatch: ") + e.Message);
                    return ExitCodes.Error;
                }
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
            matcher = new FilterMatcher(compiled, new MatcherOptions
            {
                Now = now,
                RawHost = true,
                CheckAllRegex = s.CheckAllRegex && s.Out is null,
                // -o prints failures with an id: a multi-line failure still waiting for it yields nothing yet.
                IgnorePending = s.Out is not null,
            }, dateSettings);
        }
        catch (Fail2BanException e)
        {
            error.WriteLine(DiagnosticText.Error(e));
            return ExitCodes.Error;
        }
        if (datePattern is not null)
        {
            var templates = matcher.Dates.Templates;
            header.Insert(datePatternAt, "Use      datepattern : " + datePattern + " : " + 
                (AddsDefaultTemplates(datePattern) || templates.Count == 0 ? "Default Detectors" : templates[0].Name));
        }
        // Journal entries carry their time: no date detection runs on them.
        var entryTime = now;
        var session = new RegexTestSession(matcher, journal ? () => entryTime : null);

        var isFile = !s.SystemdJournal && File.Exists(s.Log);
        if (Directory.Exists(s.Log))
        {
            error.WriteLine("filterlint: error: LOG '" + s.Log + "' is a directory; give a log file or a literal log line");
            return ExitCodes.Error;
        }
        if (s.JournalJson && !isFile)
        {
            error.WriteLine("filterlint: error: --log-format journal-json: no file '" + s.Log + "' (save one with 'journalctl -o json > FILE')");
            return ExitCodes.Error;
        }
        if (!isFile && !s.SystemdJournal && !s.Json && s.Out is null && LooksLikePath(s.Log))
            error.WriteLine("filterlint: note: no file '" + s.Log + "'; testing it as a literal log line (as fail2ban-regex does)");

        if (s.SystemdJournal) header.Add("Use         systemd journal");
        else if (s.JournalJson) header.Add("Use   journal export : " + s.Log);
        else if (isFile) header.Add("Use         log file : " + s.Log);
        if (journalInput || isFile) header.Add("Use         encoding : " + s.EncodingName);
        if (journalMatch is not null) header.Add("Use    journal match : " + string.Join(" ", journalMatch.Terms));

        var color = AnsiColor.For(s.Color, output);
        var report = new RegexReport(s, compiled, zone, journal, color, session, now);
        session.NeedsMissedResult = report.NeedsMissedResult;
        var stopwatch = Stopwatch.StartNew();
        var progress = new Progress(error, isFile ? new FileInfo(s.Log).Length : 0);
        try
        {
            if (journalInput)
            {
                var entries = new JournalEntries(s.Encoding, journalMatch);
                using var journalText = s.SystemdJournal ? Journalctl.Start(s.Log, journalMatch) : new StreamReader(File.OpenRead(s.Log));
                foreach (var entry in entries.Read(journalText))
                {
                    entryTime = entry.Time;
                    report.Add(session.Process(entry.Entry, entry.Text), output);
                }
                if (entries.Malformed > 0)
                    error.WriteLine("filterlint: warning: " + entries.Malformed + " journal line(s) are not JSON objects; they were skipped");
            }
            else if (isFile)
            {
                using var reader = new LogLineReader(File.OpenRead(s.Log), s.Encoding);
                long number = 0;
                var threadCount = FreeCores.ThreadCount(s.Threads);
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
                    error.WriteLine("filterlint: note: " + reader.UndecodableLines + " line(s) held bytes that are not " + s.EncodingName +
                                    "; they were replaced by U+FFFD");
            }
            else
            {
                var multi = s.Log.IndexOf('\n') >= 0 || compiled.MaxLines > 1;
                var lines = multi ? s.Log.Split('\n') : new[] { s.Log };
                if (!multi) header.Add("Use      single line : " + RegexReport.Short(s.Log.Replace("\n", "\\n")));
                else
                {
                    header.Add("Use      multi line : " + lines.Length + " line(s)");
                    for (var i = 0; i < lines.Length; i++)
                    {
                        if (i >= 5) { header.Add("| ..."); break; }
                        header.Add("| " + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(2) + ": " + RegexReport.Short(lines[i]));
                    }
                    header.Add("`-");
                }
                for (var i = 0; i < lines.Length; i++) report.Add(session.Process(i + 1, lines[i]), output);
            }
        }
        catch (JournalUnavailableException e)
        {
            error.WriteLine("filterlint: error: " + e.Message);
            return ExitCodes.Error;
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
            error.WriteLine("filterlint: warning: " + report.TimedOutLines + " line(s) made a regex run past its time limit, and the search " +
                            "without backtracking could not decide them (the regex has look-arounds, back-references or the like), so their " +
                            "verdict is undecided (Fail2Ban would decide them; here they count as not matched by that regex): line(s) " +
                            string.Join(", ", report.TimedOutLineNumbers) + (report.TimedOutLines > report.TimedOutLineNumbers.Count ? ", …" : "") +
                            " (first regex: " + report.FirstTimedOut!.Value.Regex + ")");
        if (!s.Json && s.Out is null) report.WriteSummary(output, session, header, stopwatch.Elapsed);
        // Undecided lines make the result incomplete: CI sees it in the exit code, not only in a warning.
        return report.TimedOutLines > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>fail2ban-regex -vv: logtype, datepattern and the given filter options, as the filter resolves them.</summary>
    private static Dictionary<string, string> RealOptions(ResolvedFilter resolved)
    {
        var real = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new List<string> { "logtype", "datepattern" };
        keys.AddRange(resolved.Options.Keys);
        foreach (var k in keys)
            if (!real.ContainsKey(k) && resolved.TryGetValue(k, out var option) && option.Value is { } v) real[k] = v.Text;
        return real;
    }

    /// <summary>A datepattern with a line that brings in the default templates ({^LN-BEG}, {DEFAULT}, a {DATE} in a
    /// pattern): fail2ban-regex names it "Default Detectors".</summary>
    private static bool AddsDefaultTemplates(string datePattern)
    {
        foreach (var line in datePattern.Split('\n'))
            if (line.Trim() is "{^LN-BEG}" or "{DEFAULT}" || line.IndexOf("{DATE}", StringComparison.Ordinal) >= 0) return true;
        return false;
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
}
