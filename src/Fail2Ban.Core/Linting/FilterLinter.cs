using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Linting.Rules;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// Lints Fail2Ban filters: reads a filter as Fail2Ban does, once per <c>mode</c> and <c>logtype</c> it supports
/// (a logtype that reads exactly like an earlier one is not linted again, it shares that one's findings), reports
/// what the reader and regex translator reject, runs every enabled rule on each variant (and the
/// sample rules when sample logs are given), then applies severities and in-file suppressions.
/// Takes text through <see cref="IConfigFileSource"/>, never paths on disk; never throws on bad input.
/// </summary>
public sealed class FilterLinter
{
    /// <summary>The value given to option <c>logtype</c> when the filter does not set it (as the server and fail2ban-regex do).</summary>
    private const string AutoLogType = "file";

    private const string LogTypeOption = "logtype";

    private readonly LintSettings _settings;
    private readonly LintOptions _options;

    public FilterLinter(LintSettings? settings = null, LintOptions? options = null)
    {
        _settings = settings ?? LintSettings.Default;
        _options = options ?? LintOptions.Default;
    }

    /// <summary>Every rule class, in id order.</summary>
    internal static IReadOnlyList<LintRule> Rules { get; } = RuleSet.Create();

    /// <summary>
    /// Lints the filter file at <paramref name="path"/> (with its <c>.local</c> and includes): every <c>mode</c> and
    /// <c>logtype</c> it supports, or, when <paramref name="options"/> are given (<c>file.conf[logtype=short]</c>),
    /// exactly the variant they select.
    /// </summary>
    public LintReport LintFile(IConfigFileSource files, string path, IReadOnlyDictionary<string, string>? options = null) =>
        Lint(files, path, options, extra => FilterReader.ReadFile(files, path, FilterReference.FromOptions(path, Merge(options, extra)), AutoLogType));

    /// <summary>Lints filter <paramref name="filterName"/> of configuration directory <paramref name="configDirectory"/>
    /// (every variant, or the one <paramref name="options"/> select).</summary>
    public LintReport LintFilter(IConfigFileSource files, string configDirectory, string filterName, IReadOnlyDictionary<string, string>? options = null) =>
        Lint(files, filterName, options,
            extra => FilterReader.ReadFilter(files, configDirectory, FilterReference.FromOptions(filterName, Merge(options, extra)), AutoLogType));

    /// <summary>The options a variant is read with: the given ones, then those that select the variant.</summary>
    private static IReadOnlyDictionary<string, string>? Merge(IReadOnlyDictionary<string, string>? given, IReadOnlyDictionary<string, string>? extra)
    {
        if (given is not { Count: > 0 }) return extra;
        if (extra is not { Count: > 0 }) return given;
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in given) merged[kv.Key] = kv.Value;
        foreach (var kv in extra) merged[kv.Key] = kv.Value;
        return merged;
    }

    private LintReport Lint(IConfigFileSource files, string label, IReadOnlyDictionary<string, string>? given,
        Func<IReadOnlyDictionary<string, string>?, ResolvedFilter> read)
    {
        var collector = new FindingCollector();
        try
        {
            return LintCollecting(files, label, given, read, collector);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A bug in the engine: reported at the filter, with what was found before it, never as a clean filter.
            AddFailure(e, "Linting", label, collector, null);
            return Finish(files, label, new VariantCoverage(Array.Empty<string>(), Array.Empty<string>()), Array.Empty<string>(),
                Array.Empty<string>(), collector, Array.Empty<string>());
        }
    }

    private LintReport LintCollecting(IConfigFileSource files, string label, IReadOnlyDictionary<string, string>? given,
        Func<IReadOnlyDictionary<string, string>?, ResolvedFilter> read, FindingCollector collector)
    {
        ResolvedFilter first;
        try
        {
            first = read(null);
        }
        catch (Fail2BanException e)
        {
            foreach (var warning in e.EarlierWarnings) collector.Add(EngineFindings.FromException(warning, label, _settings), null);
            collector.Add(EngineFindings.FromException(e, label, _settings), null);
            return Finish(files, label, new VariantCoverage(Array.Empty<string>(), Array.Empty<string>()), Array.Empty<string>(),
                Array.Empty<string>(), collector, Array.Empty<string>());
        }

        // Options given on the command line select one variant, as fail2ban-regex reads it.
        var fixedVariant = given is { Count: > 0 };
        var modes = fixedVariant ? Array.Empty<string>() : first.Modes;
        var logTypes = fixedVariant ? Array.Empty<string>() : LogTypesOf(first);
        var coverage = new VariantCoverage(modes, logTypes);
        var filesRead = new List<string>(first.FilesRead);
        var groups = ReadVariants(first, read, label, modes, logTypes, coverage, collector, filesRead);
        var variants = groups.SelectMany(g => g).ToList();

        var sampleName = SampleLogName(first.Name);
        var sampleLines = SampleLinesFor(sampleName);
        var probeCache = new Analysis.ProbeCache();
        var probeTables = new List<Probing.ProbeTable>();
        var datesFail = false;
        foreach (var group in groups)
        {
            probeCache.StartLogType();
            _options.Cancellation.ThrowIfCancellationRequested();
            foreach (var variant in group) datesFail |= !LintVariant(variant, label, collector, sampleLines, probeCache, probeTables);
        }

        if (_options.Samples is { } samples && !datesFail && variants.All(v => v.Compiles))
        {
            var filterFile = first.FilesRead.FirstOrDefault(f => f.EndsWith("/" + sampleName + ".conf", StringComparison.Ordinal)) ?? label;
            var sampleContext = SampleLintContext.Create(sampleName, filterFile, samples, read, _settings, collector,
                hasFailRegex: variants.Any(v => v.FailRegexes.Count > 0));
            if (sampleContext != null)
                foreach (var rule in Rules)
                    if (_settings.IsEnabled(rule.Id)) RunGuarded(() => rule.CheckSamples(sampleContext), "Rule " + rule.Id, label, collector, null);
        }

        return Finish(files, first.Name, coverage, variants.Where(v => v.Mode != null).Select(v => v.Mode!).Distinct().ToList(),
            logTypes, collector, filesRead, probeTables);
    }

    /// <summary>
    /// Reads and prepares the variants to lint, one group of modes per logtype (default logtype first). A logtype
    /// whose every mode reads exactly like a logtype already read is not linted again: it is recorded in
    /// <paramref name="coverage"/> as sharing that one's findings.
    /// </summary>
    private List<List<FilterVariant>> ReadVariants(ResolvedFilter first, Func<IReadOnlyDictionary<string, string>?, ResolvedFilter> read,
        string label, IReadOnlyList<string> modes, IReadOnlyList<string> logTypes, VariantCoverage coverage, FindingCollector collector,
        List<string> filesRead)
    {
        var groups = new List<List<FilterVariant>>();
        var linted = new List<(string LogType, List<ResolvedFilter?> Filters)>();
        foreach (var logType in logTypes.Count == 0 ? new string?[] { null } : logTypes.Cast<string?>())
        {
            var filters = new List<ResolvedFilter?>();
            var modeList = modes.Count <= 1 ? new[] { modes.Count == 1 ? modes[0] : null } : modes.Cast<string?>().ToArray();
            foreach (var mode in modeList)
            {
                var options = new Dictionary<string, string>(StringComparer.Ordinal);
                if (modes.Count > 1 && mode != modes[0]) options["mode"] = mode!;
                if (logType != null && logType != logTypes[0]) options["logtype"] = logType;
                try
                {
                    filters.Add(options.Count == 0 ? first : read(options));
                }
                catch (Fail2BanException e)
                {
                    var key = new VariantKey(modes.Count > 1 ? mode : null, logType);
                    foreach (var warning in e.EarlierWarnings) collector.Add(EngineFindings.FromException(warning, label, _settings), key);
                    collector.Add(EngineFindings.FromException(e, label, _settings), key);
                    filters.Add(null);
                }
            }
            // A logtype that reads exactly like one already linted (journal like short) only repeats its findings.
            if (logType != null && linted.FirstOrDefault(l => SameFilters(l.Filters, filters)) is { Filters: not null } same)
            {
                coverage.AddDuplicate(same.LogType, logType);
                continue;
            }
            if (logType != null) linted.Add((logType, filters));
            var group = new List<FilterVariant>();
            for (var i = 0; i < filters.Count; i++)
            {
                if (filters[i] is not { } filter) continue;
                foreach (var f in filter.FilesRead) if (!filesRead.Contains(f)) filesRead.Add(f);
                group.Add(FilterVariant.Prepare(filter, modeList[i], logType));
            }
            groups.Add(group);
        }
        return groups;
    }

    /// <summary>Runs the rules on one variant; false when its datepattern does not compile (then no line can be run).</summary>
    private bool LintVariant(FilterVariant variant, string label, FindingCollector collector, IReadOnlyList<string>? sampleLines,
        Analysis.ProbeCache probeCache, List<Probing.ProbeTable> probeTables)
    {
        foreach (var warning in variant.Filter.Warnings)
            collector.Add(EngineFindings.FromException(warning, label, _settings), variant.Key);
        foreach (var (source, error) in variant.Errors)
            collector.Add(EngineFindings.FromRegexError(error, source, variant.Filter.Name, _settings), variant.Key);
        // The matcher cannot be built without its date detector: rules that run lines need both.
        var dateError = EngineFindings.FromDatePattern(variant.Filter.DatePattern, variant.Filter.Name, _settings);
        if (dateError != null) collector.Add(dateError, variant.Key);
        var runsLines = variant.Compiles && dateError is null;
        var context = new VariantLintContext(variant, _options, _settings, collector, sampleLines, probeCache);
        foreach (var rule in Rules)
        {
            if (!_settings.IsEnabled(rule.Id) || (rule.NeedsCompiledFilter && !runsLines)) continue;
            _options.Cancellation.ThrowIfCancellationRequested();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            RunGuarded(() => rule.CheckVariant(context), "Rule " + rule.Id, label, collector, variant.Key);
            RuleTimings.AddOrUpdate(rule.Id, Elapsed(started), (_, t) => t + Elapsed(started));
        }
        if (_options.CollectProbeTables && runsLines) RunGuarded(() => probeTables.AddRange(Probing.ProbeTable.From(context)), "The probe", label, collector, variant.Key);
        return dateError is null;
    }

    /// <summary>
    /// The <c>logtype</c> values the filter reads differently with (from its config: the <c>lt_*</c> sections and
    /// <c>&lt;…&lt;logtype&gt;…&gt;</c> references it has), the one it is read with by default first; empty when
    /// there are fewer than two.
    /// </summary>
    private static IReadOnlyList<string> LogTypesOf(ResolvedFilter filter)
    {
        var found = FilterModeCatalog.FindValues(filter.Config, LogTypeOption);
        if (found.Count == 0) return Array.Empty<string>();
        var defaultLogType = filter.TryGetValue(LogTypeOption, out var own) && own.Value is { Text.Length: > 0 } v ? v.Text : found[0];
        var result = new List<string> { defaultLogType };
        foreach (var l in found) if (!result.Contains(l)) result.Add(l);
        return result.Count > 1 ? result : Array.Empty<string>();
    }

    private static bool SameFilters(List<ResolvedFilter?> a, List<ResolvedFilter?> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (a[i] is not { } x || b[i] is not { } y || !FilterVariant.ReadsAlike(x, y)) return false;
        return true;
    }

    /// <summary>The sample log of a filter is named like the filter (for a file: its name without <c>.conf</c>).</summary>
    private static string SampleLogName(string filterName)
    {
        var slash = filterName.LastIndexOf('/');
        var name = slash >= 0 ? filterName.Substring(slash + 1) : filterName;
        foreach (var ext in new[] { ".conf", ".local" })
            if (name.EndsWith(ext, StringComparison.Ordinal)) return name.Substring(0, name.Length - ext.Length);
        return name;
    }

    private IReadOnlyList<string>? SampleLinesFor(string filterName)
    {
        if (_options.Samples is not { } samples) return _options.LogLines;
        string? text;
        try
        {
            text = samples.Read(filterName);
        }
        catch (Exception)
        {
            return null;
        }
        if (text is null) return _options.LogLines;
        return Samples.SampleLogReader.Read(text)
            .Where(e => e.Kind == Samples.SampleLineKind.Test)
            .Select(e => e.Text)
            .Concat(_options.LogLines ?? Array.Empty<string>())
            .ToList();
    }

    /// <summary>
    /// A rule that fails on an input it did not foresee must not take the linter down: its other findings stand,
    /// and the failure is an internal-error finding, so a bug never looks like a clean filter.
    /// </summary>
    private void RunGuarded(Action check, string what, string label, FindingCollector collector, VariantKey? key)
    {
        try
        {
            check();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            AddFailure(e, what, label, collector, key);
        }
    }

    /// <summary>A caught exception: kept in the run's failures, and reported as an internal-error finding (of the variant, if any).</summary>
    private void AddFailure(Exception e, string what, string label, FindingCollector collector, VariantKey? key) =>
        collector.AddFailure(new LintFailure(what, e), EngineFindings.InternalError(e, what, label, _settings), key ?? new VariantKey(null, null));

    /// <summary>Time spent in each rule, in milliseconds, over the process (for the performance tests).</summary>
    internal static System.Collections.Concurrent.ConcurrentDictionary<string, double> RuleTimings { get; } = new();

    private static double Elapsed(long started) =>
        (System.Diagnostics.Stopwatch.GetTimestamp() - started) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    private LintReport Finish(IConfigFileSource files, string filter, VariantCoverage coverage, IReadOnlyList<string> modes,
        IReadOnlyList<string> logTypes, FindingCollector collector, IReadOnlyList<string> filesRead, IReadOnlyList<Probing.ProbeTable>? probeTables = null)
    {
        var suppressions = new Dictionary<string, LintSuppressions>(StringComparer.Ordinal);
        var kept = new List<LintFinding>();
        foreach (var f in collector.Findings)
        {
            if (f.Severity == LintSeverity.None) continue;
            if (!suppressions.TryGetValue(f.Location.File, out var s))
            {
                var text = TryRead(files, f.Location.File);
                suppressions[f.Location.File] = s = text is null ? LintSuppressions.Empty : LintSuppressions.Parse(text);
            }
            if (s.IsSuppressed(f.RuleId, f.Location.Line)) continue;
            coverage.Describe(f, collector.VariantsOf(f));
            kept.Add(f);
        }
        kept.Sort((a, b) =>
        {
            var c = LintLocation.Compare(a.Location, b.Location);
            return c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
        });
        return new LintReport(filter, modes, logTypes, kept, filesRead)
        {
            ProbeTables = probeTables ?? Array.Empty<Probing.ProbeTable>(),
            Failures = collector.Failures.ToList(),
        };
    }

    private static string? TryRead(IConfigFileSource files, string path)
    {
        try
        {
            return files.Read(path)?.Text;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
