using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fail2Ban.Analyzers;

/// <summary>
/// Runs the Fail2Ban lint rules on filter <c>.conf</c> files given as AdditionalFiles with metadata
/// <c>Fail2BanFilter="true"</c> (include-only files: <c>Fail2BanFilter="include"</c>; all are read in
/// memory) and reports each finding at its <c>.conf</c> location, in the file where the offending
/// fragment was written (a filter, or an include). In-file <c># filterlint: disable=…</c> comments are
/// honoured; severities come from <c>.globalconfig</c>. A <c>NAME.log</c> AdditionalFile is the log of filter
/// <c>NAME.conf</c>: its lines are what the robustness probe varies and the evidence shows. Never throws.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FilterFileAnalyzer : DiagnosticAnalyzer
{
    internal const string FilterMetadata = "build_metadata.AdditionalFiles.Fail2BanFilter";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

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

    /// <summary>One compilation's filters: each is linted once, whichever file action asks first.</summary>
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

    private sealed class Session
    {
        private readonly AnalyzerOptions _options;
        private readonly List<AdditionalText> _filters = new();
        private readonly HashSet<string> _relevant = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<LintFinding>>> _reports = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AdditionalText> _logs = new(StringComparer.Ordinal);
        private AdditionalTextConfigSource? _files;

        public Session(AnalyzerOptions options)
        {
            _options = options;
            foreach (var file in options.AdditionalFiles)
            {
                if (file.Path.EndsWith(".log", StringComparison.OrdinalIgnoreCase)) _logs[LogName(file.Path)] = file;
                var kind = Kind(file);
                if (kind is null) continue;
                _relevant.Add(AdditionalTextConfigSource.Normalize(file.Path));
                if (kind == "true") _filters.Add(file);
            }
        }

        private string? Kind(AdditionalText file)
        {
            if (!_options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(FilterMetadata, out var value)) return null;
            value = value.Trim().ToLowerInvariant();
            return value is "true" or "include" ? value : null;
        }

        public void Analyze(AdditionalFileAnalysisContext context)
        {
            try
            {
                var path = AdditionalTextConfigSource.Normalize(context.AdditionalFile.Path);
                if (!_relevant.Contains(path)) return;
                _files ??= new AdditionalTextConfigSource(_options.AdditionalFiles.Where(f => Kind(f) != null), context.CancellationToken);
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
                    return new FilterLinter(EveryRule, options).LintFile(files, p).Findings;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Never zero findings for a filter the engine failed on: that would look like a clean filter.
                    return new[] { InternalError(filter.Path, "Linting", e) };
                }
            })).Value;
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
            var normalized = path.Replace('\\', '/');
            var name = normalized.Substring(normalized.LastIndexOf('/') + 1);
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
            return Diagnostic.Create(descriptor, location, message);
        }

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
