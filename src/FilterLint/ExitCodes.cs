namespace FilterLint;

/// <summary>Process exit codes of <c>filterlint</c> (also listed in <c>--help</c>).</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found problems in the filter (lint findings, failed tests).</summary>
    public const int Findings = 1;

    /// <summary>The filter could not be read (Fail2Ban would reject it), or the command line is invalid.</summary>
    public const int Error = 2;

    /// <summary>Text for the help screens.</summary>
    public const string Help =
        "Exit codes: 0 = success, 1 = problems found in the filter (regex: a line timed out, its verdict undecided), 2 = the filter cannot be read " +
        "(errors are printed as 'file(line,col): error F2Bxxxx: message') or invalid command line.";
}
