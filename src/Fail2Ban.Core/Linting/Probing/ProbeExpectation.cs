namespace Fail2Ban.Core.Linting.Probing;

/// <summary>What a variation of a matched line is expected to do.</summary>
internal enum ProbeExpectation
{
    /// <summary>A form real daemons write: the filter must still report the line, with the same (or the equivalent) address.</summary>
    SameVerdictAndHost,

    /// <summary>Text an attacker chose: the filter must never report the address the attacker wrote.</summary>
    NeverBansInjected,
}

/// <summary>The kind of change a variation makes, for grouping in tables and for the rules that read them.</summary>
internal enum ProbeFamily
{
    /// <summary>The address written another way (IPv6, compressed, a host name).</summary>
    Address,

    /// <summary>A client port written after the address (<c>:N</c>, <c> port N</c>, <c>,port=N</c>).</summary>
    Port,

    /// <summary>A user name with characters clients can choose (space, quote, backslash, non-ASCII).</summary>
    UserName,

    /// <summary>A field the daemon appends after the message (<c> user=NAME</c>).</summary>
    TrailingField,

    /// <summary>A protocol word or identifier of another length than the one the regex fixes (<c>CONNECT</c> for <c>[A-Z]{4}</c>).</summary>
    Token,

    /// <summary>The whole line in the form another log source gives it (the systemd journal's).</summary>
    LineForm,

    /// <summary>Text an attacker writes into a field so that it reads like another address.</summary>
    Injection,

    /// <summary>A separator written wider, as daemons pad and align columns (a log level padded, two spaces, a tab).</summary>
    Spacing,

    /// <summary>A field the daemon writes empty (<c>user=&lt;&gt;</c>, <c>Invalid user  from</c>).</summary>
    EmptyField,
}
