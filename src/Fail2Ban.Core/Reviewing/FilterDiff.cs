using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Reviewing;

/// <summary>Settings of a <see cref="FilterDiff"/> run.</summary>
public sealed class FilterDiffOptions
{
    /// <summary>"Now" for dates without a year (both versions see the same).</summary>
    public double Now { get; init; } = FilterProbe.ProbeTime;

    public LocalTimeZone? Zone { get; init; }

    /// <summary>Also run the robustness probe's variants of the lines (and lines generated from each failregex).</summary>
    public bool Probe { get; init; } = true;
}

/// <summary>
/// Runs two versions of a filter over the same lines in every mode with the real matcher, and collects each
/// line whose verdict, banned host, user, time or captured fields differ (<c>filterlint diff</c>).
/// </summary>
public static class FilterDiff
{
    public static FilterDiffReport Compare(FilterVersion old, FilterVersion @new, IReadOnlyList<DiffLineSource> sources, FilterDiffOptions? options = null)
    {
        options ??= new FilterDiffOptions();
        sources = Distinct(sources);
        var oldErrors = new List<string>();
        var newErrors = new List<string>();
        var oldFirst = TryRead(old, null, oldErrors);
        var newFirst = TryRead(@new, null, newErrors);
        var modes = Modes(old, @new, oldFirst, newFirst);

        var oldSides = modes.Select(m => Side(old, oldFirst, m, modes, oldErrors)).ToList();
        var newSides = modes.Select(m => Side(@new, newFirst, m, modes, newErrors)).ToList();

        var probeLines = new List<DiffLine>();
        if (options.Probe)
        {
            var sampleTexts = sources.SelectMany(s => s.Lines).Select(l => l.Text).ToList();
            var seen = new HashSet<string>(sources.SelectMany(s => s.Lines).Select(l => l.Text), StringComparer.Ordinal);
            foreach (var side in oldSides.Concat(newSides))
            {
                if (side.Filter is null || side.Compiled is null) continue;
                foreach (var line in ProbeVariantLines.For(side.Filter, side.Mode, sampleTexts))
                    if (seen.Add(line.Text)) probeLines.Add(line);
            }
        }

        var changes = new List<LineChange>();
        for (var m = 0; m < modes.Count; m++)
        {
            var o = oldSides[m];
            var n = newSides[m];
            foreach (var source in sources) Run(o, n, source.Lines, sequential: true, options, changes);
            Run(o, n, probeLines, sequential: false, options, changes);
        }

        CompiledRegex? RegexOf(string? mode, bool fromOld, int index)
        {
            var side = (fromOld ? oldSides : newSides)[modes.IndexOf(mode)];
            if (side.Compiled is not { } c) return null;
            if (index < 0) return c.PrefRegex;
            return index < c.FailRegexes.Count ? c.FailRegexes[index] : null;
        }
        var groups = ChangeGroup.Build(changes, RegexOf);
        var name = ConfigPath.WithoutExtension(ConfigPath.GetFileName(@new.Path));
        var logLines = sources.Sum(s => s.Lines.Count);
        return new FilterDiffReport(name, old, @new, modes, logLines, probeLines.Count, changes, groups,
            oldErrors.Distinct().ToList(), newErrors.Distinct().ToList());
    }

    /// <summary>The sources without those whose every line an earlier one already has (a sample log also given with --log).</summary>
    private static IReadOnlyList<DiffLineSource> Distinct(IReadOnlyList<DiffLineSource> sources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<DiffLineSource>();
        foreach (var source in sources)
        {
            var fresh = false;
            foreach (var line in source.Lines) fresh |= seen.Add(line.Text);
            if (fresh) kept.Add(source);
        }
        return kept;
    }

    private sealed class VersionSide
    {
        public string? Mode;
        public ResolvedFilter? Filter;
        public CompiledFilter? Compiled;
    }

    private static ResolvedFilter? TryRead(FilterVersion version, string? mode, List<string> errors)
    {
        try
        {
            return version.Read(mode);
        }
        catch (Fail2BanException e)
        {
            errors.Add(e.Message);
            return null;
        }
    }

    /// <summary>The modes to compare: the one given as an option, else every mode either version has (the new one's order first).</summary>
    private static List<string?> Modes(FilterVersion old, FilterVersion @new, ResolvedFilter? oldFirst, ResolvedFilter? newFirst)
    {
        if (@new.Options?.TryGetValue("mode", out var given) == true || old.Options?.TryGetValue("mode", out given) == true)
            return new List<string?> { given };
        var modes = new List<string?>();
        foreach (var m in (newFirst?.Modes ?? Array.Empty<string>()).Concat(oldFirst?.Modes ?? Array.Empty<string>()))
            if (!modes.Contains(m)) modes.Add(m);
        if (modes.Count == 0) modes.Add(null);
        return modes;
    }

    private static VersionSide Side(FilterVersion version, ResolvedFilter? first, string? mode, List<string?> modes, List<string> errors)
    {
        var side = new VersionSide { Mode = mode };
        if (first is null) return side;
        // A filter without modes reads the same whatever mode is asked for.
        side.Filter = mode is null || first.Modes.Count == 0 || modes.Count == 1 && version.Options?.ContainsKey("mode") == true
            ? first : TryRead(version, mode, errors);
        if (side.Filter is null) return side;
        try
        {
            var compiled = FilterCompiler.Compile(side.Filter, new FilterCompileOptions { UseDns = "warn" });
            // The datepattern is compiled with the matcher's date detector: a broken one stops the filter loading too.
            _ = new DateDetector(compiled.DatePattern, new DateDetectorSettings());
            side.Compiled = compiled;
        }
        catch (Fail2BanException e)
        {
            errors.Add((mode is null ? "" : "mode " + mode + ": ") + (e.Location is { } l ? l + ": " : "") + e.Message);
        }
        return side;
    }

    private static void Run(VersionSide old, VersionSide @new, IReadOnlyList<DiffLine> lines, bool sequential, FilterDiffOptions options,
        List<LineChange> changes)
    {
        if (lines.Count == 0) return;
        var dates = new DateDetectorSettings { Now = options.Now, LocalZone = options.Zone };
        var oldMatcher = old.Compiled is { } oc ? NewMatcher(oc, options, dates) : null;
        var newMatcher = @new.Compiled is { } nc ? NewMatcher(nc, options, dates) : null;
        foreach (var line in lines)
        {
            // Variants stand alone: each runs through fresh matchers (no multi-line state from the one before).
            if (!sequential)
            {
                oldMatcher = old.Compiled is { } c1 ? NewMatcher(c1, options, oldMatcher!.Dates) : null;
                newMatcher = @new.Compiled is { } c2 ? NewMatcher(c2, options, newMatcher!.Dates) : null;
            }
            var o = Outcome(oldMatcher, line);
            var n = Outcome(newMatcher, line);
            if (LineChange.Classify(o, n) is { } kind) changes.Add(new LineChange(kind, old.Mode, line, o, n));
        }
    }

    private static FilterMatcher NewMatcher(CompiledFilter filter, FilterDiffOptions options, DateDetectorSettings dates) =>
        new(filter, MatcherOptions(options), dates);

    private static FilterMatcher NewMatcher(CompiledFilter filter, FilterDiffOptions options, DateDetector dates) =>
        new(filter, MatcherOptions(options), dates);

    private static MatcherOptions MatcherOptions(FilterDiffOptions options) => new()
    {
        CheckAllRegex = true,
        RawHost = true,
        Now = options.Now,
        WallClock = () => 0,
    };

    private static LineOutcome Outcome(FilterMatcher? matcher, DiffLine line)
    {
        if (matcher is null) return LineOutcome.NotLoaded;
        var result = line.HasTimeStamp ? matcher.ProcessLine(line.Text) : matcher.ProcessLine(line.Text, FilterProbe.ProbeTime, FilterProbe.ProbeTimeText);
        return LineOutcome.From(result);
    }
}
