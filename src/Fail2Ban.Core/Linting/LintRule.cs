namespace Fail2Ban.Core.Linting;

/// <summary>
/// A lint rule. Most rules look at one filter variant at a time (<see cref="CheckVariant"/>); sample
/// rules look at a whole sample replay (<see cref="CheckSamples"/>). Rules report through the context,
/// which places findings at the <c>.conf</c> location and merges them across modes.
/// </summary>
internal abstract class LintRule
{
    /// <summary>The rule's id (a <see cref="RuleIds"/> constant).</summary>
    public abstract string Id { get; }

    public LintRuleDescriptor Descriptor => RuleCatalog.Get(Id);

    /// <summary>False for rules that read the regex text only, and so also run when a regex does not compile.</summary>
    public virtual bool NeedsCompiledFilter => true;

    /// <summary>Checks one variant (one <c>mode</c>) of a filter whose regexes all compile.</summary>
    public virtual void CheckVariant(VariantLintContext context)
    {
    }

    /// <summary>Checks a filter against its sample log (only when sample logs are given).</summary>
    public virtual void CheckSamples(SampleLintContext context)
    {
    }
}
