namespace Fail2Ban.Core.Linting;

/// <summary>
/// What the catalogue knows about a rule: its id, kebab-case name, family, default severity and a
/// one-line title. The CLI's SARIF rules and the analyzer's <c>DiagnosticDescriptor</c>s are built from it.
/// </summary>
public sealed record LintRuleDescriptor(string Id, string Name, RuleFamily Family, LintSeverity DefaultSeverity, string Title)
{
    /// <summary>A longer explanation (the first paragraph of the rule's doc page).</summary>
    public string Description { get; init; } = "";

    /// <summary>The engine reports it while reading or compiling the filter (not a lint rule class).</summary>
    public bool IsEngineDiagnostic { get; init; }

    /// <summary>Only meaningful with sample logs (<c>--samples</c>).</summary>
    public bool NeedsSamples { get; init; }

    /// <summary>Link to the rule's documentation page.</summary>
    public string HelpUri => RuleCatalog.HelpUriFor(Id);

    /// <summary>The family's display name (used as the diagnostic category).</summary>
    public string Category => Family switch
    {
        RuleFamily.Compile => "Fail2Ban.Compile",
        RuleFamily.Brittle => "Fail2Ban.Brittle",
        RuleFamily.Unsafe => "Fail2Ban.Unsafe",
        RuleFamily.Performance => "Fail2Ban.Performance",
        _ => "Fail2Ban.Samples",
    };
}
