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

    private LogLineDresser Dresser => _dresser ??= new LogLineDresser(_variant, _probe, _samples);

    private LogLineDresser? _dresser;

    /// <summary>
    /// The sample lines the filter reports, asked for the forms the probe makes up (padding, empty fields): a line the
    /// sample log holds only to show what must not match (an empty user name the filter ignores on purpose) is no premise.
    /// </summary>
    private SampleForms Forms => _forms ??= new SampleForms(SampleRuns().Select(r => r.Item1).ToList());

    private SampleForms? _forms;

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
                var at = OnlyDelimited(line, raw);
                if (at < 0 || list.Any(b => b.Text == line)) continue;
                var user = failure.User is { Length: > 0 } name && OnlyDelimited(line, name) is var u and >= 0 ? new TextRange(u, u + name.Length) : (TextRange?)null;
                list.Add(new ProbeBaseLine(regex, line, ProbeVerdict.From(failures, regex.Index), null, at, at + raw.Length) { UserRange = user });
            }
            // Generated lines too: they know which text each regex part produced, which field variations need.
            if ((HostTag(regex) ?? PrefixHostTag()) is { } tag)
            {
                foreach (var witness in _probe.Witnesses(regex, MaxBaseLines))
                {
                    // A multi-line filter's single-line failregexes are varied too; lines spanning several are not.
                    if (witness.Text.IndexOf('\n') >= 0 || HostRange(witness, tag) is not { } shifted) continue;
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
        // The address may be the prefregex's (the failregexes then only read the message after it).
        var addressTag = tag ?? PrefixHostTag();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in BaseLines(regex))
        {
            var variants = AddressVariations.For(line, addressTag, _variant.Filter.UseDns == "no", WritesAddressLiterals);
            if (tag != null) variants = variants.Concat(fields.SelectMany(f => FieldVariations.For(line, f, tag)));
            variants = variants.Concat(TokenVariations.For(line)).Concat(LineFormVariations.For(line, _variant)).Concat(SpacingVariations.For(line, Forms))
                .Concat(SpacingVariations.TrailingSpace(line, Forms));
            if (tag != null) variants = variants.Concat(fields.SelectMany(f => EmptyFieldVariations.For(line, f, tag, Forms)));
            foreach (var variant in variants.Select(v => WithTagOwner(v, regex)))
            {
                if (!seen.Add(variant.Name + "\u0000" + variant.Line)) continue;
                outcomes.Add(Judge(line, variant, regex));
            }
        }
        _outcomes[regex] = outcomes;
        return outcomes;
    }

    /// <summary>
    /// The variant with its address tag paired with the regex whose text the tag's spans index: the failregex's own tag,
    /// else the prefregex's. A tag neither holds is dropped: its spans would point into another regex's text (F2B2008
    /// read the prefregex's span in the failregex, past its end).
    /// </summary>
    private ProbeVariant WithTagOwner(ProbeVariant variant, LintRegex regex)
    {
        if (variant.Tag is not { } tag) return variant.TagOwner is null ? variant : variant with { TagOwner = null };
        var owner = Holds(regex, tag) ? regex : _variant.PrefRegex is { } pref && Holds(pref, tag) ? pref : null;
        return owner is null ? variant with { Tag = null, TagOwner = null } : variant with { TagOwner = owner };
    }

    private static bool Holds(LintRegex regex, TagExpansion tag) => regex.Regex.TagExpansions.Any(e => ReferenceEquals(e, tag));

    /// <summary>
    /// Runs a variant. A generated line that was dressed (time stamp, syslog header) is judged both ways, and counts
    /// as breaking its expectation only when it does so dressed and plain: the plain line lets a prefix's optional
    /// parts take real text, the dressed one can move the date Fail2Ban finds; neither artefact makes a finding.
    /// </summary>
    private ProbeOutcome Judge(ProbeBaseLine line, ProbeVariant variant, LintRegex regex)
    {
        if (variant.AsLogLine is { } asLogLine)
            return new ProbeOutcome(line, variant, ProbeVerdict.From(_probe.RunAsServer(variant.Line, asLogLine), regex.Index));
        if (line.FromSample || line.Shift == 0)
            return new ProbeOutcome(line, variant, ProbeVerdict.From(_probe.RunAsServer(variant.Line, line.IsLogLine), regex.Index));
        var dressed = new ProbeOutcome(line, variant, ProbeVerdict.From(_probe.RunAsServer(variant.Line, logLine: true), regex.Index));
        var plain = new ProbeOutcome(line, variant with { Line = variant.Line.Substring(line.Shift) },
            ProbeVerdict.From(_probe.RunAsServer(variant.Line.Substring(line.Shift), logLine: false), regex.Index));
        if (dressed.Violated == plain.Violated) return dressed;
        return dressed.Violated ? plain : dressed;
    }

    /// <summary>
    /// Where the reported address stands in a real line: its only occurrence that is a whole token (not part of
    /// <c>::ffff:1.2.3.4</c> or of a longer name); -1 when there is none or more than one.
    /// </summary>
    private static int OnlyDelimited(string line, string address)
    {
        var found = -1;
        for (var at = line.IndexOf(address, StringComparison.Ordinal); at >= 0; at = line.IndexOf(address, at + 1, StringComparison.Ordinal))
        {
            var before = at > 0 ? line[at - 1] : ' ';
            var after = at + address.Length < line.Length ? line[at + address.Length] : ' ';
            if (char.IsLetterOrDigit(before) || before is ':' or '.' || char.IsLetterOrDigit(after) || after == '.') continue;
            if (found >= 0) return -1;
            found = at;
        }
        return found;
    }

    /// <summary>
    /// Whether the daemon is seen writing host names where the filter reads the address: a sample line for which the
    /// filter reports a name rather than an address; null when there are no sample lines to tell.
    /// </summary>
    public bool? SamplesShowHostNames => _samples.Count == 0 ? null : SampleRuns().Any(r => r.Item2.Any(f => f.Data.GetString("dns") is not null));

    /// <summary>Whether the daemon writes IPv6 clients as SMTP address literals (<c>[IPv6:2001:db8::1]</c>).</summary>
    private bool WritesAddressLiterals => _addressLiterals ??= AddressLiteralForm.WrittenBy(_variant, _samples);

    private bool? _addressLiterals;

    /// <summary>The sample lines <paramref name="regex"/> reports (any the filter reports, for the prefregex).</summary>
    public IEnumerable<string> SampleLinesMatching(LintRegex regex) =>
        SampleRuns().Where(r => regex.Kind == FilterRegexKind.Prefix || r.Item2.Any(f => f.RegexIndex == regex.Index)).Select(r => r.Item1);

    /// <summary>The prefregex's address tag, when the prefregex holds the address.</summary>
    private TagExpansion? PrefixHostTag() => _variant.PrefRegex is { } pref ? HostTag(pref) : null;

    /// <summary>Where the address is in a generated line: the failregex's tag, else the address the matcher reported.</summary>
    private static TextRange? HostRange(ProbeLine witness, TagExpansion tag)
    {
        if (witness.FailText.Tags.TryGetValue(tag, out var range)) return range.Shift(witness.ContentOffset);
        if (witness.Failures.FirstOrDefault()?.RawHost is not { Length: > 0 } raw) return null;
        var at = witness.Text.IndexOf(raw, StringComparison.Ordinal);
        return at < 0 ? null : new TextRange(at, at + raw.Length);
    }

    /// <summary>The address tag the probe varies: the first one the regex has.</summary>
    public static TagExpansion? HostTag(LintRegex regex) => regex.AddressTags().FirstOrDefault();

    private List<(string, List<Matching.Failure>)> SampleRuns() =>
        _sampleRuns ??= _samples.Select(l => (l, _probe.RunLogLine(l).ToList())).Where(r => r.Item2.Count > 0).ToList();
}
