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
            var text = file.GetText(cancellationToken)?.ToString() ?? "";
            return new ConfigFileInput(kind, file.Path, text, Value(options, OptionsMetadata), Value(options, RegexModeMetadata),
                Value(options, ClassNameMetadata));
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
            var modes = new List<ModeSpec>();
            var captures = new List<CaptureSpec>();
            var filesRead = new List<string>();
            var hasModeEnum = false;
            try
            {
                var source = new InMemoryConfigFileSource();
                foreach (var include in includes) source.Add(Remember(paths, include.Path), include.Text);
                var path = Remember(paths, filter.Path);
                source.Add(path, filter.Text);

                var reference = Reference(filterName, filter.Options);
                var first = FilterReader.ReadFile(source, path, reference);
                foreach (var warning in first.Warnings)
                    diagnostics.Add(new DiagnosticInfo(warning.Id, DiagnosticLevel.Warning, warning.Message, Locate(paths, warning.Location, 0)));
                foreach (var file in first.FilesRead)
                    if (!filesRead.Contains(Original(paths, file))) filesRead.Add(Original(paths, file));

                var modeValues = new List<string>();
                if (reference.Options.TryGetValue("mode", out var fixedMode)) modeValues.Add(fixedMode);
                else modeValues.AddRange(first.Modes);
                hasModeEnum = modeValues.Count > 1;
                if (modeValues.Count == 0) modeValues.Add("");

                var modeMembers = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < modeValues.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var value = modeValues[i];
                    var resolved = i == 0 ? first : FilterReader.ReadFile(source, path, WithMode(filterName, reference, value));
                    var member = Unique(modeMembers, value.Length == 0 ? "Default" : CSharpText.Pascal(value));
                    modes.Add(Translate(resolved, value, member, hasModeEnum, paths, regexes, uses));
                }
                for (var i = 0; i < regexes.Count; i++)
                    regexes[i] = regexes[i] with { UsedBy = DescribeUses(uses[i], hasModeEnum ? modeValues.Count : 0) };
                CollectCaptures(regexes, captures);
            }
            catch (Fail2BanException e)
            {
                diagnostics.Add(new DiagnosticInfo(e.Id, DiagnosticLevel.Error, e.Message, Locate(paths, e.Location, 0) ?? fileStart));
                modes.Clear();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnosticIds.InternalError, DiagnosticLevel.Error,
                    "Reading filter '" + filterName + "' failed unexpectedly: " + e.GetType().Name + ": " + e.Message, fileStart));
                modes.Clear();
            }
            if (diagnostics.Exists(d => d.Level == DiagnosticLevel.Error)) modes.Clear();

            return new FilterSpec(settings.Namespace, className, filterName, filter.Path, regexMode, hasModeEnum,
                new EquatableArray<RegexSpec>(modes.Count == 0 ? new List<RegexSpec>() : regexes),
                new EquatableArray<ModeSpec>(modes), new EquatableArray<CaptureSpec>(captures),
                new EquatableArray<string>(filesRead), new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        /// <summary>
        /// Compiles one mode with the engine's own <see cref="FilterCompiler"/> (same order, checks and
        /// translation as at run time) and keeps its translated patterns, sharing identical ones across modes.
        /// </summary>
        private static ModeSpec Translate(ResolvedFilter filter, string modeValue, string member, bool hasModes,
            Dictionary<string, string> paths, List<RegexSpec> regexes, List<List<string>> uses)
        {
            var compiled = FilterCompiler.Compile(filter);
            var modeLabel = hasModes ? "\t" + modeValue : "";
            var pref = compiled.PrefRegex is { } p ? Add(regexes, uses, RegexKind.PrefRegex, p, paths, "prefregex" + modeLabel) : -1;
            var fail = new List<int>();
            for (var i = 0; i < compiled.FailRegexes.Count; i++)
                fail.Add(Add(regexes, uses, RegexKind.FailRegex, compiled.FailRegexes[i], paths, "failregex #" + i + modeLabel));
            var ignore = new List<int>();
            for (var i = 0; i < compiled.IgnoreRegexes.Count; i++)
                ignore.Add(Add(regexes, uses, RegexKind.IgnoreRegex, compiled.IgnoreRegexes[i], paths, "ignoreregex #" + i + modeLabel));
            if (compiled.DatePattern is { } datePattern) CheckDatePattern(datePattern, filter.DatePattern);
            return new ModeSpec(modeValue, member, pref, new EquatableArray<int>(fail), new EquatableArray<int>(ignore),
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
        /// each use is "role" or "role\tmode".
        /// </summary>
        private static string DescribeUses(List<string> uses, int modeCount)
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
                else if (list.Count == modeCount) parts.Add(role + " (every mode)");
                else parts.Add(role + " (mode" + (list.Count > 1 ? "s " : " ") + string.Join(", ", list) + ")");
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

        private static FilterReference WithMode(string filterName, FilterReference reference, string mode)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in reference.Options) options[kv.Key] = kv.Value;
            options["mode"] = mode;
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

        private static LocationInfo? Locate(Dictionary<string, string> paths, SourceLocation? location, int length) =>
            location is { } l ? new LocationInfo(Original(paths, l.File), l.Line, l.Column, length) : null;
    }
}
