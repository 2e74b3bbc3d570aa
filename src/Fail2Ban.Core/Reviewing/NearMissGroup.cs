using System.Collections.Generic;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Reviewing;

/// <summary>Missed lines of one shape: how many, the first few, and how much they look like the filter's failures.</summary>
public sealed class NearMissGroup
{
    internal NearMissGroup(string shape, string daemon)
    {
        Shape = shape;
        Daemon = daemon;
    }

    /// <summary>The lines' shape (see <see cref="LineShape"/>).</summary>
    public string Shape { get; }

    /// <summary>The program that wrote them (syslog), or empty.</summary>
    public string Daemon { get; }

    public long Count { get; internal set; }

    /// <summary>The first lines of the group (number and text), and the matcher's result for the first.</summary>
    public List<(long Number, string Text)> Examples { get; } = new();

    internal LineResult? FirstResult { get; set; }

    /// <summary>How far the filter got on the first line (prefregex half, failregex half).</summary>
    public MissProgress? Progress { get; internal set; }

    /// <summary>Likeness of the shape to the nearest shape of a matched line (0 to 1).</summary>
    public double Likeness { get; internal set; }

    /// <summary>Whether matched lines come from the same daemon.</summary>
    public bool SameDaemon { get; internal set; }

    /// <summary>The ranking score: progress, likeness and daemon, plus a bonus when a mechanical fix accepts the lines.</summary>
    public double Score { get; internal set; }

    /// <summary>A verified mechanical regex change that makes the filter match these lines, or null.</summary>
    public RegexSuggestion? Suggestion { get; internal set; }
}
