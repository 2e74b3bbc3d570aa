using System;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// Turns what the engine rejects (reader errors and warnings, regex preparation errors) into findings
/// with the engine's own ids (F2B10xx), located where the offending text was written.
/// </summary>
internal static class EngineFindings
{
    public static LintFinding FromException(Fail2BanException e, string filter, LintSettings settings)
    {
        var location = e.Location is { } l ? LintLocation.At(l.File, l.Line, l.Column) : LintLocation.FileStart(filter);
        return new LintFinding(e.Id, settings.SeverityOf(e.Id), e.Message, location) { Filter = filter };
    }

    /// <summary>An unexpected exception (a bug) as an internal-error finding at <paramref name="location"/> (the filter's start when null).</summary>
    public static LintFinding InternalError(Exception e, string what, string filter, LintSettings settings, LintLocation? location = null) =>
        new(DiagnosticIds.InternalError, settings.SeverityOf(DiagnosticIds.InternalError),
            what + " failed: " + e.GetType().Name + ": " + e.Message, location ?? LintLocation.FileStart(filter)) { Filter = filter };

    public static LintFinding FromRegexError(RegexTranslationException e, LocatedString source, string filter, LintSettings settings)
    {
        var location = LintRegex.LocateSource(source, e.Offset, e.Length);
        return new LintFinding(e.Id, settings.SeverityOf(e.Id), e.Message, location) { Filter = filter };
    }

    /// <summary>
    /// The datepattern compiled as Fail2Ban compiles it when the filter loads (an invalid one stops the jail):
    /// the error, located at the datepattern's value, or null when it compiles (or there is none).
    /// </summary>
    public static LintFinding? FromDatePattern(LocatedString? datePattern, string filter, LintSettings settings)
    {
        if (datePattern is null || datePattern.Text.Trim().Length == 0) return null;
        try
        {
            _ = new DateDetector(datePattern.Text, new DateDetectorSettings { LocalZone = LocalTimeZone.Utc, CurrentYear = 2000, Now = 0 });
            return null;
        }
        catch (Fail2BanException e) when (e.Id == DiagnosticIds.DatePattern)
        {
            var location = LintRegex.LocateSource(datePattern, 0, datePattern.Text.Length);
            return new LintFinding(e.Id, settings.SeverityOf(e.Id), e.Message, location) { Filter = filter };
        }
    }
}
