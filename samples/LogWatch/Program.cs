using System;
using System.Globalization;
using System.IO;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Matching;
using LogWatch;

// LogWatch: runs the filters compiled into it (samples/LogWatch/filters/*.conf, turned into classes at
// build time by Fail2Ban.Generators) over a log. See samples/README.md.
const string Usage =
    "usage: LogWatch [--json] FILTER LOG [--now EPOCH] [--timezone TZ]\n" +
    "       LogWatch bench FILTER LOG [--lines N]\n" +
    "FILTER: mailrelay, mailrelay[mode=aggressive], sshd-lite   LOG: a file, or a literal line";

try
{
    if (args.Length > 0 && args[0] == "bench") return Benchmark.Run(args[1..], Console.Out);

    var json = false;
    string? now = null, timezone = null;
    var positional = new System.Collections.Generic.List<string>();
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--json": json = true; break;
            case "--now" when i + 1 < args.Length: now = args[++i]; break;
            case "--timezone" or "--TZ" when i + 1 < args.Length: timezone = args[++i]; break;
            case "-h" or "--help": Console.WriteLine(Usage); return 0;
            default: positional.Add(args[i]); break;
        }
    }
    if (positional.Count != 2)
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    var zone = timezone is null ? LocalTimeZone.System() : LocalTimeZone.Parse(timezone);
    var nowEpoch = now is null
        ? (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds
        : double.Parse(now, NumberStyles.Float, CultureInfo.InvariantCulture);
    // fail2ban-regex's switches: every failregex tried, no DNS, a fixed "now".
    var match = FilterCatalog.Create(positional[0],
        new MatcherOptions { Now = nowEpoch, RawHost = true },
        new DateDetectorSettings { Now = nowEpoch, LocalZone = zone });

    var writer = new JsonVerdictWriter(Console.Out, zone);
    long number = 0, matched = 0, ignored = 0;
    foreach (var line in LogLines.Read(positional[1]))
    {
        number++;
        var verdict = LogLines.IsSkipped(line) ? Verdict.Skipped : match(line);
        if (verdict.Match) matched++;
        if (verdict.Ignored) ignored++;
        if (json) writer.Write(number, verdict);
        else if (verdict.Match)
            Console.WriteLine("line " + number + ": " + verdict.Host + (verdict.User is null ? "" : " (user " + verdict.User + ")")
                + " by failregex #" + verdict.Regex + (verdict.Time is { } t ? " at " + zone.FormatLocal(t) : ""));
    }
    if (!json) Console.WriteLine(number + " lines, " + matched + " matched, " + ignored + " ignored");
    return 0;
}
catch (Exception e) when (e is ArgumentException or Fail2BanException or FormatException or IOException)
{
    Console.Error.WriteLine("LogWatch: error: " + e.Message);
    return 2;
}
