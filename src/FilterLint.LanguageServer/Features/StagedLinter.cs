using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer.Features;

/// <summary>
/// Lints a filter in two passes when a full lint of it is slow: the quick pass reads only its default variant
/// (default mode and logtype) and leaves out the rules that were slow on it, and carries over from the last full
/// lint what it cannot see (those rules' findings, findings of other variants), so the editor shows the new state
/// at once; the full pass (every variant, every rule) follows and replaces it. sshd: 16 variants, ~0.8 s in the
/// probing rules; its quick pass takes a small part of that.
/// A quick pass may run beside a full pass (the analyzer runs the rules concurrently too). Rule timings are
/// process-wide, so a pass may count a concurrent one's time: at worst a rule is deferred that need not be.
/// </summary>
public sealed class StagedLinter
{
    /// <summary>A rule that takes longer than this on a filter runs in its full passes only.</summary>
    private const double SlowRuleMilliseconds = 40;

    private const string LogTypeOption = "logtype";

    /// <summary>The logtype Fail2Ban reads a filter with when the filter does not set one.</summary>
    private const string AutoLogType = "file";

    private readonly Func<LintSettings> _newSettings;
    private readonly LintOptions? _options;
    private readonly FilterLinter _full;
    private readonly ConcurrentDictionary<string, HashSet<string>> _slowRules = new(StringComparer.Ordinal);

    /// <param name="newSettings">Fresh settings as configured (a quick pass turns the slow rules off in its own copy).</param>
    public StagedLinter(Func<LintSettings> newSettings, LintOptions? options)
    {
        _newSettings = newSettings;
        _options = options;
        _full = new FilterLinter(newSettings(), options);
    }

    /// <summary>The quick pass, or null when a full lint of this filter is known to be quick or was never run.</summary>
    public LintReport? Quick(FilterTarget target, IConfigFileSource files, LintReport? lastFull)
    {
        if (lastFull is null) return null;
        var slow = SlowRulesOf(target);
        var oneVariant = lastFull.Modes.Count > 1 || lastFull.LogTypes.Count > 1;
        if (slow.Count == 0 && !oneVariant) return null;
        var settings = _newSettings();
        foreach (var id in slow) settings.Set(id, LintSeverity.None);
        // Any option makes the linter read exactly one variant: the default logtype, the default mode.
        var variant = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LogTypeOption] = lastFull.LogTypes.Count > 0 ? lastFull.LogTypes[0] : AutoLogType,
        };
        var quick = Timed(target, () => target.Lint(new FilterLinter(settings, _options), files, variant));
        var seen = new HashSet<string>(quick.Findings.Select(FindingDiagnostics.IdentityOf), StringComparer.Ordinal);
        // What the quick pass cannot have seen: the slow rules, and findings of some variants only.
        var carried = lastFull.Findings.Where(f => (slow.Contains(f.RuleId) || f.Variants.Length > 0) && !seen.Contains(FindingDiagnostics.IdentityOf(f)));
        var findings = quick.Findings.Concat(carried).ToList();
        findings.Sort((a, b) =>
        {
            var c = LintLocation.Compare(a.Location, b.Location);
            return c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
        });
        return new LintReport(lastFull.Filter, lastFull.Modes, lastFull.LogTypes, findings, quick.FilesRead);
    }

    /// <summary>Every variant, every rule.</summary>
    public LintReport Full(FilterTarget target, IConfigFileSource files) => Timed(target, () => target.Lint(_full, files));

    /// <summary>Forgets what was learnt about a filter (it was closed).</summary>
    public void Forget(FilterTarget target) => _slowRules.TryRemove(target.Key, out _);

    private HashSet<string> SlowRulesOf(FilterTarget target)
    {
        lock (_slowRules) return _slowRules.TryGetValue(target.Key, out var s) ? new HashSet<string>(s) : new HashSet<string>();
    }

    /// <summary>Runs a lint and adds the rules that were slow in it to the filter's slow rules (a shared cost,
    /// such as compiling the variants, moves to the next rule that needs it: it is learnt on the next pass).</summary>
    private LintReport Timed(FilterTarget target, Func<LintReport> lint)
    {
        var before = new Dictionary<string, double>(FilterLinter.RuleTimings);
        var report = lint();
        lock (_slowRules)
        {
            var slow = _slowRules.GetOrAdd(target.Key, _ => new HashSet<string>(StringComparer.Ordinal));
            foreach (var kv in FilterLinter.RuleTimings)
                if (kv.Value - (before.TryGetValue(kv.Key, out var b) ? b : 0) > SlowRuleMilliseconds) slow.Add(kv.Key);
        }
        return report;
    }
}
