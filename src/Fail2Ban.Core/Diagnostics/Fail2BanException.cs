using System;
using System.Collections.Generic;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Diagnostics;

/// <summary>
/// A filter that cannot be read or compiled. Carries a diagnostic id (see <see cref="DiagnosticIds"/>)
/// and, where known, the place in the <c>.conf</c> that caused it. Callers turn it into a located
/// error message; it is never shown as a stack trace.
/// </summary>
public sealed class Fail2BanException : Exception
{
    public Fail2BanException(string id, string message, SourceLocation? location = null, Exception? inner = null)
        : base(message, inner)
    {
        Id = id;
        Location = location;
    }

    public string Id { get; }

    public SourceLocation? Location { get; }

    /// <summary>
    /// Problems Fail2Ban tolerated while reading, before this error (a missing include, which often is its
    /// cause: a <c>%(__prefix_line)s</c> that only the missing <c>common.conf</c> defines). Reported first.
    /// </summary>
    public IReadOnlyList<Fail2BanException> EarlierWarnings { get; internal set; } = Array.Empty<Fail2BanException>();

    /// <summary><c>file(line,col): error F2Bxxxx: message</c>, or without the location when unknown.</summary>
    public string ToDiagnosticString() =>
        (Location is { } l ? l + ": " : "") + "error " + Id + ": " + Message;
}
