namespace Fail2Ban.Core.Dates;

/// <summary>
/// A template as one detector sees it (Fail2Ban's <c>DateDetectorTemplate</c>): the shared
/// template plus this detector's hits, last use and last match distance.
/// </summary>
public sealed class DateDetectorTemplate
{
    internal DateDetectorTemplate(DateTemplate template) => Template = template;

    /// <summary>The shared template.</summary>
    public DateTemplate Template { get; }

    /// <summary>The template's display name.</summary>
    public string Name => Template.Name;

    /// <summary>Lines this detector attributed to the template ("Date template hits").</summary>
    public int Hits { get; internal set; }

    /// <summary>Wall-clock Unix time of the last win (0 = never).</summary>
    public double LastUsed { get; internal set; }

    /// <summary>Start position of the last win (initially 2147483647).</summary>
    public int Distance { get; internal set; } = int.MaxValue;

    /// <summary>Reordering weight: hits × template weight / max(1, distance).</summary>
    public double Weight => Hits * Template.Weight / System.Math.Max(1, Distance);

    /// <inheritdoc />
    public override string ToString() => "[" + Hits + "] " + Name;
}
