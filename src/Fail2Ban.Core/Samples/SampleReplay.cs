using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Samples;

/// <summary>One (test line, filter variant) evaluation of a sample replay.</summary>
public sealed class SampleEvaluation
{
    internal SampleEvaluation(string variant, IReadOnlyList<KeyValuePair<string, string>> options, string file, SampleLogEntry entry)
    {
        Variant = variant;
        Options = options;
        File = file;
        Entry = entry;
    }

    /// <summary>The variant's name: the filter name plus its options as Python prints them.</summary>
    public string Variant { get; }

    /// <summary>All options of the variant, <c>test.*</c> controls included.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options { get; }

    public string File { get; }

    public SampleLogEntry Entry { get; }

    /// <summary>False when a <c>constraint</c> excluded the line for this variant.</summary>
    public bool Processed { get; internal set; }

    public LineResult? Result { get; internal set; }

    /// <summary>The reported failures (id set, no <c>nofail</c>), as the harness counts them.</summary>
    public IReadOnlyList<Failure> Found { get; internal set; } = Array.Empty<Failure>();

    /// <summary>Where the result disagrees with the line's <c>failJSON</c> (empty when it agrees).</summary>
    public List<string> Problems { get; } = new();
}

/// <summary>
/// Replays a filter's sample log exactly as upstream's <c>samplestestcase.py</c> does (spec 5):
/// <c>filterOptions</c> variants (each a filter kept across lines and blocks), <c>fileOptions</c>,
/// <c>addFILE</c>, <c>constraint</c> and <c>test.condition</c>, journal lines with a supplied time,
/// and the per-line checks of 5.4.
/// </summary>
public sealed class SampleReplay
{
    /// <summary>"Now" of the sample test: 2005-08-14T10:00:00Z.</summary>
    public const double TestNow = 1124013600;

    private readonly string _name;
    private readonly Func<string, string?> _readLog;
    private readonly Func<IReadOnlyList<KeyValuePair<string, string>>, FilterMatcher> _createMatcher;
    private readonly Func<DateTime, double> _localToEpoch;
    private readonly Dictionary<string, (FilterMatcher Matcher, HashSet<int> Used)> _variants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedRegexTexts = new(StringComparer.Ordinal);

    /// <param name="filterName">The filter under test (<c>name</c> in conditions).</param>
    /// <param name="readLog">Reads <c>logs/NAME</c>; null when missing.</param>
    /// <param name="createMatcher">Builds a fresh matcher for a variant's filter options (test.* removed).</param>
    /// <param name="localToEpoch">The harness zone's <c>mktime</c>, for failJSON times.</param>
    public SampleReplay(string filterName, Func<string, string?> readLog,
        Func<IReadOnlyList<KeyValuePair<string, string>>, FilterMatcher> createMatcher, Func<DateTime, double> localToEpoch)
    {
        _name = filterName;
        _readLog = readLog;
        _createMatcher = createMatcher;
        _localToEpoch = localToEpoch;
    }

    /// <summary>Runs the replay; evaluations come in processing order (line by line, variant by variant).</summary>
    public IEnumerable<SampleEvaluation> Run()
    {
        var files = new List<string> { _name };
        var common = new List<KeyValuePair<string, string>>();
        List<(string Name, IReadOnlyList<KeyValuePair<string, string>> Options)>? tests = null;
        for (var f = 0; f < files.Count; f++)
        {
            var text = _readLog(files[f]) ?? throw new InvalidOperationException("No sample log file available for '" + files[f] + "'");
            var ignoreBlock = false;
            foreach (var entry in SampleLogReader.Read(text))
            {
                switch (entry.Kind)
                {
                    case SampleLineKind.FileOptions:
                        common = ToOptions(entry.Json);
                        continue;
                    case SampleLineKind.AddFile:
                        files.Add(entry.Json as string ?? "");
                        continue;
                    case SampleLineKind.FilterOptions:
                        tests = new List<(string, IReadOnlyList<KeyValuePair<string, string>>)>();
                        ignoreBlock = false;
                        var list = entry.Json as List<object?> ?? new List<object?> { entry.Json };
                        foreach (var item in list)
                        {
                            var opts = Merge(common, ToOptions(item));
                            var condition = Get(opts, "test.condition");
                            if (!string.IsNullOrEmpty(condition)) ignoreBlock = !Evaluate(condition!, opts);
                            if (ignoreBlock) continue;
                            var fltOpts = opts.Where(kv => !kv.Key.StartsWith("test.", StringComparison.Ordinal)).ToList();
                            var variantName = Get(opts, "test.filter-name");
                            if (string.IsNullOrEmpty(variantName)) variantName = fltOpts.Count > 0 ? PythonDictRepr(fltOpts) : "";
                            variantName = _name + variantName;
                            EnsureVariant(variantName!, fltOpts);
                            tests.Add((variantName!, opts));
                        }
                        continue;
                }
                if (ignoreBlock) continue;
                if (tests is null || tests.Count == 0)
                {
                    EnsureVariant(_name, new List<KeyValuePair<string, string>>());
                    tests = new List<(string, IReadOnlyList<KeyValuePair<string, string>>)> { (_name, new List<KeyValuePair<string, string>>()) };
                }
                var line = entry.Text;
                foreach (var (variant, opts) in tests)
                {
                    var evaluation = new SampleEvaluation(variant, opts, files[f], entry);
                    var constraint = entry.Get("constraint") as string;
                    if (!string.IsNullOrEmpty(constraint) && !Evaluate(constraint!, opts))
                    {
                        yield return evaluation;
                        continue;
                    }
                    evaluation.Processed = true;
                    var (matcher, used) = _variants[variant];
                    LineResult result;
                    if (Get(opts, "logtype") != "journal")
                    {
                        result = matcher.ProcessLine(line);
                    }
                    else
                    {
                        var prefix = Get(opts, "test.prefix-line");
                        if (!string.IsNullOrEmpty(prefix)) line = prefix + line;
                        result = matcher.ProcessLine(line, TestNow, "2005-08-14T12:00:00");
                    }
                    evaluation.Result = result;
                    var found = new List<Failure>();
                    foreach (var e in result.Entries)
                    {
                        if (e.Id is null || e.IsNoFail)
                        {
                            MarkUsed(matcher, used, e.RegexIndex);
                            continue;
                        }
                        found.Add(e);
                    }
                    evaluation.Found = found;
                    Judge(evaluation, found, matcher, used);
                    yield return evaluation;
                }
            }
        }
    }

    /// <summary>Failregexes of each variant that no sample hit ("Regex has no samples"), as (variant, index, regex).</summary>
    public IEnumerable<(string Variant, int Index, string Regex)> UnusedRegexes()
    {
        foreach (var kv in _variants)
        {
            var regexes = kv.Value.Matcher.Filter.FailRegexes;
            for (var i = 0; i < regexes.Count; i++)
                if (!kv.Value.Used.Contains(i) && !_usedRegexTexts.Contains(regexes[i].Regex.ToString()))
                    yield return (kv.Key, i, regexes[i].Source);
        }
    }

    private void EnsureVariant(string name, IReadOnlyList<KeyValuePair<string, string>> filterOptions)
    {
        if (!_variants.ContainsKey(name)) _variants[name] = (_createMatcher(filterOptions), new HashSet<int>());
    }

    private void MarkUsed(FilterMatcher matcher, HashSet<int> used, int index)
    {
        used.Add(index);
        _usedRegexTexts.Add(matcher.Filter.FailRegexes[index].Regex.ToString());
    }

    private void Judge(SampleEvaluation evaluation, List<Failure> found, FilterMatcher matcher, HashSet<int> used)
    {
        var entry = evaluation.Entry;
        if (found.Count == 0)
        {
            if (entry.ExpectMatch) evaluation.Problems.Add("Line not matched when should have");
            return;
        }
        if (!entry.ExpectMatch)
        {
            evaluation.Problems.Add("Line matched when shouldn't have (failregex " + found[0].RegexIndex + ")");
            return;
        }
        if (found.Count != 1)
        {
            evaluation.Problems.Add("Multiple regexs matched [" + string.Join(", ", found.Select(x => x.RegexIndex)) + "]");
            return;
        }
        var failure = found[0];
        foreach (var kv in entry.Expectation)
        {
            if (kv.Key is "time" or "match" or "desc" or "constraint") continue;
            failure.Data.TryGetValue(kv.Key, out var actual);
            if (actual is null)
            {
                if (kv.Key == "host") actual = failure.Id;
                if (kv.Key == "attempts") actual = (double)failure.Data.Matches.Count;
            }
            if (!ValuesEqual(kv.Key, actual, kv.Value))
                evaluation.Problems.Add(kv.Key + ": expected " + Show(kv.Value) + ", got " + Show(actual));
        }
        if (entry.Get("time") is string t)
        {
            var expected = ParseLocalTime(t);
            if (failure.Time is not { } actualTime || actualTime != expected)
                evaluation.Problems.Add("time: expected " + t + " (" + expected.ToString(CultureInfo.InvariantCulture) + "), got " +
                    (failure.Time?.ToString(CultureInfo.InvariantCulture) ?? "None"));
        }
        MarkUsed(matcher, used, failure.RegexIndex);
    }

    /// <summary>Python's <c>strptime(t, "%Y-%m-%dT%H:%M:%S[.%f]")</c> (single-digit fields allowed) then <c>mktime</c>.</summary>
    private double ParseLocalTime(string t)
    {
        var main = t;
        var fraction = 0.0;
        var dot = t.IndexOf('.');
        if (dot >= 0)
        {
            main = t.Substring(0, dot);
            fraction = double.Parse("0" + t.Substring(dot), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        var parts = main.Split('-', 'T', ':');
        if (parts.Length != 6) throw new FormatException("time data '" + t + "' does not match format '%Y-%m-%dT%H:%M:%S'");
        var n = Array.ConvertAll(parts, x => int.Parse(x, NumberStyles.None, CultureInfo.InvariantCulture));
        var local = new DateTime(n[0], n[1], n[2], n[3], n[4], n[5], DateTimeKind.Unspecified);
        return _localToEpoch(local) + fraction;
    }

    private static bool ValuesEqual(string key, object? actual, object? expected)
    {
        if (key == "host" && actual is IpAddress id && expected is string e)
        {
            var want = IpAddress.Create(e);
            return id.IsValid && want.IsValid ? id.Equals(want) : id.Text == e;
        }
        if (expected is List<object?> list)
        {
            var want = list.Select(x => x?.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToList();
            IEnumerable<string?> got = actual switch
            {
                IEnumerable<string> set => set,
                _ => Array.Empty<string>(),
            };
            return want.SequenceEqual(got.OrderBy(x => x, StringComparer.Ordinal));
        }
        return expected switch
        {
            null => actual is null,
            double d => actual is double a && a == d,
            bool b => actual is bool ab && ab == b,
            string s => actual is IpAddress ip ? ip.Text == s : actual?.ToString() == s,
            _ => Equals(actual, expected),
        };
    }

    private static string Show(object? v) => v switch
    {
        null => "None",
        string s => "'" + s + "'",
        IEnumerable<string> set => "{" + string.Join(", ", set) + "}",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    private static List<KeyValuePair<string, string>> ToOptions(object? json)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (json is List<KeyValuePair<string, object?>> obj)
            foreach (var kv in obj) result.Add(new KeyValuePair<string, string>(kv.Key, JsonToString(kv.Value)));
        return result;
    }

    private static string JsonToString(object? v) => v switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static List<KeyValuePair<string, string>> Merge(List<KeyValuePair<string, string>> a, List<KeyValuePair<string, string>> b)
    {
        var result = new List<KeyValuePair<string, string>>(a);
        foreach (var kv in b)
        {
            var i = result.FindIndex(x => x.Key == kv.Key);
            if (i >= 0) result[i] = kv; else result.Add(kv);
        }
        return result;
    }

    private static string? Get(IReadOnlyList<KeyValuePair<string, string>> opts, string key)
    {
        foreach (var kv in opts) if (kv.Key == key) return kv.Value;
        return null;
    }

    /// <summary>Python's <c>str(dict)</c> of string options: <c>{'mode': 'aggressive'}</c>.</summary>
    internal static string PythonDictRepr(IReadOnlyList<KeyValuePair<string, string>> opts) =>
        "{" + string.Join(", ", opts.Select(kv => "'" + kv.Key + "': '" + kv.Value + "'")) + "}";

    /// <summary>
    /// The condition expressions upstream's samples use: <c>name == 'x'</c>, <c>opts.get('k') != 'v'</c>
    /// (<c>==</c> or <c>!=</c> between <c>name</c> or <c>opts.get('key')</c> and a quoted literal).
    /// </summary>
    internal bool Evaluate(string expression, IReadOnlyList<KeyValuePair<string, string>> opts)
    {
        var op = expression.Contains("!=") ? "!=" : "==";
        var parts = expression.Split(new[] { op }, 2, StringSplitOptions.None);
        if (parts.Length != 2) throw new NotSupportedException("Unsupported sample condition: " + expression);
        string? Operand(string s)
        {
            s = s.Trim();
            if (s == "name") return _name;
            if (s.Length >= 2 && (s[0] == '\'' || s[0] == '"') && s[s.Length - 1] == s[0]) return s.Substring(1, s.Length - 2);
            if (s.StartsWith("opts.get(", StringComparison.Ordinal) && s.EndsWith(")", StringComparison.Ordinal))
            {
                var key = s.Substring(9, s.Length - 10).Trim().Trim('\'', '"');
                return Get(opts, key);
            }
            throw new NotSupportedException("Unsupported sample condition operand: " + s);
        }
        var equal = Operand(parts[0]) == Operand(parts[1]);
        return op == "==" ? equal : !equal;
    }
}
