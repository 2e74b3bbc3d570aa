using System.Collections.Generic;
using System.IO;
using Fail2Ban.Core.Text;

namespace LogWatch;

/// <summary>The lines of LOG as filterlint reads them: a file (UTF-8, bad bytes replaced), else LOG itself as text.</summary>
internal static class LogLines
{
    public static IEnumerable<string> Read(string log)
    {
        if (!File.Exists(log))
        {
            foreach (var line in log.Split('\n')) yield return line;
            yield break;
        }
        using var reader = new LogLineReader(File.OpenRead(log));
        string? next;
        while ((next = reader.ReadLine()) is not null) yield return next;
    }

    /// <summary>fail2ban-regex does not give empty and comment lines to the filter.</summary>
    public static bool IsSkipped(string line) => line.Length == 0 || line[0] == '#';
}
