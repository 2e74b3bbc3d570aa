using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Linting.Probing;
using FilterLint.Files;
using FilterLint.Output;

namespace FilterLint.Commands;

/// <summary>
/// <c>filterlint probe</c>: the robustness probe's table per failregex: each line the regex matches (sample
/// or log lines first, generated lines otherwise), the variations daemons and attackers produce, and what
/// Fail2Ban does with each; then the findings the lint rules draw from it. Same engine as <c>lint</c>.
/// </summary>
internal static class ProbeCommand
{
    public static Command Create()
    {
        var filters = new Argument<string[]>("FILTER")
        {
            Description = "Filter .conf files (or names with --config), optionally with options as fail2ban-regex takes them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var config = new Option<string?>("--config", "-c") { Description = "Fail2Ban configuration directory (filter names are looked up in DIR/filter.d).", HelpName = "DIR" };
        var samples = new Option<string?>("--samples") { Description = "Folder of sample logs named like the filters (found by itself: upstream's fail2ban/tests/files/logs next to a config/filter.d tree, or failJSON-annotated logs in logs/ beside filter.d): their lines are varied beside lines generated from the regex.", HelpName = "DIR" };
        var log = new Option<string?>("--log") { Description = "A log file whose lines the filter matches are varied (in addition to sample logs).", HelpName = "LOG" };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var all = new Option<bool>("--all") { Description = "Print every variant line, not only those that break an expectation." };
        var command = new Command("probe",
            "Vary the lines each failregex matches as daemons and attackers do (IPv6, ports, user names, injected addresses, longer tokens) "
            + "and show what Fail2Ban does with each, then the lint findings drawn from them. A broken expectation is a finding only where the filter "
            + "shows its premise (its sample log, its other regexes, the format); exit 1 when there is a finding at warning or above.")
        {
            filters, config, samples, log, format, all,
        };
        command.SetAction(parse => Run(parse.GetValue(filters)!, parse.GetValue(config), parse.GetValue(samples), parse.GetValue(log),
            parse.GetValue(format)!, parse.GetValue(all), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string[] filters, string? config, string? samples, string? log, string format, bool all, TextWriter output, TextWriter error)
    {
        if (samples != null && !Directory.Exists(samples))
        {
            error.WriteLine("filterlint: error: sample folder '" + samples + "' does not exist");
            return ExitCodes.Error;
        }
        IReadOnlyList<string>? logLines = null;
        if (log != null)
        {
            if (!File.Exists(log))
            {
                error.WriteLine("filterlint: error: log file '" + log + "' does not exist");
                return ExitCodes.Error;
            }
            logLines = File.ReadAllLines(log).Where(l => l.Length > 0).ToList();
        }
        var targets = LintTargets.Collect(filters, config, error);
        if (targets is null) return ExitCodes.Error;
        var linter = new FilterLinter(null, new LintOptions
        {
            Samples = (samples ?? SampleLogFolder.Beside(targets)) is { } folder ? SampleLogFolder.Open(folder) : null,
            LogLines = logLines,
            CollectProbeTables = true,
        });
        var files = new PhysicalConfigFileSource();
        var reports = targets.Select(t => t.Lint(linter, files)).ToList();
        var paths = DisplayPath.Current();
        if (format == "json") WriteJson(output, reports, paths);
        else WriteText(output, reports, paths, all);
        if (reports.Any(r => r.Findings.Any(f => f.Severity == LintSeverity.Error && RuleCatalog.Get(f.RuleId).IsEngineDiagnostic)))
            return ExitCodes.Error;
        return reports.Any(r => r.Findings.Any(f => f.Severity >= LintSeverity.Warning)) ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static void WriteText(TextWriter output, IReadOnlyList<LintReport> reports, DisplayPath paths, bool all)
    {
        foreach (var report in reports)
        {
            // Modes and logtypes that read a failregex alike give the same table: print it once, naming them all.
            foreach (var same in report.ProbeTables.GroupBy(t => (t.Regex, t.Pattern, t.BaseLine)))
            {
                var table = same.First();
                var variants = same.Select(t => t.Mode).Where(m => m != null).Distinct().ToList();
                var l = table.Location;
                output.WriteLine(table.Regex + " at " + paths.Format(l.File) + "(" + l.Line + "," + l.Column + ")" + (variants.Count == 0 ? "" : " [" + string.Join("; ", variants) + "]"));
                output.WriteLine("  " + table.Pattern);
                output.WriteLine("  " + (table.BaseFromSample ? "sample line" : "generated line") + ": " + table.BaseLine);
                output.WriteLine("    -> " + table.BaseVerdict);
                var width = table.Rows.Count == 0 ? 10 : table.Rows.Max(r => r.Variation.Length);
                foreach (var row in table.Rows)
                {
                    output.WriteLine("  " + (row.Violated ? "FAIL" : "ok  ") + "  " + row.Variation.PadRight(width) + "  " + row.Verdict + "  (" + row.Change + "; expected: " + row.Expectation + ")");
                    if (row.Violated || all) output.WriteLine("        " + row.Line);
                }
                output.WriteLine();
            }
            var violated = report.ProbeTables.Sum(t => t.Rows.Count(r => r.Violated));
            var rows = report.ProbeTables.Sum(t => t.Rows.Count);
            output.WriteLine(paths.Format(report.Filter) + ": " + report.ProbeTables.Count + " matched line(s) varied, " + rows + " variation(s), " + violated + " broke their expectation");
            var findings = report.Findings.Where(f => f.Severity != LintSeverity.None).ToList();
            if (findings.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("Findings:");
                new TextFindingWriter(paths, ConfigFileReader.ReadConfigText).Write(output, findings, 1);
            }
        }
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<LintReport> reports, DisplayPath paths)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var table in reports.SelectMany(r => r.ProbeTables))
            {
                json.WriteStartObject();
                json.WriteString("filter", paths.Format(table.Filter));
                if (table.Mode != null) json.WriteString("variant", table.Mode);
                json.WriteString("regex", table.Regex);
                json.WriteString("file", paths.Format(table.Location.File));
                json.WriteNumber("line", table.Location.Line);
                json.WriteNumber("column", table.Location.Column);
                json.WriteString("baseLine", table.BaseLine);
                json.WriteBoolean("baseFromSample", table.BaseFromSample);
                json.WriteString("baseVerdict", table.BaseVerdict);
                json.WriteStartArray("variations");
                foreach (var row in table.Rows)
                {
                    json.WriteStartObject();
                    json.WriteString("variation", row.Variation);
                    json.WriteString("change", row.Change);
                    json.WriteString("expectation", row.Expectation);
                    json.WriteString("line", row.Line);
                    json.WriteString("verdict", row.Verdict);
                    json.WriteBoolean("violated", row.Violated);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }
}
