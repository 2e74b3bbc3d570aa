using System;
using System.Collections.Generic;
using System.Linq;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>How the work of a failing search grows with the length of the pumped part.</summary>
internal enum GrowthClass
{
    /// <summary>At most linear: no finding.</summary>
    Linear,
    /// <summary>A polynomial of degree 2 or more.</summary>
    Polynomial,
    /// <summary>Each few more characters multiply the work.</summary>
    Exponential,
}

/// <summary>The steps a search took with the pump repeated <see cref="Count"/> times.</summary>
internal readonly record struct GrowthPoint(int Count, long Ops, long Scans, long CategoryScans)
{
    public long Steps => Ops + Scans + CategoryScans;

    /// <summary>The time CPython's <c>re</c> is predicted to take for these steps.</summary>
    public double Seconds => BacktrackingGrowth.Seconds(Ops, Scans, CategoryScans);
}

/// <summary>
/// The growth class of a pumped search, fitted on step counts (<see cref="BacktrackingCounter"/>) for pump
/// counts 4, 6, 8, 12, 16 … until the step budget is hit: the local degree between two counts is
/// <c>log(work(n2) / work(n1)) / log(n2 / n1)</c>, the work being the predicted Python time less that of n = 0. A polynomial keeps its degree;
/// an exponential search doubles its local degree with each doubling of n.
/// </summary>
/// <param name="Class">The growth class.</param>
/// <param name="Degree">The fitted degree (polynomial), or the last local degree.</param>
/// <param name="Factor">The factor the work grows by per pump repetition (exponential), else 1.</param>
/// <param name="Points">The measured points (pump count, steps), budget-stopped ones left out.</param>
/// <param name="Baseline">The predicted Python time with no pump at all.</param>
internal sealed record BacktrackingGrowth(GrowthClass Class, double Degree, double Factor, IReadOnlyList<GrowthPoint> Points, double Baseline)
{
    /// <summary>
    /// Operations of <see cref="BacktrackingCounter"/> (<see cref="BacktrackingCount.Ops"/>) CPython's <c>re</c> performs
    /// per second, fitted together with <see cref="PythonScansPerSecond"/> and <see cref="PythonCategoryScansPerSecond"/>:
    /// <c>scripts/calibrate-redos.py</c> timed <c>re.search</c> (CPython 3.11.7, best of 3, on the project's shared 2-core
    /// Linux development VM, 2026-12-04) on pump strings of nine patterns (four exponential, three polynomial over
    /// <c>.</c>, <c>\s</c>, <c>\S</c>, one over <c>\w</c>, one nested group repeat); the test
    /// <c>BacktrackingCounterTests.Calibration_patterns</c> counts the same searches; the three constants minimise the
    /// squared log error of the predicted against the measured seconds. Every prediction is within a factor 2.4 of the
    /// measurement (docs/rules/F2B4001.md lists them); the VM's load alone moves a measurement by up to 1.5.
    /// </summary>
    public const double PythonOpsPerSecond = 210_000_000;

    /// <summary>Characters CPython's <c>re</c> scans per second in a single-character repeat (fitted with <see cref="PythonOpsPerSecond"/>).</summary>
    public const double PythonScansPerSecond = 1_100_000_000;

    /// <summary>Characters per second CPython's <c>re</c> tests against a class holding <c>\w \d</c> (a Unicode database lookup), fitted likewise.</summary>
    public const double PythonCategoryScansPerSecond = 125_000_000;

    /// <summary>The predicted time of Python's <c>re</c> for a count.</summary>
    public static double Seconds(long ops, long scans, long categoryScans) =>
        ops / PythonOpsPerSecond + scans / PythonScansPerSecond + categoryScans / PythonCategoryScansPerSecond;

    private const double Tiny = 1e-9;

    /// <summary>The predicted time of Python's <c>re.search</c> with the pump repeated <paramref name="count"/> times.</summary>
    public double PredictSeconds(double count)
    {
        var last = Points[Points.Count - 1];
        var work = Math.Max(Tiny, last.Seconds - Baseline);
        return Baseline + (Class == GrowthClass.Exponential
            ? work * Math.Pow(Factor, count - last.Count)
            : work * Math.Pow(count / last.Count, Degree));
    }

    /// <summary>The pump count at which a search costs <paramref name="seconds"/> in Python.</summary>
    public int CountForSeconds(double seconds)
    {
        var last = Points[Points.Count - 1];
        var work = Math.Max(Tiny, last.Seconds - Baseline);
        var target = Math.Max(Tiny, seconds - Baseline);
        var count = Class == GrowthClass.Exponential
            ? last.Count + Math.Log(target / work) / Math.Log(Factor)
            : last.Count * Math.Pow(target / work, 1 / Degree);
        return (int)Math.Max(1, Math.Ceiling(count));
    }

    /// <summary>Counts the steps of searching <paramref name="line"/>(n) for growing n and classifies the growth; null when no two points could be measured.</summary>
    public static BacktrackingGrowth? Measure(BacktrackingCounter counter, Func<int, string> line, int maxCount, long budget = BacktrackingCounter.DefaultBudget)
    {
        var baseline = counter.Search(line(0), budget);
        if (baseline.Stopped || baseline.Matched) return null;
        var points = new List<GrowthPoint>();
        // 4, 6, 8, 12, 16, 24 …: two points per doubling, so a steep growth stopped early still gives three.
        for (var n = 4; n <= maxCount; n = n % 3 == 0 ? n / 3 * 4 : n / 2 * 3)
        {
            var r = counter.Search(line(n), budget);
            if (r.Stopped) break;
            // A line that matches stops the search early: the pump does not make it fail.
            if (r.Matched) return null;
            points.Add(new GrowthPoint(n, r.Ops, r.Scans, r.CategoryScans));
            // Linear over the last three points from 512 on: longer lines only cost time to count.
            if (n >= 512 && Classify(points.Skip(points.Count - 3).ToList(), Seconds(baseline.Ops, baseline.Scans, baseline.CategoryScans)) is
                { Class: GrowthClass.Linear, Degree: < 1.3 }) break;
        }
        return Classify(points, Seconds(baseline.Ops, baseline.Scans, baseline.CategoryScans));
    }

    /// <summary>Classifies measured points (pump counts growing by 3/2 and 4/3 in turn).</summary>
    public static BacktrackingGrowth? Classify(IReadOnlyList<GrowthPoint> points, double baseline)
    {
        if (points.Count < 2) return null;
        var degrees = new List<double>();
        for (var i = 1; i < points.Count; i++)
        {
            var a = Math.Max(Tiny, points[i - 1].Seconds - baseline);
            var b = Math.Max(Tiny, points[i].Seconds - baseline);
            degrees.Add(Math.Log(b / a) / Math.Log((double)points[i].Count / points[i - 1].Count));
        }
        var last = degrees[degrees.Count - 1];
        // A polynomial keeps its local degree; an exponential doubles it with each doubling of n (two points back;
        // by a factor of about 1.4 from one point to the next), or rises steeply at once.
        var rising = degrees.Count > 2 ? last >= 1.6 * degrees[degrees.Count - 3]
            : degrees.Count == 2 && last >= 1.25 * degrees[0];
        if ((last >= 3 && rising) || last >= 6)
        {
            var p1 = points[points.Count - 2];
            var p2 = points[points.Count - 1];
            var factor = Math.Pow(Math.Max(Tiny, p2.Seconds - baseline) / Math.Max(Tiny, p1.Seconds - baseline), 1.0 / (p2.Count - p1.Count));
            return new BacktrackingGrowth(GrowthClass.Exponential, last, factor, points, baseline);
        }
        if (last < 1.6) return new BacktrackingGrowth(GrowthClass.Linear, last, 1, points, baseline);
        // The local degree approaches the true (whole) degree from below as the lower terms fade: extrapolate with it.
        var whole = Math.Round(last);
        return new BacktrackingGrowth(GrowthClass.Polynomial, Math.Abs(last - whole) < 0.35 ? whole : last, 1, points, baseline);
    }

    /// <summary>The measured steps per pump count, for the evidence.</summary>
    public string Describe(Func<int, int> lengthOf) =>
        string.Join("; ", Points.Select(p => lengthOf(p.Count) + " characters: " + p.Steps + " steps"));
}
