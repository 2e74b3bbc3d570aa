// The floor of `filterlint regex` on a log (scripts/bench-vs-fail2ban.sh): the CPU time of a .NET
// process that only reads the log's lines (`readline`), or reads them and runs one compiled date
// regex per line with its groups (`date REGEX`). Prints its own CPU time (user + sys, start-up
// included) so that `dotnet run`'s own process is not counted.
// Usage: dotnet run scripts/bench-floor.cs -- readline|date LOG [REGEX]
#:property TieredPGO=false
#:property InvariantGlobalization=true
using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

var mode = args[0];
var regex = mode == "date"
    ? new Regex(args[2], RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)
    : null;
long lines = 0, dated = 0, groups = 0;
using (var reader = new StreamReader(args[1], new UTF8Encoding(false), false, 1 << 16))
{
    string? line;
    while ((line = reader.ReadLine()) is not null)
    {
        lines++;
        if (regex is null) continue;
        var m = regex.Match(line);
        if (!m.Success) continue;
        dated++;
        groups += m.Groups[1].Length;
    }
}
var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
Console.WriteLine($"{mode} lines={lines} dated={dated} chars={groups} cpu={cpu:F2}");
