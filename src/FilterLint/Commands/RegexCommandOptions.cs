using System;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Fail2Ban.Core.Config;
using FilterLint.Files;
using FilterLint.Output;

namespace FilterLint.Commands;

/// <summary>What one <c>filterlint regex</c> run was asked to do.</summary>
internal sealed class RegexSettings
{
    public string ConfigDirectory = "";
    public string? Now;
    public string? TimeZone;
    public bool Json;
    public bool NearMisses;
    public string? Out;
    public bool Invert;
    public bool PrintAllMissed;
    public bool PrintNoMissed;
    public bool PrintAllMatched;
    public bool PrintAllIgnored;
    public bool PrintNoIgnored;
    public int? MaxLines;
    public string? DatePattern;
    public string UseDns = "warn";
    public int? Threads;
    public Encoding Encoding = new UTF8Encoding(false, false);
    public string EncodingName = "UTF-8";
    public string? JournalMatch;
    public bool JournalJson;
    public int Verbosity;
    public bool VerboseDate;
    public bool Debuggex;
    public bool CheckAllRegex = true;
    public string Color = "auto";
    public string Log = "";
    public string Filter = "";
    public string? IgnoreRegex;

    /// <summary><c>fail2ban-regex</c>'s print limit: <c>-L</c> when given, else 20.</summary>
    public int PrintLimit => MaxLines is > 0 and var n ? n : 20;

    /// <summary>True when LOG is <c>systemd-journal</c>, optionally with backend options.</summary>
    public bool SystemdJournal => Log == "systemd-journal" || Log.StartsWith("systemd-journal[", StringComparison.Ordinal);
}

/// <summary>
/// The options of <c>filterlint regex</c>: every option of <c>fail2ban-regex</c> (1.0.2 and master) with the
/// same meaning, plus this tool's own. Options that have nothing to act on here are accepted and say so in
/// their help; options that cannot apply to the given input are errors naming them.
/// </summary>
internal sealed class RegexCommandOptions
{
    private static readonly string[] LogLevels =
        { "critical", "error", "warning", "warn", "notice", "info", "debug", "heavydebug", "tracedebug", "msg", "fatal" };

    private readonly Option<string> _config = new("--config", "-c")
    {
        Description = "Fail2Ban configuration directory; FILTER names are looked up in DIR/filter.d.",
        HelpName = "DIR",
        DefaultValueFactory = _ => FilterReader.DefaultConfigDirectory,
    };
    private readonly Option<string?> _datePattern = new("--datepattern", "-d") { Description = "Override the filter's datepattern.", HelpName = "PATTERN" };
    private readonly Option<string?> _timezone = new("--timezone", "--TZ")
    {
        Description = "Time zone of dates without a zone, and of printed times: a POSIX TZ string " +
                      "(CET-01CEST-02,M3.5.0,M10.5.0) or an IANA name (Europe/Zurich). Default: the system's.",
        HelpName = "TZ",
    };
    private readonly Option<string?> _encoding = new("--encoding", "-e")
    {
        Description = "Encoding of the log (latin1, cp1252, utf-8…). Bytes it cannot decode are replaced, as Fail2Ban does. Default: UTF-8.",
        HelpName = "ENCODING",
    };
    private readonly Option<bool> _raw = new("--raw", "-r")
    {
        Description = "Raw hosts, no DNS. Accepted for fail2ban-regex compatibility: filterlint never resolves names.",
    };
    private readonly Option<string> _useDns = new("--usedns")
    {
        Description = "usedns for <HOST>: yes, warn, no (<HOST> matches addresses only) or raw. " +
                      "Host names are never resolved (no DNS): a name is the failure id as written.",
        DefaultValueFactory = _ => "warn",
    };
    private readonly Option<int?> _maxLines = new("--maxlines", "-L")
    {
        Description = "Override the filter's maxlines; also the number of lines listed (default 20), as in fail2ban-regex.",
        HelpName = "N",
    };
    private readonly Option<string?> _journalMatch = new("--journalmatch", "-m")
    {
        Description = "journalctl-style matches (FIELD=value … + …) replacing the filter's journalmatch; " +
                      "only with LOG systemd-journal or --log-format journal-json.",
        HelpName = "MATCH",
    };
    private readonly Option<string?> _logLevel = new("--log-level", "-l")
    {
        Description = "Fail2Ban logger level (critical, error, warning, notice, info, debug…). Accepted for compatibility: " +
                      "filterlint has no Fail2Ban log; problems are always reported.",
        HelpName = "LEVEL",
    };
    private readonly Option<bool> _shortVersion = new("-V") { Description = "Print the version in machine-readable short form and exit." };
    private readonly Option<bool> _version = new("--version") { Description = "Print the version and the Fail2Ban semantics followed, and exit." };
    private readonly Option<bool> _verbose = new("--verbose", "-v")
    {
        Description = "More detail (repeatable, -vv): all regexes and date templates, even without hits, and " +
                      "each failure under its regex (id and time).",
    };
    private readonly Option<int> _verbosity = new("--verbosity") { Description = "Set the verbosity (0..4).", HelpName = "N" };
    private readonly Option<bool> _verboseDate = new("--verbose-date", "--VD") { Description = "Show each date template's weight, pattern and regex." };
    private readonly Option<bool> _debuggex = new("--debuggex", "-D") { Description = "Add debuggex.com links (regex on line) to the listed lines." };
    private readonly Option<bool> _noCheckAll = new("--no-check-all") { Description = "Stop at the first failregex that matches a line (default: try them all)." };
    private readonly Option<bool> _checkAll = new("--check-all") { Description = "Try every failregex on every line (the default; master's option)." };
    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "Print only failure information, one line per failure: id/fid, ip, msg, row, host, ip4, ip6, dns, " +
                      "user, matches, any other captured name, or a template with tags ('<ip> <F-USER> <time>').",
        HelpName = "TOKEN",
    };
    private readonly Option<bool> _invert = new("--invert", "-i") { Description = "With -o: print the lines that do not match instead (master's option)." };
    private readonly Option<bool> _printNoMissed = new("--print-no-missed") { Description = "Do not list missed lines." };
    private readonly Option<bool> _printNoIgnored = new("--print-no-ignored") { Description = "Do not list ignored lines." };
    private readonly Option<bool> _printAllMatched = new("--print-all-matched") { Description = "List every matched line." };
    private readonly Option<bool> _printAllMissed = new("--print-all-missed") { Description = "List every missed line with its explanation, however many." };
    private readonly Option<bool> _printAllIgnored = new("--print-all-ignored") { Description = "List every ignored line, however many." };
    private readonly Option<bool> _logTraceback = new("--log-traceback", "-t")
    {
        Description = "Accepted for compatibility: filterlint prints located errors, never tracebacks.",
    };
    private readonly Option<bool> _fullTraceback = new("--full-traceback") { Description = "Accepted for compatibility (see -t)." };
    private readonly Option<string?> _now = new("--now")
    {
        Description = "Reference time for dates without a year or day (and the time of the lines of a text log read with logtype=journal): " +
                      "epoch seconds or ISO 8601 (e.g. 2005-08-14T12:00:00). Default: the current time.",
        HelpName = "TIME",
    };
    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print JSON Lines, one object per input line: line, match, ignored, regex, host, ip, user, fid, time.",
    };
    private readonly Option<bool> _nearMisses = new("--near-misses")
    {
        Description = "Instead of the report: the missed lines most like the filter's failures, grouped by shape, with where the " +
                      "filter stopped and a verified regex fix (width, optional field, case) where one is mechanical.",
    };
    private readonly Option<string> _logFormat = new("--log-format")
    {
        Description = "How LOG is read: text (a log file or a literal line) or journal-json (a saved 'journalctl -o json' " +
                      "export, entries presented as Fail2Ban's journal backend presents them).",
        DefaultValueFactory = _ => "text",
    };
    private readonly Option<string> _color = new("--color")
    {
        Description = "Colour the report: auto (on a terminal, unless NO_COLOR is set), always, never.",
        DefaultValueFactory = _ => "auto",
    };
    private readonly Option<int?> _threads = new("--threads")
    {
        Description = "Threads for long logs (default 1, which measured fastest per CPU second; 0: the cores not kept busy by other processes, from the load average). Results do not depend on it.",
        HelpName = "N",
    };
    private readonly Argument<string> _log = new("LOG")
    {
        Description = "A log file; a literal log line (used when no such file exists, as fail2ban-regex does); " +
                      "'systemd-journal[journalflags=…]' to read the journal with journalctl.",
    };
    private readonly Argument<string> _filter = new("FILTER")
    {
        Description = "A filter name (looked up in DIR/filter.d) or a .conf path, optionally with options " +
                      "('sshd[mode=aggressive]'), or a literal failregex ('failure from <HOST>$').",
    };
    private readonly Argument<string?> _ignore = new("IGNOREREGEX")
    {
        Description = "Optional: a literal ignoreregex that replaces the filter's.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public RegexCommandOptions()
    {
        _useDns.AcceptOnlyFromAmong("yes", "warn", "no", "raw");
        _logFormat.AcceptOnlyFromAmong("text", "journal-json");
        _color.AcceptOnlyFromAmong(AnsiColor.Modes);
    }

    public void AddTo(Command command)
    {
        foreach (var o in new Option[]
                 {
                     _config, _datePattern, _timezone, _encoding, _raw, _useDns, _maxLines, _journalMatch, _logLevel,
                     _shortVersion, _version, _verbose, _verbosity, _verboseDate, _debuggex, _noCheckAll, _checkAll, _out,
                     _invert, _printNoMissed, _printNoIgnored, _printAllMatched, _printAllMissed, _printAllIgnored,
                     _logTraceback, _fullTraceback, _now, _json, _nearMisses, _logFormat, _color, _threads,
                 })
            command.Options.Add(o);
        command.Arguments.Add(_log);
        command.Arguments.Add(_filter);
        command.Arguments.Add(_ignore);
    }

    /// <summary>The settings, or null and a message naming the option that cannot apply.</summary>
    public RegexSettings? Read(ParseResult parse, out string? problem)
    {
        problem = null;
        var s = new RegexSettings
        {
            ConfigDirectory = parse.GetValue(_config)!,
            Now = parse.GetValue(_now),
            TimeZone = parse.GetValue(_timezone),
            Json = parse.GetValue(_json),
            NearMisses = parse.GetValue(_nearMisses),
            Out = parse.GetValue(_out),
            Invert = parse.GetValue(_invert),
            PrintAllMissed = parse.GetValue(_printAllMissed),
            PrintNoMissed = parse.GetValue(_printNoMissed),
            PrintAllMatched = parse.GetValue(_printAllMatched),
            PrintAllIgnored = parse.GetValue(_printAllIgnored),
            PrintNoIgnored = parse.GetValue(_printNoIgnored),
            MaxLines = parse.GetValue(_maxLines),
            DatePattern = parse.GetValue(_datePattern),
            UseDns = parse.GetValue(_useDns)!,
            Threads = parse.GetValue(_threads),
            JournalMatch = parse.GetValue(_journalMatch),
            JournalJson = parse.GetValue(_logFormat) == "journal-json",
            Verbosity = parse.GetValue(_verbosity),
            VerboseDate = parse.GetValue(_verboseDate),
            Debuggex = parse.GetValue(_debuggex),
            CheckAllRegex = !parse.GetValue(_noCheckAll),
            Color = parse.GetValue(_color)!,
            Log = parse.GetValue(_log) ?? "",
            Filter = parse.GetValue(_filter) ?? "",
            IgnoreRegex = parse.GetValue(_ignore),
        };
        if (s.PrintNoMissed && s.PrintAllMissed) problem = "--print-no-missed and --print-all-missed exclude each other";
        else if (s.PrintNoIgnored && s.PrintAllIgnored) problem = "--print-no-ignored and --print-all-ignored exclude each other";
        else if (!s.CheckAllRegex && parse.GetValue(_checkAll)) problem = "--check-all and --no-check-all exclude each other";
        else if (s.Out is not null && s.Json) problem = "-o/--out and --json exclude each other (both choose what is printed)";
        else if (s.Out is { Length: 0 }) problem = "-o/--out needs a token (id, ip, msg, row, a captured name or a <tag> template)";
        else if (s.Invert && s.Out is null) problem = "-i/--invert applies only with -o/--out (it prints the lines that do not match)";
        else if (s.MaxLines is <= 0) problem = "-L/--maxlines must be a positive number";
        else if (s.SystemdJournal && s.JournalJson)
            problem = "LOG systemd-journal reads the journal itself; --log-format journal-json takes a saved export file";
        else if (s.JournalMatch is not null && !s.SystemdJournal && !s.JournalJson)
            problem = "-m/--journalmatch applies only to LOG systemd-journal or --log-format journal-json, not to '" + s.Log + "'";
        else if (parse.GetValue(_logLevel) is { } level && Array.IndexOf(LogLevels, level.ToLowerInvariant()) < 0 &&
                 !int.TryParse(level, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            problem = "-l/--log-level: unknown level '" + level + "' (critical, error, warning, notice, info, debug, heavydebug, traceDebug or a number)";
        else if (parse.GetValue(_encoding) is { } name)
        {
            if (LogEncoding.Find(name) is { } encoding)
            {
                s.Encoding = encoding;
                s.EncodingName = name;
            }
            else problem = "-e/--encoding: unknown encoding '" + name + "'";
        }
        return problem is null ? s : null;
    }
}
