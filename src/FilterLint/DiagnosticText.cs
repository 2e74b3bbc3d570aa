using Fail2Ban.Core.Diagnostics;

namespace FilterLint;

/// <summary>Formats engine diagnostics as compiler-style lines: <c>file(line,col): error F2Bxxxx: message</c>.</summary>
internal static class DiagnosticText
{
    /// <summary>The error, after the tolerated problems that came before it and may explain it (a missing include).</summary>
    public static string Error(Fail2BanException e)
    {
        var text = Format(e, "error");
        for (var i = e.EarlierWarnings.Count - 1; i >= 0; i--) text = Warning(e.EarlierWarnings[i]) + System.Environment.NewLine + text;
        return text;
    }

    /// <summary>A problem Fail2Ban tolerates (e.g. a missing include).</summary>
    public static string Warning(Fail2BanException e) => Format(e, "warning");

    private static string Format(Fail2BanException e, string severity) =>
        (e.Location is { } l ? l + ": " : "filterlint: ") + severity + " " + e.Id + ": " + e.Message;
}
