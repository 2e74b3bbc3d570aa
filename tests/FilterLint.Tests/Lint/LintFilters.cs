namespace FilterLint.Tests.Lint;

/// <summary>Small filters written for these tests (never pieces of Fail2Ban's GPL filters).</summary>
internal static class LintFilters
{
    /// <summary>The seed defect: a four-letter SMTP verb, defined in an include-like option and used by two modes.</summary>
    public const string Smtp =
        "# A filter with a fixed-width SMTP command\n" +
        "[Definition]\n" +
        "_verb = [A-Z]{4}\n" +
        "mode = normal\n" +
        "mdre-normal = ^%(_verb)s from \\S*\\[<HOST>\\]: 554 5\\.7\\.1 rejected$\n" +
        "mdre-extra = %(mdre-normal)s\n" +
        "             ^Login failed from <HOST>\n" +
        "failregex = <mdre-<mode>>\n";

    public const string Clean =
        "[Definition]\n" +
        "failregex = ^Login failed for \\S+ from <HOST> port \\d+$\n";

    public const string Broken =
        "[Definition]\n" +
        "failregex = ^Login failed (from <HOST>$\n";
}
