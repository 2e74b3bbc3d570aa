using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Reviewing;
using FilterLint.Files;
using FilterLint.Output;

namespace FilterLint.Commands;

/// <summary>
/// <c>filterlint diff OLD NEW</c>: runs two versions of a filter over the same lines (sample logs, given logs and the
/// robustness probe's variants) in every mode, and reports the lines now missed, now matched or banning another host.
/// The engine is <see cref="FilterDiff"/>; this reads the arguments and writes the report.
/// </summary>
internal static class DiffCommand
{
    private const string Worse = "now-missed,host-changed";

    public static Command Create()
    {
        var oldVersion = new Argument<string>("OLD") { Description = "The old filter: a .conf file, a folder of filters, or git:REV:path; optionally with options ('postfix.conf[mode=aggressive]')." };
        var newVersion = new Argument<string>("NEW") { Description = "The new filter, written the same way (a folder is compared filter by filter with OLD's)." };
        var logs = new Option<string[]>("--log") { Description = "A log file whose lines both versions run (repeatable).", HelpName = "LOG", AllowMultipleArgumentsPerToken = false };
        var samples = new Option<string?>("--samples") { Description = "Folder of sample logs named like the filters (default: Fail2Ban's fail2ban/tests/files/logs, or logs/ beside filter.d, of each version).", HelpName = "DIR" };
        var noProbe = new Option<bool>("--no-probe") { Description = "Run only the log lines, not the robustness probe's variants of them." };
        var format = new Option<string>("--format", "-f") { Description = "text, json, markdown (a pull-request comment) or github (annotations on the changed .conf lines).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "github");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Changes that make the exit code 1: a comma list of now-missed, host-changed, now-matched, user-changed, time-changed, " +
                          "fields-changed, now-ignored, no-longer-ignored; or 'any', or 'none'.",
            DefaultValueFactory = _ => Worse,
            HelpName = "KINDS",
        };
        var show = new Option<int>("--show") { Description = "Lines shown per group in text and markdown.", DefaultValueFactory = _ => 5, HelpName = "N" };
        var command = new Command("diff",
            "Compare two versions of a filter on real lines: every line (sample logs, --log, and the robustness probe's variants) runs through " +
            "both in every mode; lines whose verdict, banned host, user, time or captures change are listed as 'now missed', 'now matched', " +
            "'host changed'…, grouped by failregex and mode. Exit 1 when a change listed by --fail-on occurs. " + ExitCodes.Help)
        {
            oldVersion, newVersion, logs, samples, noProbe, format, failOn, show,
        };
        command.SetAction(parse => Run(parse.GetValue(oldVersion)!, parse.GetValue(newVersion)!, parse.GetValue(logs) ?? Array.Empty<string>(),
            parse.GetValue(samples), !parse.GetValue(noProbe), parse.GetValue(format)!, parse.GetValue(failOn)!, parse.GetValue(show),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string oldText, string newText, string[] logs, string? samples, bool probe, string format, string failOn, int show,
        TextWriter output, TextWriter error)
    {
        if (ParseKinds(failOn, error) is not { } failKinds) return ExitCodes.Error;
        if (samples != null && !Directory.Exists(samples))
        {
            error.WriteLine("filterlint: error: sample folder '" + samples + "' does not exist");
            return ExitCodes.Error;
        }
        var logSources = new List<DiffLineSource>();
        foreach (var log in logs)
        {
            if (!File.Exists(log))
            {
                error.WriteLine("filterlint: error: log file '" + log + "' does not exist");
                return ExitCodes.Error;
            }
            logSources.Add(DiffLineSource.FromLog(log, File.ReadAllText(log)));
        }
        var old = DiffVersionArgument.Parse(oldText, error);
        var @new = old is null ? null : DiffVersionArgument.Parse(newText, error);
        if (old is null || @new is null) return ExitCodes.Error;
        if (old.IsFolder != @new.IsFolder)
        {
            error.WriteLine("filterlint: error: compare a filter with a filter, or a folder with a folder ('" + oldText + "', '" + newText + "')");
            return ExitCodes.Error;
        }

        var pairs = new List<(FilterVersion Old, FilterVersion New)>();
        if (old.IsFolder)
        {
            var a = old.Filters();
            var b = @new.Filters();
            foreach (var name in a.Keys.Except(b.Keys)) error.WriteLine("filterlint: note: " + name + " is only in " + oldText);
            foreach (var name in b.Keys.Except(a.Keys)) error.WriteLine("filterlint: note: " + name + " is only in " + newText);
            foreach (var name in a.Keys.Intersect(b.Keys))
                pairs.Add((Version(old, a[name], Label(oldText, name)), Version(@new, b[name], Label(newText, name))));
        }
        else
        {
            pairs.Add((Version(old, old.Path, oldText), Version(@new, @new.Path, newText)));
        }

        var options = new FilterDiffOptions { Probe = probe };
        var reports = new List<FilterDiffReport>();
        foreach (var (o, n) in pairs)
        {
            var name = Path.GetFileNameWithoutExtension(n.Path);
            var sources = SampleSources(name, o, n, old, @new, samples).Concat(logSources).ToList();
            reports.Add(FilterDiff.Compare(o, n, sources, options));
        }

        Func<ChangeKind, bool> worse = failKinds.Contains;
        var paths = DisplayPath.Current();
        switch (format)
        {
            case "json":
                new DiffJsonWriter(paths).Write(output, reports, worse);
                break;
            case "markdown":
                foreach (var r in reports.Where(r => r.Changes.Count > 0 || r.NewErrors.Count > 0 || !old.IsFolder))
                    new DiffMarkdownWriter(paths, show).Write(output, r, worse);
                break;
            case "github":
                foreach (var r in reports) new DiffGithubWriter(paths).Write(output, r, worse);
                break;
            default:
                foreach (var r in reports.Where(r => r.Changes.Count > 0 || r.NewErrors.Count > 0 || !old.IsFolder))
                    new DiffTextWriter(paths, show).Write(output, r);
                if (old.IsFolder) output.WriteLine(pairs.Count + " filter" + (pairs.Count == 1 ? "" : "s") + " compared, " + reports.Count(r => r.Changes.Count > 0) + " with changed lines");
                break;
        }
        var failed = reports.Any(r => r.Has(failKinds) || r.NewErrors.Count > 0 && r.OldErrors.Count == 0 && failKinds.Count > 0);
        return failed ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static FilterVersion Version(DiffVersionArgument argument, string path, string label) =>
        new(argument.Files, path, label, argument.Options);

    private static string Label(string folder, string name) => folder.TrimEnd('/') + "/" + name;

    /// <summary>The sample log of the filter: from --samples, else from each version's own tree (the new one's lines first).</summary>
    private static IEnumerable<DiffLineSource> SampleSources(string name, FilterVersion old, FilterVersion @new, DiffVersionArgument oldArg,
        DiffVersionArgument newArg, string? samples)
    {
        if (samples != null)
        {
            var path = Path.Combine(samples, name);
            if (File.Exists(path)) yield return DiffLineSource.FromSampleLog(Path.Combine(samples, name), File.ReadAllText(path));
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (version, arg) in new[] { (@new, newArg), (old, oldArg) })
        {
            foreach (var candidate in arg.SampleLogCandidates(version.Path, name))
            {
                if (version.Files.Read(candidate)?.Text is not { } text) continue;
                var shown = DisplayPath.Current().Format(candidate);
                var label = arg.Revision is { } rev ? "git:" + rev + ":" + shown : shown;
                var source = DiffLineSource.FromSampleLog(label, text);
                var fresh = source.Lines.Where(l => seen.Add(l.Text)).ToList();
                if (fresh.Count > 0) yield return new DiffLineSource(label, fresh);
                break;
            }
        }
    }

    private static HashSet<ChangeKind>? ParseKinds(string text, TextWriter error)
    {
        var kinds = new HashSet<ChangeKind>();
        var all = Enum.GetValues(typeof(ChangeKind)).Cast<ChangeKind>().ToList();
        foreach (var part in text.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (part == "none") continue;
            if (part == "any") { kinds.UnionWith(all); continue; }
            var kind = all.Where(k => LineChange.Id(k) == part).Cast<ChangeKind?>().FirstOrDefault();
            if (kind is null)
            {
                error.WriteLine("filterlint: error: --fail-on: unknown change '" + part + "' (use " + string.Join(", ", all.Select(LineChange.Id)) + ", any or none)");
                return null;
            }
            kinds.Add(kind.Value);
        }
        return kinds;
    }
}
