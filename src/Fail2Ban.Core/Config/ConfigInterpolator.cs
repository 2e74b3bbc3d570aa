using System.Collections.Generic;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>
/// Reads options with <c>%(name)s</c> interpolation exactly as Fail2Ban's config parser does (spec 1.4):
/// lookup order vars → section → DEFAULT with lower-cased names, <c>%%</c>, a depth limit of 10, and
/// Fail2Ban's additions <c>%(__name__)s</c>, <c>%(SECTION/opt)s</c>, <c>%(known/opt)s</c>, <c>%(default/opt)s</c>.
/// Every inserted character keeps the location where it was written.
/// </summary>
internal sealed class ConfigInterpolator
{
    /// <summary>Python's <c>configparser.MAX_INTERPOLATION_DEPTH</c>.</summary>
    public const int MaxDepth = EngineLimits.MaxInterpolationDepth;

    /// <summary>Guard against exponential expansion (many references to references); Fail2Ban has none.</summary>
    private const int MaxValueLength = EngineLimits.MaxValueLength;

    private static readonly Regex SectionOptionReference = new(@"%\(([\w\-]+/([^\)]+))\)s", RegexOptions.CultureInvariant);

    private readonly MergedConfig _config;

    public ConfigInterpolator(MergedConfig config) => _config = config;

    public MergedConfig Config => _config;

    /// <summary>Python's <c>ConfigParser.get(section, option, raw, vars)</c>.</summary>
    public ConfigLookup Get(string section, string option, IEnumerable<KeyValuePair<string, LocatedString>>? vars = null, bool raw = false)
    {
        ConfigSection? sectionOptions = null;
        if (!_config.TryGetSection(section, out var found))
        {
            if (section != IniParser.DefaultSection) return new ConfigLookup(LookupStatus.NoSection);
        }
        else
        {
            sectionOptions = found;
        }
        var root = new MapLayer(null);
        if (vars is not null)
            foreach (var kv in vars) root.Set(PythonText.Lower(kv.Key), kv.Value);
        var key = PythonText.Lower(option);
        LocatedString value;
        LookupLayer layer;
        ConfigOption? definition = null;
        if (root.TryGetOwn(key, out var fromVars))
        {
            value = fromVars;
            layer = LookupLayer.Vars;
        }
        else if (sectionOptions is not null && sectionOptions.TryGetOption(key, out var o))
        {
            value = o.RawValue;
            layer = LookupLayer.Section;
            definition = o;
        }
        else if (_config.Defaults.TryGetOption(key, out var d))
        {
            value = d.RawValue;
            layer = LookupLayer.Default;
            definition = d;
        }
        else
        {
            return new ConfigLookup(LookupStatus.NoOption);
        }
        if (raw) return new ConfigLookup(LookupStatus.Found, value, layer, definition);
        var context = new Context(section, key, sectionOptions);
        var b = new LocatedStringBuilder();
        InterpolateSome(context, b, value, root, 1);
        return new ConfigLookup(LookupStatus.Found, b.ToLocatedString(), layer, definition);
    }

    private readonly struct Context
    {
        public Context(string section, string option, ConfigSection? sectionOptions)
        {
            Section = section;
            Option = option;
            SectionOptions = sectionOptions;
        }

        public string Section { get; }
        public string Option { get; }
        public ConfigSection? SectionOptions { get; }
    }

    /// <summary>One copy of the first map of Python's lookup ChainMap: vars plus what interpolation added at this level.</summary>
    private sealed class MapLayer
    {
        private readonly Dictionary<string, LocatedString> _own = new(System.StringComparer.Ordinal);

        public MapLayer(MapLayer? parent) => Parent = parent;

        public MapLayer? Parent { get; }

        public void Set(string key, LocatedString value) => _own[key] = value;

        public bool TryGetOwn(string key, out LocatedString value) => _own.TryGetValue(key, out value!);

        public bool TryGet(string key, out LocatedString value)
        {
            for (var layer = this; layer is not null; layer = layer.Parent)
                if (layer._own.TryGetValue(key, out value!)) return true;
            value = null!;
            return false;
        }
    }

    private bool TryLookup(Context ctx, MapLayer map, string key, out LocatedString value)
    {
        if (map.TryGet(key, out value)) return true;
        if (ctx.SectionOptions is not null && ctx.SectionOptions.TryGetOption(key, out var o))
        {
            value = o.RawValue;
            return true;
        }
        if (_config.Defaults.TryGetOption(key, out var d))
        {
            value = d.RawValue;
            return true;
        }
        value = null!;
        return false;
    }

    private void InterpolateSome(Context ctx, LocatedStringBuilder accum, LocatedString rest, MapLayer parent, int depth)
    {
        // Fail2Ban's wrapper copies the map at every level, adds __name__ and the SECTION/opt references of this text.
        var map = new MapLayer(parent);
        map.Set("__name__", LocatedString.Unlocated(ctx.Section));
        MapSectionOptions(ctx, rest.Text, map);
        if (depth > MaxDepth)
            throw new Fail2BanException(DiagnosticIds.Interpolation,
                "interpolation of option '" + ctx.Option + "' in section [" + ctx.Section + "] is nested deeper than "
                + MaxDepth + " levels (recursive %(…)s references?)", rest.LocationAt(0));
        var text = rest.Text;
        var pos = 0;
        while (pos < text.Length)
        {
            var p = text.IndexOf('%', pos);
            if (p < 0)
            {
                accum.Append(rest, pos, text.Length - pos);
                break;
            }
            accum.Append(rest, pos, p - pos);
            var next = p + 1 < text.Length ? text[p + 1] : '\0';
            if (p + 1 < text.Length && next == '%')
            {
                accum.Append(rest, p, 1);
                pos = p + 2;
            }
            else if (p + 1 < text.Length && next == '(')
            {
                var close = text.IndexOf(')', p + 2);
                if (close <= p + 2 || close + 1 >= text.Length || text[close + 1] != 's')
                    throw new Fail2BanException(DiagnosticIds.Interpolation,
                        "bad interpolation variable reference '" + Excerpt(text, p) + "' in option '" + ctx.Option
                        + "' of section [" + ctx.Section + "] (expected %(name)s)", rest.LocationAt(p));
                var name = text.Substring(p + 2, close - p - 2);
                var key = PythonText.Lower(name);
                if (!TryLookup(ctx, map, key, out var value))
                    throw new Fail2BanException(DiagnosticIds.Interpolation,
                        "unknown interpolation key '" + key + "' in option '" + ctx.Option + "' of section [" + ctx.Section
                        + "]: no option of that name in the filter options, the section or [DEFAULT]", rest.LocationAt(p));
                if (value.Segments.Count == 0 && rest.LocationAt(p) is { } referenceLocation)
                    value = LocatedString.At(value.Text, referenceLocation);
                if (value.Text.IndexOf('%') >= 0)
                    InterpolateSome(ctx, accum, value, map, depth + 1);
                else
                    accum.Append(value);
                if (accum.Length > MaxValueLength)
                    throw new Fail2BanException(DiagnosticIds.Interpolation,
                        "interpolation of option '" + ctx.Option + "' in section [" + ctx.Section + "] produces a value longer than "
                        + MaxValueLength + " characters", rest.LocationAt(p));
                pos = close + 2;
            }
            else
            {
                throw new Fail2BanException(DiagnosticIds.Interpolation,
                    "'%' must be followed by '%' or '(' in option '" + ctx.Option + "' of section [" + ctx.Section
                    + "], found '" + Excerpt(text, p) + "' (write a literal % as %%)", rest.LocationAt(p));
            }
        }
    }

    /// <summary>Fail2Ban's <c>_map_section_options</c>: makes <c>%(sec/opt)s</c> resolvable by adding the raw
    /// value under the reference's own spelling (so only lower-case spellings are later found).</summary>
    private void MapSectionOptions(Context ctx, string rest, MapLayer map)
    {
        if (rest.IndexOf('/') < 0 || rest.IndexOf("%(", System.StringComparison.Ordinal) < 0) return;
        foreach (Match m in SectionOptionReference.Matches(rest))
        {
            var sopt = m.Groups[1].Value;
            var opt = m.Groups[2].Value;
            if (ContainsExact(ctx, map, sopt)) continue;
            var sec = sopt.Substring(0, sopt.Length - opt.Length - 1);
            var secLower = PythonText.Lower(sec);
            LocatedString? value = null;
            var useDefault = false;
            if (secLower == "default")
            {
                useDefault = true;
            }
            else if (secLower == "known")
            {
                if (_config.TryGetSection(MergedConfig.KnownPrefix + ctx.Section, out var known) && known.TryGetOption(opt, out var ko))
                    value = ko.RawValue;
                else
                    useDefault = true;
            }
            else
            {
                if (!_config.TryGetSection(sec, out var other)) continue;
                if (other.TryGetOption(opt, out var oo)) value = oo.RawValue;
                else useDefault = true;
            }
            if (useDefault)
            {
                if (!_config.Defaults.TryGetOption(opt, out var d)) continue;
                value = d.RawValue;
            }
            map.Set(sopt, value!);
        }
    }

    private bool ContainsExact(Context ctx, MapLayer map, string key) =>
        map.TryGet(key, out _)
        || (ctx.SectionOptions is not null && ctx.SectionOptions.Contains(key))
        || _config.Defaults.Contains(key);

    private static string Excerpt(string text, int at)
    {
        var len = System.Math.Min(30, text.Length - at);
        var s = text.Substring(at, len);
        var nl = s.IndexOf('\n');
        return nl >= 0 ? s.Substring(0, nl) : s;
    }
}
