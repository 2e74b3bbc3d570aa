using System.Collections.Generic;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>
/// A filter reference with options, <c>name[k=v, k2="v, 2"][x=y]</c>, as written in a jail's <c>filter =</c>
/// line or given to <c>fail2ban-regex</c> (spec 1.5, master syntax: option names may carry <c>?cond=value</c>).
/// </summary>
public sealed class FilterReference
{
    /// <summary>Pseudo file name used for locations inside a reference that was not read from a file.</summary>
    public const string CommandLineFile = "<filter options>";

    private static readonly Regex OptionSyntax = new(@"^([^\[]+)(?:\[(.*)\])?\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex OptionEntry = new(
        @"\s*([\w\-_\.]+(?:\?[\w\-_\.]+=[\w\-_\.]+)?)=(?:""([^""]*)""|'([^']*)'|([^,\]]*))(?:,|\]\s*\[|$|(?<wrngA>.+))|,?\s*$|(?<wrngB>.+)",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private readonly InsertionOrderedMap<LocatedString> _options;

    private FilterReference(string text, string name, InsertionOrderedMap<LocatedString> options)
    {
        Text = text;
        Name = name;
        _options = options;
        var plain = new InsertionOrderedMap<string>();
        foreach (var kv in options) plain[kv.Key] = kv.Value.Text;
        Options = plain;
    }

    /// <summary>The reference as written.</summary>
    public string Text { get; }

    /// <summary>Everything before the first <c>[</c> (trailing spaces kept, as Fail2Ban does).</summary>
    public string Name { get; }

    /// <summary>The options in first-appearance order; keys keep their case, values are stripped; later duplicates win.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>The options with the location of each value inside the reference.</summary>
    public IReadOnlyDictionary<string, LocatedString> LocatedOptions => _options;

    /// <summary>A reference with no options to a filter called <paramref name="name"/>.</summary>
    public static FilterReference ForName(string name) => new(name, name, new InsertionOrderedMap<LocatedString>());

    /// <summary>A reference built from already separated options (their values located at <see cref="CommandLineFile"/>).</summary>
    public static FilterReference FromOptions(string name, IReadOnlyDictionary<string, string>? options)
    {
        var map = new InsertionOrderedMap<LocatedString>();
        if (options is not null)
            foreach (var kv in options)
                map[kv.Key] = LocatedString.At(kv.Value, new SourceLocation(CommandLineFile + " " + kv.Key, 1, 1));
        return new FilterReference(name, name, map);
    }

    /// <summary>
    /// Parses <c>name[k=v, …]</c>. <paramref name="origin"/> is where the text starts (for error and value locations);
    /// by default <see cref="CommandLineFile"/> line 1 column 1. Throws <see cref="Fail2BanException"/>
    /// (<see cref="DiagnosticIds.FilterOptions"/>) on malformed options, as Fail2Ban rejects them.
    /// </summary>
    public static FilterReference Parse(string text, SourceLocation? origin = null)
    {
        var start = origin ?? new SourceLocation(CommandLineFile, 1, 1);
        var m = OptionSyntax.Match(text);
        if (!m.Success)
            throw new Fail2BanException(DiagnosticIds.FilterOptions,
                "unexpected option syntax in '" + text + "': expected NAME or NAME[key=value, ...]", start);
        var options = new InsertionOrderedMap<LocatedString>();
        var optGroup = m.Groups[2];
        if (optGroup.Success && optGroup.Length > 0)
        {
            var optText = optGroup.Value;
            var baseOffset = optGroup.Index;
            foreach (Match e in OptionEntry.Matches(optText))
            {
                if (e.Groups["wrngA"].Success)
                    throw new Fail2BanException(DiagnosticIds.FilterOptions,
                        "unexpected syntax after option '" + e.Groups[1].Value + "': '" + Excerpt(e.Groups["wrngA"].Value) + "'",
                        At(text, start, baseOffset + e.Groups["wrngA"].Index));
                if (e.Groups["wrngB"].Success)
                    throw new Fail2BanException(DiagnosticIds.FilterOptions,
                        "expected option (key=value), wrong syntax: '" + Excerpt(e.Groups["wrngB"].Value) + "'",
                        At(text, start, baseOffset + e.Groups["wrngB"].Index));
                if (!e.Groups[1].Success || e.Groups[1].Length == 0) continue;
                var key = PythonText.Strip(e.Groups[1].Value);
                var g = e.Groups[2].Success ? e.Groups[2] : e.Groups[3].Success ? e.Groups[3] : e.Groups[4];
                var (vs, ve) = PythonText.StripBounds(g.Value, 0, g.Length);
                var valueStart = baseOffset + g.Index + vs;
                options[key] = Locate(text, start, valueStart, ve - vs);
            }
        }
        return new FilterReference(text, m.Groups[1].Value, options);
    }

    /// <summary>The same options under another filter name.</summary>
    internal FilterReference Renamed(string name) => new(Text, name, _options);

    public override string ToString() => Text;

    /// <summary>The characters of <paramref name="text"/> from <paramref name="offset"/>, located line by line from <paramref name="origin"/>.</summary>
    private static LocatedString Locate(string text, SourceLocation origin, int offset, int length)
    {
        var b = new LocatedStringBuilder();
        var lineStart = offset;
        for (var i = offset; i <= offset + length; i++)
        {
            if (i == offset + length || text[i] == '\n')
            {
                var loc = At(text, origin, lineStart);
                b.Append(text.Substring(lineStart, i - lineStart), loc);
                if (i < offset + length) b.Append('\n', At(text, origin, i));
                lineStart = i + 1;
            }
        }
        return b.ToLocatedString();
    }

    private static SourceLocation At(string text, SourceLocation origin, int offset)
    {
        var line = origin.Line;
        var column = origin.Column;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        return origin with { Line = line, Column = column };
    }

    private static string Excerpt(string s) => s.Length > 25 ? s.Substring(0, 25) : s;
}
