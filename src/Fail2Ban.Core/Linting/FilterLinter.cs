using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Linting.Rules;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// Lints Fail2Ban filters: reads a filter as Fail2Ban does, once per <c>mode</c> it supports, reports
/// what the reader and regex translator reject, runs every enabled rule on each variant (and the
/// sample rules when sample logs are given), then applies severities and in-file suppressions.
/// Takes text through <see cref="IConfigFileSource"/>, never paths on disk; never throws on bad input.
/// </summary>
public sealed class FilterLinter
{
    /// <summary>The value given to option <c>logtype</c> when the filter does not set it (as the server and fail2ban-regex do).</summary>
    private const string AutoLogType = "file";

    private readonly LintSettings _settings;
    private readonly LintOptions _options;

    public FilterLinter(LintSettings? settings = null, LintOptions? options = null)
    {
        _settings = settings ?? LintSettings.Default;
        _options = options ?? LintOptions.Default;
    }

    /// <summary>Every rule class, in id order.</summary>
    internal static IReadOnlyList<LintRule> Rules { get; } = RuleSet.Create();

    /// <summary>Lints the filter file at <paramref name="path"/> (with its <c>.local</c> and includes).</summary>
    public LintReport LintFile(IConfigFileSource files, string path) =>
        Lint(files, path, options => FilterReader.ReadFile(files, path, FilterReference.FromOptions(path, options), AutoLogType));

    /// <summary>Lints filter <paramref name="filterName"/> of configuration directory <paramref name="configDirectory"/>.</summary>
    public LintReport LintFilter(IConfigFileSource files, string configDirectory, string filterName) =>
        Lint(files, filterName, options => FilterReader.ReadFilter(files, configDirectory, FilterReference.FromOptions(filterName, options), AutoLogType));

    private LintReport Lint(IConfigFileSource files, string label, Func<IReadOnlyDictionary<string, string>?, ResolvedFilter> read)
    {
        var collector = new FindingCollector();
        ResolvedFilter first;
        try
        {
            first = read(null);
        }
        catch (Fail2BanException e)
        {
            collector.Add(EngineFindings.FromException(e, label, _settings), null);
            return Finish(files, label, Array.Empty<string>(), collector, Array.Empty<string>());
        }

        var modes = first.Modes;
        var variants = new List<FilterVariant>();
        var filesRead = new List<string>(first.FilesRead);
        if (modes.Count <= 1)
        {
            variants.Add(FilterVariant.Prepare(first, modes.Count == 1 ? modes[0] : null));
        }
        else
        {
            foreach (var mode in modes)
            {
                ResolvedFilter filter;
                try
                {
                    filter = mode == modes[0] ? first : read(new Dictionary<string, string> { ["mode"] = mode });
                }
                catch (Fail2BanException e)
                {
                    collector.Add(EngineFindings.FromException(e, label, _settings), mode);
                    continue;
                }
                foreach (var f in filter.FilesRead) if (!filesRead.Contains(f)) filesRead.Add(f);
                variants.Add(FilterVariant.Prepare(filter, mode));
            }
        }

        var sampleName = SampleLogName(first.Name);
        var sampleLines = SampleLinesFor(sampleName);
        var probeCache = new Analysis.ProbeCache();
        var datesFail = false;
        foreach (var variant in variants)
        {
            foreach (var warning in variant.Filter.Warnings)
                collector.Add(EngineFindings.FromException(warning, label, _settings), variant.Mode);
            foreach (var (source, error) in variant.Errors)
                collector.Add(EngineFindings.FromRegexError(error, source, variant.Filter.Name, _settings), variant.Mode);
            // The matcher cannot be built without its date detector: rules that run lines need both.
            var dateError = EngineFindings.FromDatePattern(variant.Filter.DatePattern, variant.Filter.Name, _settings);
            if (dateError != null)
            {
                collector.Add(dateError, variant.Mode);
                datesFail = true;
            }
            var context = new VariantLintContext(variant, _options, _settings, collector, sampleLines, probeCache);
            foreach (var rule in Rules)
            {
                if (!_settings.IsEnabled(rule.Id) || (rule.NeedsCompiledFilter && (!variant.Compiles || dateError != null))) continue;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                RunGuarded(() => rule.CheckVariant(context));
                RuleTimings.AddOrUpdate(rule.Id, Elapsed(started), (_, t) => t + Elapsed(started));
            }
        }

        if (_options.Samples is { } samples && !datesFail && variants.All(v => v.Compiles))
        {
            var filterFile = first.FilesRead.FirstOrDefault(f => f.EndsWith("/" + sampleName + ".conf", StringComparison.Ordinal)) ?? label;
            var sampleContext = SampleLintContext.Create(sampleName, filterFile, samples, read, _settings, collector);
            if (sampleContext != null)
                foreach (var rule in Rules)
                    if (_settings.IsEnabled(rule.Id)) RunGuarded(() => rule.CheckSamples(sampleContext));
        }

        return Finish(files, first.Name, variants.Where(v => v.Mode != null).Select(v => v.Mode!).ToList(), collector, filesRead);
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
        if (_options.Samples is not { } samples) return null;
        string? text;
        try
        {
            text = samples.Read(filterName);
        }
        catch (Exception)
        {
            return null;
        }
        if (text is null) return null;
        return Samples.SampleLogReader.Read(text)
            .Where(e => e.Kind == Samples.SampleLineKind.Test)
            .Select(e => e.Text)
            .ToList();
    }

    /// <summary>A rule that fails on an input it did not foresee must not take the linter down.</summary>
    private static void RunGuarded(Action check)
    {
        try
        {
            check();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The rule's other findings stand; this one is lost (reported in tests, not to users).
            LastRuleFailure = e;
        }
    }

    /// <summary>Time spent in each rule, in milliseconds, over the process (for the performance tests).</summary>
    internal static System.Collections.Concurrent.ConcurrentDictionary<string, double> RuleTimings { get; } = new();

    private static double Elapsed(long started) =>
        (System.Diagnostics.Stopwatch.GetTimestamp() - started) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    /// <summary>The last exception a rule threw (tests assert it stays null on the corpus).</summary>
    internal static Exception? LastRuleFailure { get; set; }

    private LintReport Finish(IConfigFileSource files, string filter, IReadOnlyList<string> modes, FindingCollector collector,
        IReadOnlyList<string> filesRead)
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
            kept.Add(f);
        }
        kept.Sort((a, b) =>
        {
            var c = LintLocation.Compare(a.Location, b.Location);
            return c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
        });
        return new LintReport(filter, modes, kept, filesRead);
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
