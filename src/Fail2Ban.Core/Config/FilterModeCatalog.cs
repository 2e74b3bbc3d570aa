using Fail2Ban.Core.Text;
using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Config;

/// <summary>
/// Finds the values a selector option such as <c>mode</c> (or <c>logtype</c>) can take in a filter, from the
/// way the filter uses it: a reference like <c>&lt;mdre-&lt;mode&gt;&gt;</c> works for every <c>v</c> with an option
/// <c>mdre-v</c>, <c>&lt;lt_&lt;logtype&gt;/datepattern&gt;</c> for every section <c>lt_v</c> with that option. The
/// supported values are those that satisfy all such references, plus the selector's default value.
/// </summary>
public static class FilterModeCatalog
{
    /// <summary>The values of <paramref name="selector"/> the filter supports; its default value first.</summary>
    public static IReadOnlyList<string> FindValues(MergedConfig config, string selector = "mode")
    {
        if (config is null) throw new ArgumentNullException(nameof(config));
        var result = new List<string>();
        var defaultValue = DefaultValue(config, selector);
        if (defaultValue is not null) result.Add(defaultValue);
        List<string>? common = null;
        foreach (var (prefix, suffix) in References(config, selector))
        {
            var candidates = Candidates(config, prefix, suffix, "<" + prefix + "<" + selector + ">" + suffix + ">");
            if (common is null) common = candidates;
            else common.RemoveAll(v => !candidates.Contains(v));
        }
        if (common is not null)
            foreach (var v in common)
                if (!result.Contains(v)) result.Add(v);
        return result;
    }

    private static string? DefaultValue(MergedConfig config, string selector)
    {
        ConfigOption? option = null;
        if (config.TryGetSection("Definition", out var def) && def.TryGetOption(selector, out var o)) option = o;
        else if (config.Defaults.TryGetOption(selector, out var d)) option = d;
        else if (config.TryGetSection("Init", out var init) && init.TryGetOption(selector, out var i)) option = i;
        if (option is null) return null;
        var text = option.RawValue.Text;
        // Only a plain word is a usable default; anything computed is left out.
        foreach (var c in text)
            if (!(PythonText.IsWordChar(c) || c == '-' || c == '.')) return null;
        return text.Length == 0 ? null : text;
    }

    /// <summary>Every <c>&lt;prefix&lt;selector&gt;suffix&gt;</c> written in any option value: (prefix, suffix).</summary>
    private static List<(string Prefix, string Suffix)> References(MergedConfig config, string selector)
    {
        var list = new List<(string, string)>();
        var needle = "<" + selector + ">";
        foreach (var section in AllSections(config))
        {
            foreach (var option in section.Options)
            {
                var text = option.RawValue.Text;
                for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
                {
                    var open = at - 1;
                    while (open >= 0 && IsTagChar(text[open])) open--;
                    var close = at + needle.Length;
                    while (close < text.Length && IsTagChar(text[close])) close++;
                    if (open < 0 || text[open] != '<' || close >= text.Length || text[close] != '>') continue;
                    var reference = (text.Substring(open + 1, at - open - 1), text.Substring(at + needle.Length, close - at - needle.Length));
                    if (reference.Item1.Length + reference.Item2.Length > 0 && !list.Contains(reference)) list.Add(reference);
                }
            }
        }
        return list;
    }

    /// <summary>The values for which <c>&lt;prefix&lt;selector&gt;suffix&gt;</c> names an option (<paramref name="reference"/>):
    /// not the option that holds the reference itself (<c>__prefix_line = &lt;__prefix_&lt;logtype&gt;&gt;</c> is no value <c>line</c>).</summary>
    private static List<string> Candidates(MergedConfig config, string prefix, string suffix, string reference)
    {
        var values = new List<string>();
        var slash = suffix.IndexOf('/');
        if (slash >= 0)
        {
            // <lt_<logtype>/opt>: sections named prefix + v + suffix-before-slash that define opt.
            var sectionEnd = suffix.Substring(0, slash);
            var opt = suffix.Substring(slash + 1).ToLowerInvariant();
            foreach (var section in config.Sections)
            {
                var name = section.Name;
                if (name.Length <= prefix.Length + sectionEnd.Length) continue;
                if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(sectionEnd, StringComparison.Ordinal)) continue;
                if (!section.Contains(opt)) continue;
                Add(values, name.Substring(prefix.Length, name.Length - prefix.Length - sectionEnd.Length));
            }
            return values;
        }
        var prefixSlash = prefix.IndexOf('/');
        IEnumerable<ConfigSection> sections;
        var optionPrefix = prefix;
        if (prefixSlash >= 0)
        {
            var sectionName = prefix.Substring(0, prefixSlash);
            optionPrefix = prefix.Substring(prefixSlash + 1);
            sections = config.TryGetSection(sectionName, out var s) ? new[] { s } : new ConfigSection[0];
        }
        else
        {
            sections = OptionSections(config);
        }
        var lowerPrefix = optionPrefix.ToLowerInvariant();
        var lowerSuffix = suffix.ToLowerInvariant();
        foreach (var section in sections)
            foreach (var option in section.Options)
            {
                var name = option.Name;
                if (name.Length <= lowerPrefix.Length + lowerSuffix.Length) continue;
                if (!name.StartsWith(lowerPrefix, StringComparison.Ordinal) || !name.EndsWith(lowerSuffix, StringComparison.Ordinal)) continue;
                if (option.RawValue.Text.IndexOf(reference, StringComparison.Ordinal) >= 0) continue;
                Add(values, name.Substring(lowerPrefix.Length, name.Length - lowerPrefix.Length - lowerSuffix.Length));
            }
        return values;
    }

    private static IEnumerable<ConfigSection> OptionSections(MergedConfig config)
    {
        if (config.TryGetSection("Definition", out var def)) yield return def;
        yield return config.Defaults;
        if (config.TryGetSection("Init", out var init)) yield return init;
    }

    private static IEnumerable<ConfigSection> AllSections(MergedConfig config)
    {
        yield return config.Defaults;
        foreach (var s in config.Sections)
            if (!s.Name.StartsWith(MergedConfig.KnownPrefix, StringComparison.Ordinal)) yield return s;
    }

    private static void Add(List<string> values, string value)
    {
        if (value.Length > 0 && !values.Contains(value)) values.Add(value);
    }

    private static bool IsTagChar(char c) => c != ' ' && c != '<' && c != '>';
}
