using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;

namespace FilterLint.Commands;

/// <summary>
/// Rewrites a <c>regex</c> command line written with <c>fail2ban-regex</c>'s habits (Python optparse) into
/// the form System.CommandLine reads: bundled short flags (<c>-rv</c>), short options with the value
/// attached (<c>-L2</c>, <c>-oip</c>), unambiguous abbreviations of long options (<c>--print-all-m</c>),
/// <c>-v</c> counted and folded with <c>--verbosity</c> into one <c>--verbosity N</c>. A token that looks
/// like an option but is none is an error naming it: it is never taken as LOG, FILTER or IGNOREREGEX
/// (<c>--</c> ends the options, for a literal that starts with <c>-</c>).
/// </summary>
internal static class Fail2BanRegexArgs
{
    private static readonly string[] HelpNames = { "-h", "--help", "-?" };

    /// <summary>The rewritten arguments (the command name included), or an error message.</summary>
    public static (string[] Args, string? Error) Normalize(string[] args, Command regex)
    {
        var takesValue = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var o in regex.Options)
        {
            var hasValue = o.Arity.MaximumNumberOfValues > 0 && o.ValueType != typeof(bool);
            takesValue[o.Name] = hasValue;
            foreach (var a in o.Aliases) takesValue[a] = hasValue;
        }
        foreach (var h in HelpNames) takesValue[h] = false;

        var result = new List<string> { args[0] };
        int? verbosity = null;
        var i = 1;
        for (; i < args.Length; i++)
        {
            var t = args[i];
            if (t == "--") break;
            if (t.Length < 2 || t[0] != '-' || IsNumber(t))
            {
                result.Add(t);
                continue;
            }
            if (t.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = t.IndexOf('=');
                var name = eq < 0 ? t : t.Substring(0, eq);
                var attached = eq < 0 ? null : t.Substring(eq + 1);
                if (!takesValue.ContainsKey(name))
                {
                    var expanded = ExpandAbbreviation(name, takesValue.Keys, out var error);
                    if (error is not null) return (args, error);
                    name = expanded!;
                }
                if (!takesValue[name])
                {
                    if (attached is not null) return (args, "option " + name + " takes no value (given '" + attached + "')");
                    if (name == "--verbose") verbosity = (verbosity ?? 0) + 1;
                    else result.Add(name);
                    continue;
                }
                string? value = attached;
                if (value is null)
                {
                    if (i + 1 >= args.Length) return (args, "option " + name + " needs a value");
                    value = args[++i];
                }
                if (name == "--verbosity")
                {
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < 0)
                        return (args, "option --verbosity: '" + value + "' is not a number (0..4)");
                    verbosity = v;
                }
                else
                {
                    result.Add(name);
                    result.Add(value);
                }
                continue;
            }
            // Short options, optparse style: flags may be bundled, a value may be attached.
            for (var k = 1; k < t.Length; k++)
            {
                var name = "-" + t[k];
                if (!takesValue.TryGetValue(name, out var hasValue))
                    return (args, "unknown option '" + (k == 1 && t.Length == 2 ? t : name + "' (in '" + t) + "'" +
                                  (k == 1 ? "" : ")") + "; 'filterlint regex --help' lists the options (use '--' before a literal that starts with '-')");
                if (!hasValue)
                {
                    if (name == "-v") verbosity = (verbosity ?? 0) + 1;
                    else result.Add(name);
                    continue;
                }
                string value;
                if (k + 1 < t.Length) value = t.Substring(k + 1);
                else if (i + 1 < args.Length) value = args[++i];
                else return (args, "option " + name + " needs a value");
                result.Add(name);
                result.Add(value);
                break;
            }
        }
        if (verbosity is { } n)
        {
            result.Add("--verbosity");
            result.Add(n.ToString(CultureInfo.InvariantCulture));
        }
        for (; i < args.Length; i++) result.Add(args[i]);
        return (result.ToArray(), null);
    }

    private static string? ExpandAbbreviation(string name, IEnumerable<string> known, out string? error)
    {
        var matches = new List<string>();
        foreach (var k in known)
            if (k.StartsWith("--", StringComparison.Ordinal) && k.StartsWith(name, StringComparison.Ordinal)) matches.Add(k);
        error = null;
        if (matches.Count == 1) return matches[0];
        matches.Sort(StringComparer.Ordinal);
        error = matches.Count == 0
            ? "unknown option '" + name + "'; 'filterlint regex --help' lists the options (use '--' before a literal that starts with '-')"
            : "ambiguous option '" + name + "': could be " + string.Join(", ", matches);
        return null;
    }

    private static bool IsNumber(string t) => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
