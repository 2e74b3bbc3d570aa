using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Fail2Ban.Generators;

/// <summary>Turns values into C# source text: string literals, XML doc text, identifiers.</summary>
internal static class CSharpText
{
    /// <summary>A string literal: verbatim (<c>@"…"</c>, readable for regexes) when the text is printable ASCII.</summary>
    public static string Literal(string? value)
    {
        if (value is null) return "null";
        foreach (var c in value)
            if (c < ' ' || c > '~') return SymbolDisplay.FormatLiteral(value, quote: true);
        return "@\"" + value.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>Text safe inside an XML doc comment line (escaped, control characters shown as <c>\uXXXX</c>).</summary>
    public static string Xml(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085') sb.Append("\\u").Append(((int)c).ToString("X4"));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>PascalCase identifier from a file, mode or group name (<c>sshd-auth</c> → <c>SshdAuth</c>, <c>alt_user1</c> → <c>AltUser1</c>).</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        var id = sb.ToString();
        return SyntaxFacts.GetKeywordKind(id) != SyntaxKind.None ? "@" + id : id;
    }

    /// <summary>True when <paramref name="name"/> is usable as a C# identifier as written.</summary>
    public static bool IsIdentifier(string name) => SyntaxFacts.IsValidIdentifier(name);
}
