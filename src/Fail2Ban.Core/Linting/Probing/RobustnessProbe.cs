using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// The robustness probe of one filter variant: for each failregex, the lines it matches (real sample
/// lines first, else lines generated from the regex), each varied the way daemons and attackers vary
/// real lines (<see cref="AddressVariations"/>, <see cref="FieldVariations"/>), every variant run through
/// the real matcher and compared with its expectation. Lint rules, the <c>probe</c> command and the
/// analyzer read the same outcomes; nothing here decides what is a finding.
/// </summary>
internal sealed class RobustnessProbe
{
    /// <summary>Lines varied per failregex: enough to see optional parts, few enough to stay fast.</summary>
    public const int MaxBaseLines = 4;

    private readonly FilterVariant _variant;
    private readonly FilterProbe _probe;
    private readonly IReadOnlyList<string> _samples;
    private readonly Dictionary<LintRegex, IReadOnlyList<ProbeOutcome>> _outcomes = new();
    private readonly Dictionary<LintRegex, IReadOnlyList<ProbeBaseLine>> _bases = new();
    private List<(string Line, List<Matching.Failure> Failures)>? _sampleRuns;

    public RobustnessProbe(FilterVariant variant, FilterProbe probe, IReadOnlyList<string> sampleLines)
    {
        _variant = variant;
        _probe = probe;
        _samples = sampleLines;
    }

    public FilterVariant Variant => _variant;

    private LogLineDresser Dresser => _dresser ??= new LogLineDresser(_variant, _probe);

    private LogLineDresser? _dresser;

    /// <summary>The lines failregex <paramref name="regex"/> matches that the probe varies (samples first).</summary>
    public IReadOnlyList<ProbeBaseLine> BaseLines(LintRegex regex)
    {
        if (_bases.TryGetValue(regex, out var cached)) return cached;
        var list = new List<ProbeBaseLine>();
        {
            foreach (var (line, failures) in SampleRuns())
            {
                if (list.Count >= MaxBaseLines) break;
                var failure = failures.FirstOrDefault(f => f.RegexIndex == regex.Index && f.Id is not null);
                if (failure?.RawHost is not { } raw) continue;
                var at = line.IndexOf(raw, StringComparison.Ordinal);
                if (at < 0 || list.Any(b => b.Text == line)) continue;
                list.Add(new ProbeBaseLine(regex, line, ProbeVerdict.From(failures, regex.Index), null, at, at + raw.Length));
            }
            if (list.Count == 0 && HostTag(regex) is { } tag)
            {
                foreach (var witness in _probe.Witnesses(regex, MaxBaseLines))
                {
                    // A multi-line filter's single-line failregexes are varied too; lines spanning several are not.
                    if (witness.Text.IndexOf('\n') >= 0 || !witness.FailText.Tags.TryGetValue(tag, out var range)) continue;
                    var shifted = range.Shift(witness.ContentOffset);
                    var verdict = ProbeVerdict.From(_probe.RunAsServer(witness.Text, logLine: false), regex.Index);
                    if (!verdict.Matched) continue;
                    if (Dresser.Dress(witness.Text, verdict) is { } dressed)
                        list.Add(new ProbeBaseLine(regex, dressed.Line, verdict, witness, shifted.Start + dressed.Shift, shifted.End + dressed.Shift, dressed.Shift));
                    else
                        list.Add(new ProbeBaseLine(regex, witness.Text, verdict, witness, shifted.Start, shifted.End, isLogLine: false));
                }
            }
        }
        _bases[regex] = list;
        return list;
    }

    /// <summary>Every variation of every base line of <paramref name="regex"/>, run and judged.</summary>
    public IReadOnlyList<ProbeOutcome> Outcomes(LintRegex regex)
    {
        if (_outcomes.TryGetValue(regex, out var cached)) return cached;
        var outcomes = new List<ProbeOutcome>();
        var tag = HostTag(regex);
        var fields = tag is null ? Array.Empty<ClientField>() : ClientField.Find(regex);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in BaseLines(regex))
        {
            var variants = AddressVariations.For(line, tag, _variant.Filter.UseDns == "no");
            if (tag != null) variants = variants.Concat(fields.SelectMany(f => FieldVariations.For(line, f, tag)));
            variants = variants.Concat(TokenVariations.For(line));
            foreach (var variant in variants)
            {
                if (!seen.Add(variant.Name + "\u0000" + variant.Line)) continue;
                outcomes.Add(Judge(line, variant, regex));
            }
        }
        _outcomes[regex] = outcomes;
        return outcomes;
    }

    /// <summary>
    /// Runs a variant. A generated line's variant is judged without the dress (time stamp and syslog header
    /// only help it look real); the dressed line is shown when Fail2Ban gives it the same verdict.
    /// </summary>
    private ProbeOutcome Judge(ProbeBaseLine line, ProbeVariant variant, LintRegex regex)
    {
        if (line.FromSample || line.Shift == 0)
            return new ProbeOutcome(line, variant, ProbeVerdict.From(_probe.RunAsServer(variant.Line, line.IsLogLine), regex.Index));
        var plain = variant.Line.Substring(line.Shift);
        var verdict = ProbeVerdict.From(_probe.RunAsServer(plain, logLine: false), regex.Index);
        var dressed = ProbeVerdict.From(_probe.RunAsServer(variant.Line, logLine: true), regex.Index);
        var shown = dressed.Matched == verdict.Matched && dressed.Host == verdict.Host ? variant : variant with { Line = plain };
        return new ProbeOutcome(line, shown, verdict);
    }

    /// <summary>The address tag the probe varies: the first one the regex has.</summary>
    public static TagExpansion? HostTag(LintRegex regex) => regex.AddressTags().FirstOrDefault();

    private List<(string, List<Matching.Failure>)> SampleRuns() =>
        _sampleRuns ??= _samples.Select(l => (l, _probe.RunLogLine(l).ToList())).Where(r => r.Item2.Count > 0).ToList();
}
