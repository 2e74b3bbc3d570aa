using System.Text;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Translates a Python <c>re</c> pattern (Fail2Ban tags already expanded) into a .NET pattern with
/// the same meaning.
/// TEMPORARY STUB (text scan, handles only what date templates use); the tree-based translator
/// replaces this file and keeps its public surface.
/// </summary>
public static class PythonRegexTranslator
{
    /// <summary>
    /// The .NET name given to Python's unnamed capturing group number <paramref name="pythonGroupNumber"/>
    /// (Python numbers named and unnamed groups together, .NET does not, so unnamed groups are named).
    /// </summary>
    public static string UnnamedGroupName(int pythonGroupNumber) => "__g" + pythonGroupNumber;

    /// <summary>Translates <paramref name="pythonPattern"/>; throws Fail2BanException when it cannot.</summary>
    public static string Translate(string pythonPattern)
    {
        var sb = new StringBuilder(pythonPattern.Length + 16);
        var inClass = false;
        var groupNumber = 0;
        for (var i = 0; i < pythonPattern.Length; i++)
        {
            var c = pythonPattern[i];
            if (c == '\\' && i + 1 < pythonPattern.Length)
            {
                sb.Append(c).Append(pythonPattern[++i]);
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                sb.Append(c);
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < pythonPattern.Length && pythonPattern[i + 1] == '^') sb.Append(pythonPattern[++i]);
                if (i + 1 < pythonPattern.Length && pythonPattern[i + 1] == ']') sb.Append(pythonPattern[++i]);
                continue;
            }
            if (c == '(' && i + 1 < pythonPattern.Length && pythonPattern[i + 1] != '?')
            {
                groupNumber++;
                sb.Append("(?<").Append(UnnamedGroupName(groupNumber)).Append('>');
                continue;
            }
            if (c == '(' && string.CompareOrdinal(pythonPattern, i, "(?P<", 0, 4) == 0)
            {
                groupNumber++;
                sb.Append("(?<");
                i += 3;
                continue;
            }
            if (c == '(' && string.CompareOrdinal(pythonPattern, i, "(?P=", 0, 4) == 0)
            {
                var end = pythonPattern.IndexOf(')', i);
                sb.Append("\\k<").Append(pythonPattern, i + 4, end - i - 4).Append('>');
                i = end;
                continue;
            }
            if (c == '(' && string.CompareOrdinal(pythonPattern, i, "(?iu)", 0, 5) == 0)
            {
                sb.Append("(?i)");
                i += 4;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
