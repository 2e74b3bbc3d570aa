using System.Collections;
using System.Globalization;
using System.Text;
using Fail2Ban.Core.Matching;

namespace FilterLint.Output;

/// <summary>
/// Python's <c>repr()</c> of the values a failure carries (str, float, int, bool, None, list, set, dict,
/// the tuple line), so that <c>-o row</c> and <c>-o matches</c> print what <c>fail2ban-regex</c> prints.
/// Python orders a set by hash, which cannot be reproduced: sets are written in insertion order.
/// </summary>
internal static class PythonRepr
{
    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("None"); break;
            case string s: AppendString(sb, s); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case double d: sb.Append(Float(d)); break;
            case float f: sb.Append(Float(f)); break;
            case int or long: sb.Append(System.Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case IpAddress ip: AppendString(sb, ip.Text); break;
            case TupleLine t:
                sb.Append('(');
                AppendString(sb, t.Before);
                sb.Append(", ");
                AppendString(sb, t.DateText);
                sb.Append(", ");
                AppendString(sb, t.After);
                sb.Append(')');
                break;
            case IDictionary dict:
            {
                sb.Append('{');
                var first = true;
                foreach (DictionaryEntry e in dict)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    Append(sb, e.Key);
                    sb.Append(": ");
                    Append(sb, e.Value);
                }
                sb.Append('}');
                break;
            }
            case IEnumerable items:
            {
                var isSet = IsSet(value);
                var open = isSet ? '{' : '[';
                var close = isSet ? '}' : ']';
                var count = 0;
                sb.Append(open);
                foreach (var item in items)
                {
                    if (count++ > 0) sb.Append(", ");
                    Append(sb, item);
                }
                if (isSet && count == 0) { sb.Length--; sb.Append("set()"); break; }
                sb.Append(close);
                break;
            }
            default: AppendString(sb, value.ToString() ?? ""); break;
        }
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, always with a point.</summary>
    public static string Float(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.IndexOf('.') >= 0 || s.IndexOf('E') >= 0 || s.IndexOf('N') >= 0 || s.IndexOf('I') >= 0 ? s : s + ".0";
    }

    private static bool IsSet(object value)
    {
        foreach (var i in value.GetType().GetInterfaces())
            if (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(System.Collections.Generic.ISet<>)) return true;
        return false;
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        var quote = s.IndexOf('\'') >= 0 && s.IndexOf('"') < 0 ? '"' : '\'';
        sb.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append(quote);
    }
}
