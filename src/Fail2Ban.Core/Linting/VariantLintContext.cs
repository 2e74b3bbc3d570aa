using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;

namespace Fail2Ban.Core.Linting;

/// <summary>What a rule sees of one filter variant, and where it reports.</summary>
internal sealed class VariantLintContext
{
    private readonly FindingCollector _sink;
    private readonly LintSettings _settings;
    private FilterProbe? _probe;

    private readonly ProbeCache _cache;

    public VariantLintContext(FilterVariant variant, LintOptions options, LintSettings settings, FindingCollector sink,
        IReadOnlyList<string>? sampleLines = null, ProbeCache? cache = null)
    {
        _cache = cache ?? new ProbeCache();
        Variant = variant;
        Options = options;
        _settings = settings;
        _sink = sink;
        SampleLines = sampleLines ?? new List<string>();
    }

    public FilterVariant Variant { get; }

    public LintOptions Options { get; }

    /// <summary>Log lines of the filter's sample log (no directives), when samples were given.</summary>
    public IReadOnlyList<string> SampleLines { get; }

    /// <summary>Runs lines through the real matcher for this variant.</summary>
    public FilterProbe Probe => _probe ??= new FilterProbe(Variant, null, _cache);

    /// <summary>The robustness probe of this variant (variations of matched lines, judged in the matcher).</summary>
    public Probing.RobustnessProbe Robustness => _robustness ??= new Probing.RobustnessProbe(Variant, Probe, SampleLines);

    private Probing.RobustnessProbe? _robustness;

    private Probing.LogLineDresser? _dresser;

    /// <summary>Dates and heads generated evidence lines as this variant's log writes them.</summary>
    private Probing.LogLineDresser Dresser => _dresser ??= new Probing.LogLineDresser(Variant, Probe, SampleLines);

    /// <summary>A generated evidence line dated as its log writes it (a whole line <c>filterlint regex</c> reads the same way).</summary>
    private LintEvidence? Dated(LintEvidence? evidence)
    {
        if (evidence is null || evidence.Kind is LintEvidenceKind.SlowInput or LintEvidenceKind.SampleLine) return evidence;
        if (SampleLines.Contains(evidence.Line) || _dressedProofs.Contains(evidence.Line)) return evidence;
        return Dresser.Dated(evidence.Line) is { } dated ? evidence with { Line = dated } : evidence;
    }

    /// <summary>Lines a rule dressed (or tried to) with a check of its own; <see cref="Dated"/> leaves them as they are.</summary>
    private readonly HashSet<string> _dressedProofs = new(System.StringComparer.Ordinal);

    /// <summary>
    /// A generated proof line dated and headed as its log writes it, where <paramref name="stillProves"/> holds for the dressed
    /// line (a missed line must stay missed and stay matched by the fixed filter); else the line as generated.
    /// </summary>
    public string DressProof(string line, System.Func<string, bool> stillProves)
    {
        var dressed = Dresser.Dated(line, stillProves) ?? line;
        _dressedProofs.Add(dressed);
        return dressed;
    }

    public bool IsEnabled(string ruleId) => _settings.IsEnabled(ruleId);

    /// <summary>Whether <paramref name="ruleId"/> already reported for this filter in another mode (rules that report once per filter).</summary>
    public bool ReportedForFilter(string ruleId) => _cache.ReportedOnce.Contains(ruleId);

    /// <summary>Marks <paramref name="ruleId"/> as reported for this filter.</summary>
    public void MarkReportedForFilter(string ruleId) => _cache.ReportedOnce.Add(ruleId);

    /// <summary>What the sample log showed a rule in another variant of this filter (any logtype), by the rule's own key.</summary>
    public Dictionary<string, bool> SampleFacts => _cache.SampleFacts;

    /// <summary>The state <paramref name="ruleId"/> keeps across the variants (modes) of this filter, created on first use.</summary>
    public T FilterState<T>(string ruleId) where T : class, new()
    {
        if (_cache.RuleState.TryGetValue(ruleId, out var state) && state is T t) return t;
        var created = new T();
        _cache.RuleState[ruleId] = created;
        return created;
    }

    /// <summary>
    /// Reports a finding; <paramref name="severity"/> is the finding's own default (an exponential ReDoS is an error where the
    /// rule's default is a warning), used only when the user has not configured the rule's severity.
    /// </summary>
    public void Report(string ruleId, string message, LintLocation location, LintEvidence? evidence = null, LintFix? fix = null,
        LintSeverity? severity = null)
    {
        var finding = new LintFinding(ruleId, _settings.SeverityOf(ruleId, severity), message, location, Dated(evidence), fix)
        {
            Filter = Variant.Filter.Name,
        };
        // A rule that reports once per filter speaks for every logtype (it is not run again for the others).
        _sink.Add(finding, ReportedForFilter(ruleId) ? new VariantKey(Variant.Mode, null) : Variant.Key);
    }
}
