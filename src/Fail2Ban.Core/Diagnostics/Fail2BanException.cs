using System;
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

    /// <summary><c>file(line,col): error F2Bxxxx: message</c>, or without the location when unknown.</summary>
    public string ToDiagnosticString() =>
        (Location is { } l ? l + ": " : "") + "error " + Id + ": " + Message;
}
