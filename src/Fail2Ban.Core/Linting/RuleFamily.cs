namespace Fail2Ban.Core.Linting;

/// <summary>The rule families: the thousands digit of an <c>F2Bxxxx</c> id.</summary>
public enum RuleFamily
{
    /// <summary>F2B1xxx: the filter does not compile or does not mean what it says.</summary>
    Compile = 1,
    /// <summary>F2B2xxx: brittle patterns that miss real lines.</summary>
    Brittle = 2,
    /// <summary>F2B3xxx: unsafe patterns (log injection, wrong address banned).</summary>
    Unsafe = 3,
    /// <summary>F2B4xxx: performance and denial of service.</summary>
    Performance = 4,
    /// <summary>F2B5xxx: samples and coverage (only with sample logs).</summary>
    Samples = 5,
}
