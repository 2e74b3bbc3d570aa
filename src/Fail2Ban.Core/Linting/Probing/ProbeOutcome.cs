using System.Linq;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>A variation run through the matcher, and whether it met its expectation.</summary>
internal sealed record ProbeOutcome(ProbeBaseLine Base, ProbeVariant Variant, ProbeVerdict Verdict)
{
    /// <summary>True when Fail2Ban does what it should not: misses or mis-bans a benign form, or bans an injected address.</summary>
    public bool Violated => Variant.Expectation switch
    {
        ProbeExpectation.SameVerdictAndHost => !Verdict.Matched || Verdict.Host != Variant.ExpectedHost,
        _ => Verdict.AllHosts.Contains(Variant.ExpectedHost),
    };

    /// <summary>"missed" / "bans X instead of Y" / "bans the injected X".</summary>
    public string Describe()
    {
        if (Variant.Expectation == ProbeExpectation.NeverBansInjected)
            return Violated ? "bans the injected " + Variant.ExpectedHost + " instead of " + Base.Verdict.Host : Verdict.Describe();
        if (!Verdict.Matched) return "missed";
        return Verdict.Host == Variant.ExpectedHost ? Verdict.Describe() : "bans " + Verdict.Host + " instead of " + Variant.ExpectedHost;
    }
}
