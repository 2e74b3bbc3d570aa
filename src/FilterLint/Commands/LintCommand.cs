using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Linting;
using FilterLint.Files;
using FilterLint.Output;

namespace FilterLint.Commands;

/// <summary>
/// <c>filterlint lint</c>: runs the lint rules on filter files and prints the findings as text
/// (<c>path(line,col): severity F2Bxxxx: message</c> plus an excerpt), JSON or SARIF 2.1.0;
/// <c>--fix</c> applies the mechanical fixes. Exit code 0 clean, 1 findings at or above
/// <c>--fail-on</c>, 2 usage or input error.
/// </summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Filter .conf files, or folders of them (include-only *common.conf files are skipped). " +
                          "With --config, a bare filter name is looked up in DIR/filter.d. Every mode and logtype is linted; " +
                          "options as fail2ban-regex takes them select one variant: 'sshd.conf[logtype=journal]', 'sshd[mode=aggressive]'.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var config = new Option<string?>("--config", "-c")
        {
            Description = "Fail2Ban configuration directory: filter names are looked up in DIR/filter.d; with no PATH, every filter there is linted.",
            HelpName = "DIR",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json, sarif, or github (GitHub Actions annotations). " +
                          "Default: text, or github when GITHUB_ACTIONS=true.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var samples = new Option<string?>("--samples")
        {
            Description = "Folder of sample logs named like the filters (found by itself: upstream's fail2ban/tests/files/logs next to a config/filter.d tree, or failJSON-annotated logs in logs/ beside filter.d): evidence from real lines, and the F2B5 rules.",
            HelpName = "DIR",
        };
        var fix = new Option<bool>("--fix") { Description = "Apply the mechanical fixes to the .conf files." };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Lowest severity that makes the exit code 1.",
            DefaultValueFactory = _ => "warning",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "never");
        var settings = new Option<string?>("--settings")
        {
            Description = "A .globalconfig file with 'dotnet_diagnostic.F2Bxxxx.severity = error|warning|suggestion|none' lines (as the analyzer reads).",
            HelpName = "FILE",
        };
        var rules = new Option<string[]>("--rule")
        {
            Description = "Set a rule's severity, e.g. --rule F2B3002=error or --rule F2B3005=none (repeatable).",
            HelpName = "ID=SEVERITY",
            AllowMultipleArgumentsPerToken = false,
        };

        var command = new Command("lint", "Lint Fail2Ban filter files: missed attacks, forgeable bans, slow regexes.")
        {
            paths, config, format, samples, fix, failOn, settings, rules,
        };
        command.SetAction(parse =>
        {
            var request = new LintRequest(
                parse.GetValue(paths) ?? Array.Empty<string>(),
                parse.GetValue(config),
                parse.GetResult(format) is { Implicit: false } ? parse.GetValue(format)! : DefaultFormat(),
                parse.GetValue(samples),
                parse.GetValue(fix),
                parse.GetValue(failOn)!,
                parse.GetValue(settings),
                parse.GetValue(rules) ?? Array.Empty<string>());
            return Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Annotations in a GitHub Actions job (where the runner sets GITHUB_ACTIONS=true), else text.</summary>
    private static string DefaultFormat() => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? "github" : "text";

    private sealed record LintRequest(string[] Paths, string? Config, string Format, string? Samples, bool Fix, string FailOn,
        string? Settings, string[] Rules);

    private static int Run(LintRequest request, TextWriter output, TextWriter error)
    {
        var settings = ReadSettings(request, error);
        if (settings is null) return ExitCodes.Error;
        if (request.Samples != null && !Directory.Exists(request.Samples))
        {
            error.WriteLine("filterlint: error: sample folder '" + request.Samples + "' does not exist");
            return ExitCodes.Error;
        }
        var targets = LintTargets.Collect(request.Paths, request.Config, error);
        if (targets is null) return ExitCodes.Error;

        var files = new PhysicalConfigFileSource();
        var options = new LintOptions
        {
            Samples = (request.Samples ?? SampleLogFolder.Beside(targets)) is { } folder ? SampleLogFolder.Open(folder) : null,
        };
        var linter = new FilterLinter(settings, options);
        var findings = new List<LintFinding>();
        foreach (var target in targets) findings.AddRange(target.Lint(linter, files).Findings);

        var paths = DisplayPath.Current();
        switch (request.Format)
        {
            case "json":
                new JsonFindingWriter(paths).Write(output, findings);
                break;
            case "sarif":
                new SarifLogWriter(paths, ToolVersion()).Write(output, findings);
                break;
            case "github":
                var workspace = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE");
                new GitHubFindingWriter(string.IsNullOrEmpty(workspace) ? paths : new DisplayPath(workspace)).Write(output, findings, targets.Count);
                break;
            default:
                new TextFindingWriter(paths, ReadText).Write(output, findings, targets.Count);
                break;
        }

        var remaining = findings;
        if (request.Fix) remaining = ApplyFixes(findings, paths, error);
        // A filter Fail2Ban cannot read is an input error (2), like a missing file, whatever --fail-on says.
        if (remaining.Any(CannotBeRead)) return ExitCodes.Error;
        return remaining.Any(f => Fails(f.Severity, request.FailOn)) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// An error of Fail2Ban's own reader or compiler (it refuses the filter). F2B1011 is not one: Fail2Ban runs
    /// that regex, only its .NET translation is missing.
    /// </summary>
    private static bool CannotBeRead(LintFinding f) =>
        f.Severity >= LintSeverity.Error && f.RuleId != RuleIds.RegexUnsupported &&
        RuleCatalog.TryGet(f.RuleId, out var rule) && rule.IsEngineDiagnostic;

    private static bool Fails(LintSeverity severity, string failOn) => failOn switch
    {
        "error" => severity >= LintSeverity.Error,
        "warning" => severity >= LintSeverity.Warning,
        "info" => severity >= LintSeverity.Info,
        _ => false,
    };

    private static LintSettings? ReadSettings(LintRequest request, TextWriter error)
    {
        LintSettings settings;
        if (request.Settings != null)
        {
            if (!File.Exists(request.Settings))
            {
                error.WriteLine("filterlint: error: settings file '" + request.Settings + "' does not exist");
                return null;
            }
            var errors = new List<string>();
            settings = LintSettings.ParseGlobalConfig(File.ReadAllText(request.Settings), errors);
            foreach (var e in errors) error.WriteLine("filterlint: error: " + request.Settings + ": " + e);
            if (errors.Count > 0) return null;
        }
        else
        {
            settings = new LintSettings();
        }
        foreach (var rule in request.Rules)
        {
            var eq = rule.IndexOf('=');
            if (eq <= 0 || !RuleCatalog.TryGet(rule.Substring(0, eq).Trim(), out var descriptor)
                || !LintSettings.TryParseSeverity(rule.Substring(eq + 1), out var severity))
            {
                error.WriteLine("filterlint: error: --rule expects ID=SEVERITY with a known rule id and error|warning|info|none, got '" + rule + "'");
                return null;
            }
            settings.Set(descriptor.Id, severity);
        }
        return settings;
    }


    private static List<LintFinding> ApplyFixes(List<LintFinding> findings, DisplayPath paths, TextWriter error)
    {
        var edits = findings.Where(f => f.Fix != null).SelectMany(f => f.Fix!.Edits).GroupBy(e => e.File);
        var fixedFindings = new HashSet<LintFinding>();
        foreach (var group in edits)
        {
            var text = ReadText(group.Key);
            if (text is null) continue;
            var result = LintFixApplier.Apply(text, group);
            if (result.Applied > 0) File.WriteAllText(group.Key, result.Text);
            error.WriteLine("filterlint: " + paths.Format(group.Key) + ": " + result.Applied + " fix(es) applied"
                + (result.Skipped > 0 ? ", " + result.Skipped + " skipped (the text changed)" : ""));
        }
        foreach (var f in findings)
            if (f.Fix != null && f.Fix.Edits.All(e => ReadText(e.File) is { } t && !Contains(t, e))) fixedFindings.Add(f);
        return findings.Where(f => !fixedFindings.Contains(f)).ToList();
    }

    /// <summary>Whether the edit's old text is still at its place (then the fix was not applied).</summary>
    private static bool Contains(string text, LintTextEdit edit)
    {
        var lines = SourceExcerpt.SplitLines(text);
        if (edit.Line > lines.Length) return false;
        var line = lines[edit.Line - 1];
        return edit.Column - 1 + edit.OldText.Length <= line.Length
            && string.CompareOrdinal(line, edit.Column - 1, edit.OldText, 0, edit.OldText.Length) == 0;
    }

    /// <summary>A config's text for excerpts and fixes; null for a file that is not a Fail2Ban config, so none of it is printed.</summary>
    private static string? ReadText(string path) => ConfigFileReader.ReadConfigText(path);

    private static string ToolVersion() =>
        typeof(LintCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
