using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fail2Ban.Analyzers;

/// <summary>
/// Runs the Fail2Ban lint rules on filter <c>.conf</c> files given as AdditionalFiles, plain or with metadata
/// <c>Fail2BanFilter="true"</c> (include-only files: <c>*common.conf</c>, <c>.local</c> or
/// <c>Fail2BanFilter="include"</c>; all are read in memory; see <see cref="AdditionalFileRoles"/>) and reports
/// each finding at its <c>.conf</c> location, in the file where the offending fragment was written (a filter,
/// or an include). In-file <c># filterlint: disable=…</c> comments are honoured; severities come from
/// <c>.globalconfig</c>. A <c>NAME.log</c> AdditionalFile is the log of filter <c>NAME.conf</c>: its lines are
/// what the robustness probe varies and the evidence shows. When the source generator is referenced too
/// (its package sets <c>Fail2BanGeneratorReferenced</c>), the errors that stop a filter it compiles from
/// loading are its to report: each problem is reported once. Never throws.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FilterFileAnalyzer : DiagnosticAnalyzer
{
    internal const string FilterMetadata = AdditionalFileRoles.FilterMetadata;

    /// <summary>Set (to <c>true</c>) by the generator package's props, visible to the compiler.</summary>
    internal const string GeneratorReferencedProperty = "build_property.Fail2BanGeneratorReferenced";

    /// <summary>
    /// The ids the generator reports on the filters it compiles (the engine's "filter does not load" errors and
    /// the reader's warnings): those it reports are left to it when it is referenced (<see cref="LeftToGenerator"/>).
    /// </summary>
    internal static readonly HashSet<string> ReportedByGenerator = new(StringComparer.Ordinal)
    {
        RuleIds.ConfigSyntax, RuleIds.MissingInclude, RuleIds.IncludeCycle, RuleIds.Interpolation, RuleIds.TagSubstitution,
        RuleIds.FilterOptions, RuleIds.FilterNotFound, RuleIds.OptionValue, RuleIds.LimitExceeded, RuleIds.RegexSyntax,
        RuleIds.RegexUnsupported, RuleIds.NoFailureIdGroup, RuleIds.EmptyRegex, RuleIds.DuplicateGroupName,
        RuleIds.GlobalFlagNotAtStart, RuleIds.DatePattern, RuleIds.InternalError,
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.Supported;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var session = new Session(start.Options);
            start.RegisterAdditionalFileAction(session.Analyze);
        });
    }

    /// <summary>
    /// Every rule runs, those off by default too (at info): their descriptors are disabled by default, so the
    /// compiler drops them unless a <c>.globalconfig</c> turns them on.
    /// </summary>
    private static readonly LintSettings EveryRule = EnableOffByDefaultRules();

    private static LintSettings EnableOffByDefaultRules()
    {
        var settings = new LintSettings();
        foreach (var rule in RuleCatalog.All)
            if (rule.DefaultSeverity == LintSeverity.None) settings.Set(rule.Id, LintSeverity.Info);
        return settings;
    }

    /// <summary>
    /// Test seam: called with each filter's path just before it is linted, inside the analyzer's guard (a test throws
    /// from it to check that an engine failure is reported as a located F2B9001). Null outside tests.
    /// </summary>
    internal static Action<string>? BeforeLint;

    /// <summary>One compilation's filters: each is linted once, whichever file action asks first.</summary>
    private sealed class Session
    {
        private readonly AnalyzerOptions _options;
        private readonly List<AdditionalText> _filters = new();
        private readonly HashSet<string> _relevant = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _unrecognized = new(StringComparer.Ordinal);
        /// <summary>Filters the generator compiles (and reports load errors for), when it is referenced.</summary>
        private readonly HashSet<string> _generated = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<LintFinding>>> _reports = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AdditionalText> _logs = new(StringComparer.Ordinal);
        private AdditionalTextConfigSource? _files;

        public Session(AnalyzerOptions options)
        {
            _options = options;
            var generator = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(GeneratorReferencedProperty, out var referenced)
                && string.Equals(referenced.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            foreach (var file in options.AdditionalFiles)
            {
                if (file.Path.EndsWith(".log", StringComparison.OrdinalIgnoreCase)) _logs[LogName(file.Path)] = file;
                var path = AdditionalTextConfigSource.Normalize(file.Path);
                switch (AdditionalFileRoles.Of(file, options.AnalyzerConfigOptionsProvider, out var metadata))
                {
                    case AdditionalFileRole.Filter:
                        _relevant.Add(path);
                        _filters.Add(file);
                        // The generator compiles only files tagged Fail2BanFilter="true" (plain .conf files are the analyzer's alone).
                        if (generator && metadata.Length > 0) _generated.Add(path);
                        break;
                    case AdditionalFileRole.Include:
                        _relevant.Add(path);
                        break;
                    case AdditionalFileRole.Unrecognized:
                        _unrecognized[path] = metadata;
                        break;
                }
            }
        }

        private bool IsConfigFile(AdditionalText file) =>
            _relevant.Contains(AdditionalTextConfigSource.Normalize(file.Path));

        public void Analyze(AdditionalFileAnalysisContext context)
        {
            try
            {
                var path = AdditionalTextConfigSource.Normalize(context.AdditionalFile.Path);
                if (_unrecognized.TryGetValue(path, out var value))
                {
                    context.ReportDiagnostic(NotLinted(context.AdditionalFile, value));
                    return;
                }
                if (!_relevant.Contains(path)) return;
                _files ??= new AdditionalTextConfigSource(_options.AdditionalFiles.Where(IsConfigFile), context.CancellationToken);
                var files = _files;
                var seen = new HashSet<(string, int, int, string)>();
                // A filter's own findings, and for an include the findings of every filter located in it.
                foreach (var filter in _filters)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    foreach (var finding in Lint(filter, files, context.CancellationToken))
                    {
                        if (!string.Equals(AdditionalTextConfigSource.Normalize(finding.Location.File), path, StringComparison.Ordinal)) continue;
                        if (!seen.Add((finding.RuleId, finding.Location.Line, finding.Location.Column, finding.Message))) continue;
                        if (ToDiagnostic(finding, context.AdditionalFile, files) is { } diagnostic) context.ReportDiagnostic(diagnostic);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                // An analyzer must never take the build down (AD0001): the failure is reported on this file instead.
                var finding = InternalError(context.AdditionalFile.Path, "Reporting the findings", e);
                if (_files?.TextOf(context.AdditionalFile.Path) is not null
                    && ToDiagnostic(finding, context.AdditionalFile, _files) is { } diagnostic)
                    context.ReportDiagnostic(diagnostic);
                else
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, finding.Message));
            }
        }

        private static Diagnostic NotLinted(AdditionalText file, string value) =>
            Diagnostic.Create(DiagnosticDescriptors.FileNotLinted,
                Location.Create(file.Path, default, new LinePositionSpan(default, default)),
                "This file is not linted: Fail2BanFilter=\"" + value + "\" is not one of " + AdditionalFileRoles.AcceptedValues
                + " (e.g. <AdditionalFiles Update=\"" + FileName(file.Path) + "\" Fail2BanFilter=\"true\" /> to lint it as a filter).");

        private static string FileName(string path)
        {
            var normalized = path.Replace('\\', '/');
            return normalized.Substring(normalized.LastIndexOf('/') + 1);
        }

        private static LintFinding InternalError(string path, string what, Exception e) =>
            new(RuleIds.InternalError, LintSeverity.Error, what + " failed: " + e.GetType().Name + ": " + e.Message,
                LintLocation.FileStart(path));

        private IReadOnlyList<LintFinding> Lint(AdditionalText filter, AdditionalTextConfigSource files, System.Threading.CancellationToken cancellation)
        {
            var path = AdditionalTextConfigSource.Normalize(filter.Path);
            return _reports.GetOrAdd(path, p => new Lazy<IReadOnlyList<LintFinding>>(() =>
            {
                try
                {
                    BeforeLint?.Invoke(p);
                    var options = new LintOptions { LogLines = LogLinesFor(p), Cancellation = cancellation };
                    var findings = new FilterLinter(EveryRule, options).LintFile(files, p).Findings;
                    if (!_generated.Contains(p)) return findings;
                    var left = LeftToGenerator(findings, files, p);
                    return findings.Where(f => !left.Contains(f)).ToList();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Never zero findings for a filter the engine failed on: that would look like a clean filter.
                    return new[] { InternalError(filter.Path, "Linting", e) };
                }
            })).Value;
        }

        /// <summary>
        /// What the generator reports on a filter it compiles, as it reports it: the reader's warnings when the filter
        /// reads (a reading error stops it before them), and the first error that stops the filter loading (the only one
        /// it reports; the others stay the analyzer's, so none is lost).
        /// </summary>
        private static HashSet<LintFinding> LeftToGenerator(IReadOnlyList<LintFinding> findings, AdditionalTextConfigSource files, string path)
        {
            var left = new HashSet<LintFinding>();
            bool reads;
            try
            {
                FilterReader.ReadFile(files, path);
                reads = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                reads = false;
            }
            var firstError = true;
            foreach (var finding in findings)
            {
                if (!ReportedByGenerator.Contains(finding.RuleId)) continue;
                var isError = RuleCatalog.Get(finding.RuleId).DefaultSeverity == LintSeverity.Error;
                if (isError ? firstError : reads) left.Add(finding);
                if (isError) firstError = false;
            }
            return left;
        }

        /// <summary>The lines of the <c>.log</c> AdditionalFile named like the filter, or null.</summary>
        private IReadOnlyList<string>? LogLinesFor(string filterPath)
        {
            if (!_logs.TryGetValue(LogName(filterPath), out var log) || log.GetText() is not { } text) return null;
            return text.Lines.Select(l => l.ToString()).Where(l => l.Length > 0).ToList();
        }

        /// <summary><c>dir/sshd.conf</c> and <c>logs/sshd.log</c> both name <c>sshd</c>.</summary>
        private static string LogName(string path)
        {
            var name = FileName(path);
            var dot = name.LastIndexOf('.');
            return dot > 0 ? name.Substring(0, dot) : name;
        }

        private static Diagnostic? ToDiagnostic(LintFinding finding, AdditionalText file, AdditionalTextConfigSource files)
        {
            if (!DiagnosticDescriptors.TryGet(finding.RuleId, out var descriptor)) return null;
            var text = files.TextOf(file.Path);
            if (text is null) return null;
            var location = Location.Create(file.Path, Span(text, finding.Location), LineSpan(text, finding.Location));
            var message = finding.Message;
            if (finding.Evidence is { } e) message += " (evidence: " + e.Explanation + ": " + e.Line + ")";
            // The analyzer never reads the disk: an include it did not find may well exist, just not as an AdditionalFile.
            if (finding.RuleId == RuleIds.MissingInclude) message += " (the analyzer reads included files from AdditionalFiles only: add it as <AdditionalFiles Include=\"…\" />)";
            // The finding's own severity: a rule reports a guess made without the daemon's log as info below its default
            // (F2B2006's port "check the daemon"), as the CLI does. A .globalconfig severity still overrides it.
            return Diagnostic.Create(descriptor, location, ToDiagnosticSeverity(finding.Severity), null, null, message);
        }

        private static DiagnosticSeverity ToDiagnosticSeverity(LintSeverity severity) => severity switch
        {
            LintSeverity.Error => DiagnosticSeverity.Error,
            LintSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };

        private static TextSpan Span(SourceText text, LintLocation l)
        {
            // The engine counts lines as Fail2Ban reads them (\r\n, \r, \n): its positions are turned into offsets
            // that way, and Roslyn numbers them its own way (U+0085, U+2028 break lines too), like the generator.
            var content = text.ToString();
            var start = LineNumbering.OffsetOf(content, l.Line, l.Column);
            var end = LineNumbering.OffsetOf(content, l.EndLine, l.EndColumn);
            return TextSpan.FromBounds(start, Math.Max(start, end));
        }

        private static LinePositionSpan LineSpan(SourceText text, LintLocation l)
        {
            var span = Span(text, l);
            return text.Lines.GetLinePositionSpan(span);
        }

    }
}
