namespace Fail2Ban.Generators.Model;

/// <summary>What an AdditionalFile is to the generator (metadata <c>Fail2BanFilter</c>).</summary>
internal enum ConfigFileKind
{
    /// <summary>Not ours.</summary>
    None,
    /// <summary><c>Fail2BanFilter="true"</c>: a filter that becomes a matcher class.</summary>
    Filter,
    /// <summary><c>Fail2BanFilter="include"</c>: only read through another file's <c>[INCLUDES]</c>.</summary>
    Include,
}
