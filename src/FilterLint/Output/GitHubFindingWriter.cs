using System.Collections.Generic;
using System.IO;
using System.Text;
using Fail2Ban.Core.Linting;

namespace FilterLint.Output;

/// <summary>
/// <c>lint --format github</c>: one GitHub Actions workflow command per finding, which the runner turns into an
/// annotation on the <c>.conf</c> line: <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=F2Bxxxx::message</c>
/// (info findings are <c>::notice</c>). Values are escaped as the runner unescapes them: <c>%</c>, CR and LF in
/// the message; also <c>:</c> and <c>,</c> in properties. Paths are relative to <c>GITHUB_WORKSPACE</c> (the
/// repository root) when the file lies in it, as annotations need.
/// </summary>
internal sealed class GitHubFindingWriter
{
    private readonly DisplayPath _paths;

    public GitHubFindingWriter(DisplayPath paths) => _paths = paths;

    public void Write(TextWriter output, IReadOnlyList<LintFinding> findings, int filterCount)
    {
        var sb = new StringBuilder();
        foreach (var f in findings) sb.Append(Command(f)).Append('\n');
        output.Write(sb.ToString());
        int errors = 0, warnings = 0, infos = 0;
        foreach (var f in findings)
        {
            if (f.Severity == LintSeverity.Error) errors++;
            else if (f.Severity == LintSeverity.Warning) warnings++;
            else infos++;
        }
        output.Write(filterCount + (filterCount == 1 ? " filter" : " filters") + " linted: " + errors + (errors == 1 ? " error, " : " errors, ") +
                     warnings + (warnings == 1 ? " warning, " : " warnings, ") + infos + " info\n");
    }

    public string Command(LintFinding f)
    {
        var l = f.Location;
        var sb = new StringBuilder("::").Append(f.Severity switch
        {
            LintSeverity.Error => "error",
            LintSeverity.Warning => "warning",
            _ => "notice",
        });
        sb.Append(" file=").Append(Property(_paths.Format(l.File)));
        if (l.Line > 0)
        {
            sb.Append(",line=").Append(l.Line).Append(",col=").Append(l.Column);
            if (l.EndLine > 0) sb.Append(",endLine=").Append(l.EndLine).Append(",endColumn=").Append(l.EndColumn);
        }
        sb.Append(",title=").Append(Property(f.RuleId)).Append("::");
        var message = new StringBuilder(f.Message);
        if (f.Variants.Length > 0) message.Append(" [").Append(f.Variants).Append(']');
        if (f.Evidence is { } e) message.Append("\nevidence (").Append(e.KindName).Append("): ").Append(e.Explanation).Append("\n    ").Append(e.Line);
        if (f.Fix is { } fix) message.Append("\nfix: ").Append(fix.Title);
        sb.Append(Data(message.ToString()));
        return sb.ToString();
    }

    /// <summary>The runner's escaping of a command's message.</summary>
    public static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>The runner's escaping of a property value.</summary>
    public static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
