using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

namespace FilterLint.Files;

/// <summary>The journal cannot be read here (no <c>journalctl</c>, or it failed).</summary>
internal sealed class JournalUnavailableException : Exception
{
    public JournalUnavailableException(string message) : base(message) { }
}

/// <summary>
/// LOG <c>systemd-journal[journalflags=…, journalpath=…, journalfiles=…, namespace=…]</c>: reads the journal
/// through <c>journalctl -o json</c> with the journal match, the backend options mapped to journalctl's.
/// </summary>
internal static class Journalctl
{
    public static TextReader Start(string log, JournalMatch? match)
    {
        var args = new List<string> { "-o", "json", "--no-pager", "-q" };
        foreach (var (key, value) in BackendOptions(log))
        {
            switch (key)
            {
                case "journalpath": args.Add("--directory=" + value); break;
                case "journalfiles":
                    foreach (var f in JournalMatch.ShellSplit(value)) args.Add("--file=" + f);
                    break;
                case "namespace": args.Add("--namespace=" + value); break;
                case "journalflags":
                    // sd_journal_open flags: 1 LOCAL_ONLY, 2 RUNTIME_ONLY, 4 SYSTEM, 8 CURRENT_USER.
                    if (!int.TryParse(value, out var flags)) throw new JournalUnavailableException("systemd-journal: journalflags '" + value + "' is not a number");
                    if ((flags & 4) != 0 && (flags & 8) == 0) args.Add("--system");
                    if ((flags & 8) != 0 && (flags & 4) == 0) args.Add("--user");
                    break;
                default:
                    throw new JournalUnavailableException("systemd-journal: unknown backend option '" + key + "' (journalflags, journalpath, journalfiles, namespace)");
            }
        }
        if (match is not null) args.AddRange(match.Terms);
        var info = new ProcessStartInfo("journalctl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            var process = Process.Start(info) ?? throw new JournalUnavailableException("systemd-journal: journalctl did not start");
            return process.StandardOutput;
        }
        catch (Win32Exception)
        {
            throw new JournalUnavailableException(
                "systemd-journal: journalctl was not found, so the journal cannot be read here. On the host, save it with " +
                "'journalctl -o json [MATCHES] > journal.json' and run 'filterlint regex --log-format journal-json journal.json FILTER'");
        }
    }

    private static IEnumerable<(string Key, string Value)> BackendOptions(string log)
    {
        var open = log.IndexOf('[');
        if (open < 0) yield break;
        if (!log.EndsWith("]", StringComparison.Ordinal)) throw new JournalUnavailableException("systemd-journal: options must end with ']' in '" + log + "'");
        foreach (var part in log.Substring(open + 1, log.Length - open - 2).Split(','))
        {
            if (part.Trim().Length == 0) continue;
            var eq = part.IndexOf('=');
            if (eq <= 0) throw new JournalUnavailableException("systemd-journal: option '" + part.Trim() + "' is not name=value");
            yield return (part.Substring(0, eq).Trim(), part.Substring(eq + 1).Trim().Trim('"', '\''));
        }
    }
}
