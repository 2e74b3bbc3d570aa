namespace Fail2Ban.Core.Tests.Hardening;

/// <summary>Tests that shorten the process-wide date template time limit (<c>DateTemplate.MatchTimeout</c>) run one at a time.</summary>
[CollectionDefinition(Collection)]
public sealed class DateTemplateTimeLimit
{
    public const string Collection = "Date template time limit";
}
