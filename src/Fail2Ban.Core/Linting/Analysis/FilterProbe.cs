using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Linting.Probing;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// Runs lines through Fail2Ban's real matcher (<see cref="FilterMatcher"/>) for one filter variant, and
/// builds lines for a failregex (through the prefregex's <c>F-CONTENT</c>) that the matcher actually
/// accepts. Every piece of evidence a rule reports comes from here.
/// </summary>
internal sealed class FilterProbe
{
    /// <summary>The time stamp given with generated lines (they carry none): the sample tests' "now".</summary>
    public const double ProbeTime = 1124013600;

    /// <summary>The time text given with generated lines.</summary>
    public const string ProbeTimeText = "2005-08-14T12:00:00";

    private const int DefaultAttempts = 12;

    private readonly FilterVariant _variant;
    private readonly CompiledFilter _filter;
    private DateDetector? _dates;
    private readonly Dictionary<LintRegex, RegexTextGenerator> _generators = new();
    private readonly Dictionary<int, CompiledFilter> _single = new();
    private readonly ProbeCache _cache;

    public FilterProbe(FilterVariant variant, CompiledFilter? filter = null, ProbeCache? cache = null)
    {
        _variant = variant;
        _filter = filter ?? variant.Compile();
        _cache = cache ?? new ProbeCache();
    }

    /// <summary>A probe running the same variant with <paramref name="target"/> replaced (the replacement's own tree generates lines).</summary>
    public FilterProbe WithRegex(LintRegex target, LintRegex replacement)
    {
        var probe = new FilterProbe(_variant, _variant.CompileWith(target, replacement.Regex), new ProbeCache());
        probe._replaced = (target, replacement);
        return probe;
    }

    private (LintRegex Target, LintRegex Replacement)? _replaced;

    private LintRegex Effective(LintRegex regex) => _replaced is { } r && ReferenceEquals(r.Target, regex) ? r.Replacement : regex;

    public FilterVariant Variant => _variant;

    /// <summary>Feeds <paramref name="text"/> (lines separated by <c>\n</c>) to a fresh matcher without date detection; returns the reported failures of the last line.</summary>
    public IReadOnlyList<Failure> Run(string text) => Run(_filter, text);

    /// <summary>
    /// Feeds <paramref name="text"/> to a fresh matcher as the Fail2Ban server runs it: failregexes in order,
    /// the first that matches decides (fail2ban-regex tries them all; a jail does not).
    /// </summary>
    public IReadOnlyList<Failure> RunAsServer(string text, bool logLine)
    {
        var matcher = new FilterMatcher(_filter, Options(checkAll: false), Dates());
        LineResult? last = null;
        if (logLine) last = matcher.ProcessLine(text);
        else foreach (var line in text.Split('\n')) last = matcher.ProcessLine(line, ProbeTime, ProbeTimeText);
        return last is null ? Array.Empty<Failure>() : last.Entries.Where(e => e.Id is not null && !e.IsNoFail).ToList();
    }

    private IReadOnlyList<Failure> Run(CompiledFilter filter, string text)
    {
        var matcher = new FilterMatcher(filter, Options(), Dates());
        LineResult? last = null;
        foreach (var line in text.Split('\n')) last = matcher.ProcessLine(line, ProbeTime, ProbeTimeText);
        return last is null ? Array.Empty<Failure>() : last.Entries.Where(e => e.Id is not null && !e.IsNoFail).ToList();
    }

    /// <summary>Feeds one real log line (with its time stamp) to a fresh matcher; returns the reported failures.</summary>
    public IReadOnlyList<Failure> RunLogLine(string line)
    {
        var matcher = new FilterMatcher(_filter, Options(), Dates());
        var result = matcher.ProcessLine(line);
        return result.Entries.Where(e => e.Id is not null && !e.IsNoFail).ToList();
    }

    /// <summary>
    /// A line for failregex <paramref name="fail"/> (with <paramref name="overrides"/> applied to its nodes)
    /// that <paramref name="accept"/> approves once the matcher has run it; null if none was found. A
    /// <paramref name="steer"/> node (of the failregex or the prefregex) is passed through on every attempt.
    /// </summary>
    public ProbeLine? Synthesize(LintRegex fail, TextOverrides? overrides, Func<ProbeLine, bool> accept, int attempts = DefaultAttempts,
        int? onlyStep = null, RegexNode? steer = null) =>
        Lines(fail, overrides, accept, attempts, onlyStep, steer).FirstOrDefault();

    /// <summary>Every line of the generation plan that <paramref name="accept"/> approves, in plan order (lazily).</summary>
    public IEnumerable<ProbeLine> Lines(LintRegex fail, TextOverrides? overrides, Func<ProbeLine, bool> accept, int attempts = DefaultAttempts,
        int? onlyStep = null, RegexNode? steer = null)
    {
        fail = Effective(fail);
        var pref = _variant.PrefRegex is { } p ? Effective(p) : null;
        var failGen = Generator(fail);
        var prefGen = pref != null && ContentGroup(pref) != null ? Generator(pref) : null;
        // Only this failregex runs (the line is about it): much cheaper than the whole filter, same verdict.
        var single = SingleRegexFilter(fail);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var plan = Plan(pref, prefGen != null, fail, attempts, overrides).ToList();
        IEnumerable<int> steps = onlyStep is { } only ? new[] { only } : Enumerable.Range(0, plan.Count);
        foreach (var step in steps)
        {
            if (step < 0 || step >= plan.Count) continue;
            var (attempt, prefInclude, failInclude) = plan[step];
            var failText = failGen.Generate(attempt, Readable(fail, overrides), failInclude, steer);
            if (failText is null) continue;
            var text = failText.Text;
            var offset = 0;
            if (prefGen != null)
            {
                var prefOverrides = (overrides ?? TextOverrides.None).Copy();
                prefOverrides.Groups["content"] = failText.Text;
                var prefText = prefGen.Generate(attempt, Readable(pref!, prefOverrides), prefInclude, steer);
                if (prefText is null) continue;
                var content = ContentGroup(pref!);
                if (content is null || !prefText.Nodes.TryGetValue(content.Body, out var range)) continue;
                text = prefText.Text;
                offset = range.Start;
                // A prefix the line is not about reads as the log writes it: a host and the daemon's name, not "x " or nothing.
                var header = steer is null && overrides?.Through is null ? Header() : null;
                if (header != null && !PrefixOverridden(pref!, overrides) && prefInclude is null)
                {
                    text = header + text.Substring(offset);
                    offset = header.Length;
                }
                // A prefix holding the caller's text (a queue id) keeps it, behind the header when the line still does what the caller needs.
                else if (header != null && PrefixOverridden(pref!, overrides)
                    && Accepted(single, fail, header + text, failText, offset + header.Length, step, accept, tried) is { } headed)
                {
                    yield return headed;
                    continue;
                }
            }
            if (Accepted(single, fail, text, failText, offset, step, accept, tried) is { } line) yield return line;
        }
    }

    /// <summary>The line for <paramref name="text"/> run in <paramref name="single"/>, when <paramref name="accept"/> approves it and it was not tried.</summary>
    private ProbeLine? Accepted(CompiledFilter single, LintRegex fail, string text, GeneratedText failText, int offset, int step, Func<ProbeLine, bool> accept,
        HashSet<string> tried)
    {
        if (!tried.Add(text)) return null;
        var failures = Run(single, text).Select(f => new Failure(fail.Index, f.Id, f.Time, f.Data)).ToList();
        var line = new ProbeLine(text, failText, offset, failures, step);
        return accept(line) ? line : null;
    }

    /// <summary>
    /// Up to <paramref name="max"/> different lines failregex <paramref name="fail"/> matches: the witness first,
    /// then lines with one optional part included (a trailing field, a port …), so variations see more shapes.
    /// </summary>
    public IReadOnlyList<ProbeLine> Witnesses(LintRegex fail, int max)
    {
        var first = Witness(fail);
        if (first is null) return Array.Empty<ProbeLine>();
        var list = new List<ProbeLine> { first };
        foreach (var line in Lines(fail, null, l => l.Failures.Count > 0, attempts: 1))
        {
            if (list.Count >= max) break;
            // Empty brackets stand where Fail2Ban cut a date out (common.conf's __date_ambit): no log line holds them.
            if (line.Text.Contains("[]") && !first.Text.Contains("[]")) continue;
            if (list.All(l => l.Text != line.Text)) list.Add(line);
        }
        return list;
    }

    /// <summary><paramref name="overrides"/> with readable text for the syslog header parts of <paramref name="regex"/> the caller leaves free.</summary>
    private TextOverrides? Readable(LintRegex regex, TextOverrides? overrides)
    {
        if (!_readable.TryGetValue(regex, out var parts)) _readable[regex] = parts = ReadableHeaderParts.Of(_variant, regex);
        if (parts.Count == 0) return overrides;
        var merged = (overrides ?? TextOverrides.None).Copy();
        foreach (var part in parts)
            if (!merged.Nodes.ContainsKey(part.Key)) merged.Nodes[part.Key] = part.Value;
        return merged;
    }

    private readonly Dictionary<LintRegex, IReadOnlyDictionary<RegexNode, string>> _readable = new();

    /// <summary>Whether a caller forces text into a node of the prefregex (the line is then about the prefix).</summary>
    private static bool PrefixOverridden(LintRegex pref, TextOverrides? overrides) =>
        overrides != null && (overrides.Nodes.Keys.Any(n => pref.Tree.IsWithin(n, pref.Regex.Root)) || overrides.Tags.Keys.Any(t => pref.AddressTags().Contains(t)));

    /// <summary>
    /// The syslog header generated lines carry before the prefregex's content (<c>mail sshd[12345]: </c>, the daemon's
    /// name from <c>_daemon</c>; the host alone when the filter names no daemon), when the matcher, given a plainly
    /// generated line of a failregex behind that header, reports the same failure; else null (lines keep their prefix).
    /// </summary>
    private string? Header()
    {
        if (_headerKnown) return _header;
        // While the header is checked, lines are generated plain (the check generates one).
        _headerKnown = true;
        if (_variant.PrefRegex is not { } pref || ContentGroup(pref) is null) return null;
        // Without a daemon name only the host: a made-up program name would read as a real one.
        var candidates = LogLineDresser.DaemonName(_variant) is { } daemon ? new[] { "mail " + daemon + "[12345]: ", "mail " + daemon + ": " } : new[] { "mail " };
        foreach (var fail in _variant.FailRegexes)
        {
            var plain = Synthesize(fail, null, l => l.Failures.Count > 0);
            if (plain is null) continue;
            var reported = string.Join(",", plain.Failures.Select(f => f.Id?.Text));
            foreach (var candidate in candidates)
            {
                var dressed = Run(SingleRegexFilter(fail), candidate + plain.Text.Substring(plain.ContentOffset));
                if (string.Join(",", dressed.Select(f => f.Id?.Text)) == reported) return _header = candidate;
            }
            return null;
        }
        return null;
    }

    private string? _header;
    private bool _headerKnown;

    private CompiledFilter SingleRegexFilter(LintRegex fail)
    {
        if (_single.TryGetValue(fail.Index, out var f)) return f;
        var full = _filter;
        f = new CompiledFilter(full.Name, full.PrefRegex, new[] { full.FailRegexes[fail.Index] }, full.IgnoreRegexes, full.MaxLines, full.DatePattern);
        _single[fail.Index] = f;
        return f;
    }

    /// <summary>
    /// The generation plan: the plainest line first; then the same with one optional part of the prefregex
    /// (a host name, a daemon tag …) or of the failregex included; then seeded random lines; last, the later optional
    /// parts that hold an overridden node (the text a caller needs in the line), so steps keep their numbers.
    /// </summary>
    private static IEnumerable<(int Attempt, QuantifierNode? Pref, QuantifierNode? Fail)> Plan(LintRegex? pref, bool usePref, LintRegex fail, int attempts,
        TextOverrides? overrides)
    {
        yield return (0, null, null);
        if (usePref)
            foreach (var q in Optionals(pref!)) yield return (0, q, null);
        foreach (var q in Optionals(fail).Take(8)) yield return (0, null, q);
        for (var a = 1; a < attempts; a++) yield return (a, null, null);
        if (overrides is null || overrides.Nodes.Count == 0) yield break;
        foreach (var q in Optionals(fail).Skip(8))
            if (overrides.Nodes.Keys.Any(n => fail.Tree.IsWithin(n, q))) yield return (0, null, q);
    }

    /// <summary>Optional parts, whole optional groups (a trailing field, a port) before single repeated atoms (<c>\s*</c>, <c>.*</c>).</summary>
    private static IEnumerable<QuantifierNode> Optionals(LintRegex regex) =>
        regex.Regex.Root.DescendantsAndSelf().OfType<QuantifierNode>().Where(q => q.Min == 0 && q.Origin is null && (q.Max ?? 2) >= 1)
            .OrderBy(q => q.Body is GroupNode ? 0 : 1);

    /// <summary>A line that failregex <paramref name="fail"/> matches (cached per regex, and its step shared across modes).</summary>
    public ProbeLine? Witness(LintRegex fail)
    {
        if (_witnesses.TryGetValue(fail, out var cached)) return cached;
        var key = (_variant.PrefRegex?.Regex.Expanded ?? "") + "\u0000" + Effective(fail).Regex.Expanded;
        bool Accept(ProbeLine l) => l.Failures.Count > 0;
        ProbeLine? line;
        if (_cache.TryGet(key, out var step))
            line = step < 0 ? null : Synthesize(fail, null, Accept, onlyStep: step) ?? Synthesize(fail, null, Accept);
        else
            line = Synthesize(fail, null, Accept);
        _cache.Set(key, line?.Step ?? -1);
        _witnesses[fail] = line;
        return line;
    }

    private readonly Dictionary<LintRegex, ProbeLine?> _witnesses = new();

    private RegexTextGenerator Generator(LintRegex regex)
    {
        if (!_generators.TryGetValue(regex, out var g)) _generators[regex] = g = new RegexTextGenerator(regex.Tree);
        return g;
    }

    private static GroupNode? ContentGroup(LintRegex pref) =>
        pref.Regex.Tree.Groups.FirstOrDefault(g => g.Name == "content");

    /// <summary>
    /// A fresh matcher for <paramref name="filter"/> in the probe environment (fixed "now", raw hosts,
    /// every failregex tried, short match time-outs); <paramref name="dates"/> from <see cref="NewDates"/>.
    /// </summary>
    public static FilterMatcher NewMatcher(CompiledFilter filter, DateDetector dates) => new(filter, Options(), dates);

    /// <summary>A date detector for <paramref name="variant"/>'s datepattern with the probe's "now".</summary>
    public static DateDetector NewDates(FilterVariant variant) =>
        new(variant.Filter.DatePattern?.Text, new DateDetectorSettings { Now = ProbeTime });

    private static MatcherOptions Options(bool checkAll = true) => new()
    {
        CheckAllRegex = checkAll,
        RawHost = true,
        Now = ProbeTime,
        WallClock = () => 0,
        // Generated lines can hit a slow regex of the filter; it then just does not match (limit set on the regexes).
        MatchTimeout = FilterVariant.ProbeTimeout,
    };

    private DateDetector Dates() => _dates ??= NewDates(_variant);
}
