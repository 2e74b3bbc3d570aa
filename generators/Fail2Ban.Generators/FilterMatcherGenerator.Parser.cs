using System;
using System.Collections.Generic;
using System.Threading;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Text;
using Fail2Ban.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fail2Ban.Generators;

public sealed partial class FilterMatcherGenerator
{
    /// <summary>
    /// Reads settings and tagged files, and turns one filter into a <see cref="FilterSpec"/> with
    /// Fail2Ban.Core: the filter and the include files are resolved in memory (never from disk), then every
    /// mode's regexes are translated to .NET. Problems become located diagnostics, never exceptions.
    /// </summary>
    internal static class Parser
    {
        /// <summary>Groups already exposed by the result struct's fixed properties, or internal to Fail2Ban.</summary>
        private static readonly HashSet<string> NonCaptureGroups = new(StringComparer.Ordinal)
        {
            "ip4", "ip6", "dns", "cidr", "fid", "user", "content",
        };

        /// <summary>Names the result struct already uses: a capture with such a name gets a suffix.</summary>
        private static readonly HashSet<string> ReservedProperties = new(StringComparer.Ordinal)
        {
            "Line", "Failure", "Success", "IsIgnored", "RegexIndex", "Host", "Ip", "User", "Id", "EpochSeconds", "Time",
            "ToString", "Equals", "GetHashCode", "GetType", "Result",
        };

        public static GeneratorSettings ReadSettings(AnalyzerConfigOptions options)
        {
            var ns = Value(options, NamespaceProperty) ?? Value(options, RootNamespaceProperty) ?? "";
            string? error = null;
            if (ns.Length > 0 && !IsNamespace(ns))
            {
                error = "Fail2BanNamespace '" + ns + "' is not a valid C# namespace; the global namespace is used";
                ns = "";
            }
            var mode = ParseMode(Value(options, RegexModeProperty), out var modeError);
            return new GeneratorSettings(ns, mode ?? RegexMode.Generated, error ?? modeError);
        }

        public static ConfigFileInput? ReadConfigFile(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
        {
            var tag = Value(options, FilterMetadata);
            ConfigFileKind kind;
            if (string.Equals(tag, "true", StringComparison.OrdinalIgnoreCase)) kind = ConfigFileKind.Filter;
            else if (string.Equals(tag, "include", StringComparison.OrdinalIgnoreCase)) kind = ConfigFileKind.Include;
            else return null;
            var sourceText = file.GetText(cancellationToken);
            var text = sourceText?.ToString() ?? "";
            // The compiler falls back to UTF-16 (byte order mark) or a code page; Fail2Ban reads UTF-8 only.
            var decoded = ConfigFileText.FromDecodedText(text, sourceText?.Encoding);
            var decoding = DecodeFailure.Of(decoded);
            text = decoded.Text ?? text; // with the UTF-8 byte order mark the compiler skipped, as Fail2Ban reads it
            return new ConfigFileInput(kind, file.Path, text, Value(options, OptionsMetadata), Value(options, RegexModeMetadata),
                Value(options, ClassNameMetadata), decoding);
        }

        /// <summary>Resolves and translates one filter in every mode it supports.</summary>
        public static FilterSpec Parse(ConfigFileInput filter, EquatableArray<IncludeFile> includes, GeneratorSettings settings,
            CancellationToken cancellationToken)
        {
            var filterName = FileNameWithoutExtension(filter.Path);
            var diagnostics = new List<DiagnosticInfo>();
            var fileStart = new LocationInfo(filter.Path, 1, 1, 0);
            var className = ClassName(filter, filterName, diagnostics, fileStart);
            var regexMode = settings.RegexMode;
            if (!string.IsNullOrWhiteSpace(filter.RegexMode))
            {
                var fileMode = ParseMode(filter.RegexMode, out var modeError);
                if (fileMode is { } m) regexMode = m;
                else diagnostics.Add(new DiagnosticInfo(GeneratorDiagnosticIds.InvalidSetting, DiagnosticLevel.Error, modeError!, fileStart));
            }

            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            var regexes = new List<RegexSpec>();
            var uses = new List<List<string>>();
            var variants = new List<VariantSpec>();
            var selectors = new List<SelectorSpec>();
            var captures = new List<CaptureSpec>();
            var filesRead = new List<string>();
            try
            {
                var source = new InMemoryConfigFileSource();
                foreach (var include in includes)
                    source.Add(Remember(paths, include.Path), DecodeFailure.ToConfigFileText(include.Text, include.Decoding));
                var path = Remember(paths, filter.Path);
                source.Add(path, DecodeFailure.ToConfigFileText(filter.Text, filter.Decoding));

                var reference = Reference(filterName, filter.Options);
                var first = FilterReader.ReadFile(source, path, reference);
                foreach (var warning in first.Warnings)
                    diagnostics.Add(new DiagnosticInfo(warning.Id, DiagnosticLevel.Warning, warning.Message, Locate(paths, warning.Location, 0)));
                foreach (var file in first.FilesRead)
                    if (!filesRead.Contains(Original(paths, file))) filesRead.Add(Original(paths, file));

                selectors.AddRange(FindSelectors(first, reference));
                var count = 1;
                foreach (var selector in selectors) count *= selector.Values.Count;
                for (var index = 0; index < count; index++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var values = VariantValues(selectors, index);
                    var resolved = index == 0 ? first : FilterReader.ReadFile(source, path, WithSelectors(filterName, reference, selectors, values));
                    var label = selectors.Count == 0 ? "" : "\t" + string.Join("/", values);
                    variants.Add(Translate(resolved, new EquatableArray<string>(values), label, paths, regexes, uses, cancellationToken));
                }
                var heading = selectors.Count == 1 ? selectors[0].Option + "s" : "variants";
                for (var i = 0; i < regexes.Count; i++)
                    regexes[i] = regexes[i] with { UsedBy = DescribeUses(uses[i], selectors.Count == 0 ? 0 : count, heading) };
                CollectCaptures(regexes, captures);
            }
            catch (Fail2BanException e)
            {
                // Errors in Fail2BanOptions metadata are located in a pseudo file: report them on the filter.
                var at = e.Location is { } l && paths.ContainsKey(l.File) ? Locate(paths, l, 0) : null;
                diagnostics.Add(new DiagnosticInfo(e.Id, DiagnosticLevel.Error, e.Message, at ?? fileStart));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnosticIds.InternalError, DiagnosticLevel.Error,
                    "Reading filter '" + filterName + "' failed unexpectedly: " + e.GetType().Name + ": " + e.Message, fileStart));
            }
            if (diagnostics.Exists(d => d.Level == DiagnosticLevel.Error))
            {
                variants.Clear();
                regexes.Clear();
                captures.Clear();
            }
            ToRoslynLines(filter, includes, diagnostics, regexes);

            return new FilterSpec(settings.Namespace, className, filterName, filter.Path, regexMode,
                new EquatableArray<SelectorSpec>(selectors), new EquatableArray<RegexSpec>(regexes),
                new EquatableArray<VariantSpec>(variants), new EquatableArray<CaptureSpec>(captures),
                new EquatableArray<string>(filesRead), new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        /// <summary>Most variants one class compiles; further selectors stay at their default.</summary>
        private const int MaxVariants = 64;

        /// <summary>Names the generated class already uses: a selector enum with such a name gets a suffix.</summary>
        private static readonly HashSet<string> ReservedTypeNames = new(StringComparer.Ordinal)
        {
            "Result", "FilterName", "Engine", "Match", "MatchLines", "GetCompiledFilter", "CreateEngine", "ReadLines", "Type",
        };

        /// <summary>
        /// The selector options of a filter: every option <c>X</c> used as <c>&lt;…&lt;X&gt;…&gt;</c> that has a
        /// default and at least two values (<see cref="FilterModeCatalog"/>), unless fixed by the filter options.
        /// <c>mode</c> comes first.
        /// </summary>
        private static List<SelectorSpec> FindSelectors(ResolvedFilter filter, FilterReference reference)
        {
            var names = new List<string>();
            foreach (var section in AllSections(filter.Config))
            {
                foreach (var option in section.Options)
                {
                    var text = option.RawValue.Text;
                    for (var at = text.IndexOf('<'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('<', at + 1))
                    {
                        var close = text.IndexOf('>', at + 1);
                        if (close < 0) break;
                        var name = text.Substring(at + 1, close - at - 1);
                        if (name.Length == 0 || !IsWord(name) || at == 0 || close + 1 >= text.Length) continue;
                        // must sit inside an outer <…> reference
                        var outerOpen = text.LastIndexOf('<', at - 1);
                        var outerClose = text.IndexOf('>', close + 1);
                        if (outerOpen < 0 || outerClose < 0 || text.IndexOfAny(new[] { ' ', '\t' }, outerOpen, outerClose - outerOpen) >= 0) continue;
                        if (!names.Contains(name)) names.Add(name);
                    }
                }
            }
            names.Sort((a, b) => (a == "mode" ? 0 : 1).CompareTo(b == "mode" ? 0 : 1));
            var selectors = new List<SelectorSpec>();
            var enumNames = new HashSet<string>(StringComparer.Ordinal);
            var product = 1;
            foreach (var name in names)
            {
                if (reference.Options.ContainsKey(name)) continue;
                var values = FilterModeCatalog.FindValues(filter.Config, name);
                if (values.Count < 2 || product * values.Count > MaxVariants) continue;
                product *= values.Count;
                var members = new HashSet<string>(StringComparer.Ordinal);
                var list = new List<SelectorValue>();
                foreach (var value in values) list.Add(new SelectorValue(value, Unique(members, TypeName(value))));
                var enumName = name == "logtype" ? "LogType" : TypeName(name);
                if (ReservedTypeNames.Contains(enumName)) enumName += "Option";
                selectors.Add(new SelectorSpec(name, Unique(enumNames, enumName), new EquatableArray<SelectorValue>(list)));
            }
            return selectors;
        }

        private static IEnumerable<ConfigSection> AllSections(MergedConfig config)
        {
            yield return config.Defaults;
            foreach (var section in config.Sections)
                if (!section.Name.StartsWith("known/", StringComparison.Ordinal)) yield return section;
        }

        private static bool IsWord(string name)
        {
            foreach (var c in name)
                if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
            return true;
        }

        private static string TypeName(string value)
        {
            var pascal = CSharpText.Pascal(value);
            return pascal.StartsWith("@", StringComparison.Ordinal) ? pascal.Substring(1) : pascal;
        }

        /// <summary>The selector values of variant <paramref name="index"/> (mixed radix, first selector most significant).</summary>
        private static List<string> VariantValues(List<SelectorSpec> selectors, int index)
        {
            var values = new string[selectors.Count];
            for (var i = selectors.Count - 1; i >= 0; i--)
            {
                var n = selectors[i].Values.Count;
                values[i] = selectors[i].Values[index % n].Value;
                index /= n;
            }
            return new List<string>(values);
        }

        /// <summary>
        /// Compiles one mode with the engine's own <see cref="FilterCompiler"/> (same order, checks and
        /// translation as at run time) and keeps its translated patterns, sharing identical ones across modes.
        /// </summary>
        private static VariantSpec Translate(ResolvedFilter filter, EquatableArray<string> values, string modeLabel,
            Dictionary<string, string> paths, List<RegexSpec> regexes, List<List<string>> uses, CancellationToken cancellationToken)
        {
            var compiled = FilterCompiler.Compile(filter, new FilterCompileOptions { Cancellation = cancellationToken });
            var pref = compiled.PrefRegex is { } p ? Add(regexes, uses, RegexKind.PrefRegex, p, paths, "prefregex" + modeLabel) : -1;
            var fail = new List<int>();
            for (var i = 0; i < compiled.FailRegexes.Count; i++)
                fail.Add(Add(regexes, uses, RegexKind.FailRegex, compiled.FailRegexes[i], paths, "failregex #" + i + modeLabel));
            var ignore = new List<int>();
            for (var i = 0; i < compiled.IgnoreRegexes.Count; i++)
                ignore.Add(Add(regexes, uses, RegexKind.IgnoreRegex, compiled.IgnoreRegexes[i], paths, "ignoreregex #" + i + modeLabel));
            if (compiled.DatePattern is { } datePattern) CheckDatePattern(datePattern, filter.DatePattern);
            return new VariantSpec(values, pref, new EquatableArray<int>(fail), new EquatableArray<int>(ignore),
                compiled.MaxLines, compiled.DatePattern);
        }

        /// <summary>An invalid datepattern would only fail when the matcher is created: report it at build time.</summary>
        private static void CheckDatePattern(string datePattern, LocatedString? located)
        {
            try
            {
                _ = new DateDetector(datePattern, new DateDetectorSettings { LocalZone = LocalTimeZone.Utc, CurrentYear = 2000, Now = 0 });
            }
            catch (Fail2BanException e) when (e.Location is null && located is not null)
            {
                throw new Fail2BanException(e.Id, e.Message, located.LocationAt(0), e);
            }
        }

        private static int Add(List<RegexSpec> regexes, List<List<string>> uses, RegexKind kind, CompiledRegex compiled,
            Dictionary<string, string> paths, string use)
        {
            var translated = compiled.Translated ?? throw new InvalidOperationException("FilterCompiler kept no translation");
            var groups = new EquatableArray<string>(translated.GroupNames);
            for (var i = 0; i < regexes.Count; i++)
            {
                var r = regexes[i];
                if (r.Kind == kind && r.Source == compiled.Source && r.DotNetPattern == translated.DotNetPattern
                    && r.Options == (int)translated.Options && r.GroupNames.Equals(groups))
                {
                    uses[i].Add(use);
                    return i;
                }
            }
            var number = 0;
            foreach (var r in regexes) if (r.Kind == kind) number++;
            var name = kind switch { RegexKind.PrefRegex => "PrefRegex", RegexKind.IgnoreRegex => "IgnoreRegex", _ => "FailRegex" } + number;
            var location = compiled.LocatedSource?.LocationAt(0);
            regexes.Add(new RegexSpec(name, kind, compiled.Source, translated.DotNetPattern, (int)translated.Options, groups,
                Locate(paths, location, compiled.Source.Length), ""));
            uses.Add(new List<string> { use });
            return regexes.Count - 1;
        }

        /// <summary>
        /// "failregex #0 (modes normal, aggressive); failregex #2 (mode extra)", or "prefregex (every mode)":
        /// each use is "role" or "role\tvariant".
        /// </summary>
        private static string DescribeUses(List<string> uses, int variantCount, string heading)
        {
            var roles = new List<string>();
            var modes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var use in uses)
            {
                var tab = use.IndexOf('\t');
                var role = tab < 0 ? use : use.Substring(0, tab);
                if (!modes.TryGetValue(role, out var list))
                {
                    roles.Add(role);
                    modes[role] = list = new List<string>();
                }
                if (tab >= 0) list.Add(use.Substring(tab + 1));
            }
            var parts = new List<string>();
            foreach (var role in roles)
            {
                var list = modes[role];
                if (list.Count == 0) parts.Add(role);
                else if (list.Count == variantCount) parts.Add(role + " (every " + heading.TrimEnd('s') + ")");
                else parts.Add(role + " (" + (list.Count > 1 ? heading : heading.TrimEnd('s')) + " " + string.Join(", ", list) + ")");
            }
            return string.Join("; ", parts);
        }

        /// <summary>One property per named group the filter declares, in first-appearance order.</summary>
        private static void CollectCaptures(List<RegexSpec> regexes, List<CaptureSpec> captures)
        {
            var seenGroups = new HashSet<string>(StringComparer.Ordinal);
            var names = new HashSet<string>(ReservedProperties, StringComparer.Ordinal);
            foreach (var regex in regexes)
            {
                foreach (var group in regex.GroupNames)
                {
                    if (!seenGroups.Add(group) || NonCaptureGroups.Contains(group)) continue;
                    if (group.Length == 0 || group[0] == '_' || char.IsDigit(group[0]) || IsSkipLines(group)) continue;
                    var property = CSharpText.Pascal(group);
                    if (property.StartsWith("@", StringComparison.Ordinal)) property = property.Substring(1) + "Capture";
                    if (ReservedProperties.Contains(property)) property += "Capture";
                    captures.Add(new CaptureSpec(group, Unique(names, property)));
                }
            }
        }

        private static bool IsSkipLines(string group)
        {
            if (!group.StartsWith("skiplines", StringComparison.Ordinal) || group.Length == 9) return false;
            for (var i = 9; i < group.Length; i++) if (!char.IsDigit(group[i])) return false;
            return true;
        }

        private static string Unique(HashSet<string> used, string name)
        {
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++) candidate = name + i;
            return candidate;
        }

        private static FilterReference Reference(string filterName, string? options)
        {
            if (string.IsNullOrWhiteSpace(options)) return FilterReference.ForName(filterName);
            var text = options!.Trim();
            if (text.Length > 1 && text[0] == '[' && text[text.Length - 1] == ']') text = text.Substring(1, text.Length - 2);
            return FilterReference.Parse(filterName + "[" + text + "]");
        }

        /// <summary>The filter options of a variant: the fixed ones plus each selector that is not at its default.</summary>
        private static FilterReference WithSelectors(string filterName, FilterReference reference, List<SelectorSpec> selectors, List<string> values)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in reference.Options) options[kv.Key] = kv.Value;
            for (var i = 0; i < selectors.Count; i++)
                if (values[i] != selectors[i].Values[0].Value) options[selectors[i].Option] = values[i];
            return FilterReference.FromOptions(filterName, options);
        }

        private static string ClassName(ConfigFileInput filter, string filterName, List<DiagnosticInfo> diagnostics, LocationInfo at)
        {
            if (!string.IsNullOrWhiteSpace(filter.ClassName))
            {
                var name = filter.ClassName!.Trim();
                if (CSharpText.IsIdentifier(name)) return name;
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnosticIds.InvalidSetting, DiagnosticLevel.Error,
                    "Fail2BanClassName '" + name + "' is not a valid C# identifier", at));
            }
            var pascal = CSharpText.Pascal(filterName);
            return (pascal.StartsWith("@", StringComparison.Ordinal) ? pascal.Substring(1) : pascal) + "Filter";
        }

        private static RegexMode? ParseMode(string? value, out string? error)
        {
            error = null;
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (string.Equals(value!.Trim(), "Generated", StringComparison.OrdinalIgnoreCase)) return RegexMode.Generated;
            if (string.Equals(value.Trim(), "Compiled", StringComparison.OrdinalIgnoreCase)) return RegexMode.Compiled;
            error = "Fail2BanRegexMode '" + value + "' is not one of Generated, Compiled";
            return null;
        }

        private static bool IsNamespace(string ns)
        {
            foreach (var part in ns.Split('.'))
                if (!CSharpText.IsIdentifier(part)) return false;
            return true;
        }

        private static string? Value(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        private static string FileNameWithoutExtension(string path)
        {
            var name = Emitter.FileName(path);
            return name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
                ? name.Substring(0, name.LastIndexOf('.'))
                : name;
        }

        /// <summary>The reader's path for a file (<c>/</c>-separated); remembers the original for diagnostics.</summary>
        private static string Remember(Dictionary<string, string> paths, string path)
        {
            var normalized = ConfigPath.Normalize(path.Replace('\\', '/'));
            paths[normalized] = path;
            return normalized;
        }

        private static string Original(Dictionary<string, string> paths, string path) =>
            paths.TryGetValue(path, out var original) ? original : path;

        /// <summary>Renumbers the engine's locations as Roslyn counts lines (U+0085, U+2028 and U+2029 break lines too).</summary>
        private static void ToRoslynLines(ConfigFileInput filter, EquatableArray<IncludeFile> includes, List<DiagnosticInfo> diagnostics,
            List<RegexSpec> regexes)
        {
            var texts = new Dictionary<string, string>(StringComparer.Ordinal) { [filter.Path] = filter.Text };
            foreach (var include in includes) texts[include.Path] = include.Text;
            LocationInfo? Convert(LocationInfo? l)
            {
                if (l is null || !texts.TryGetValue(l.FilePath, out var text)) return l;
                var (line, column) = LineNumbering.ToRoslyn(text, l.Line, l.Column);
                return line == l.Line && column == l.Column ? l : l with { Line = line, Column = column };
            }
            for (var i = 0; i < diagnostics.Count; i++) diagnostics[i] = diagnostics[i] with { Location = Convert(diagnostics[i].Location) };
            for (var i = 0; i < regexes.Count; i++) regexes[i] = regexes[i] with { Location = Convert(regexes[i].Location) };
        }

        private static LocationInfo? Locate(Dictionary<string, string> paths, SourceLocation? location, int length) =>
            location is { } l ? new LocationInfo(Original(paths, l.File), l.Line, l.Column, length) : null;
    }
}
