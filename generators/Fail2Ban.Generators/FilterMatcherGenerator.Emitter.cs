using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Fail2Ban.Generators.Model;

namespace Fail2Ban.Generators;

public sealed partial class FilterMatcherGenerator
{
    /// <summary>
    /// Writes the C# for one <see cref="FilterSpec"/>. Two files per filter: the regex declarations
    /// (self-contained, BCL only, so the nested RegexGenerator can compile them on their own) and the
    /// matcher API over Fail2Ban.Core.
    /// </summary>
    internal static class Emitter
    {
        private const string GeneratedCodeAttribute =
            "[global::System.CodeDom.Compiler.GeneratedCode(\"Fail2Ban.Generators\", \"0.1.0\")]";

        private const string RegexType = "global::System.Text.RegularExpressions.Regex";
        private const string RegexOptionsType = "global::System.Text.RegularExpressions.RegexOptions";
        private const string Core = "global::Fail2Ban.Core";
        private const string Support = Core + ".Matching.GeneratedMatcherSupport";

        /// <summary>How long one regex may run on one line (Fail2Ban.Core's MatcherOptions default).</summary>
        internal const int MatchTimeoutMilliseconds = 2000;

        public static string HintPrefix(FilterSpec spec) =>
            (spec.Namespace.Length == 0 ? "" : spec.Namespace + ".") + spec.ClassName;

        /// <summary>The partial class holding the patterns as constants and one accessor per regex.</summary>
        public static string RegexDeclarations(FilterSpec spec, RegexMode mode)
        {
            var w = Header(spec);
            OpenNamespace(w, spec);
            w.Open("partial class " + spec.ClassName);
            var first = true;
            foreach (var regex in spec.Regexes)
            {
                if (!first) w.Line();
                first = false;
                WriteRegex(w, spec, regex, mode);
            }
            w.Close();
            CloseNamespace(w, spec);
            return w.ToString();
        }

        private static void WriteRegex(SourceWriter w, FilterSpec spec, RegexSpec regex, RegexMode mode)
        {
            var kind = OptionName(regex.Kind);
            w.Line("/// <summary>");
            w.Line("/// The " + kind + " <c>" + CSharpText.Xml(regex.Source) + "</c> translated to .NET.");
            w.Line("/// </summary>");
            w.Line("/// <remarks>");
            w.Line("/// Written at " + CSharpText.Xml(LocationText(spec, regex.Location)) + "; used by " + CSharpText.Xml(regex.UsedBy) + ".");
            w.Line("/// Options: " + CSharpText.Xml(OptionsText(regex.Options)) + ".");
            w.Line("/// </remarks>");
            w.Line("public const string " + regex.MemberName + "Pattern = " + CSharpText.Literal(regex.DotNetPattern) + ";");
            w.Line();
            w.Line("/// <summary>The " + kind + " as written in the filter, before Fail2Ban's tags are expanded.</summary>");
            w.Line("private const string " + regex.MemberName + "Source = " + CSharpText.Literal(regex.Source) + ";");
            w.Line();
            var options = OptionsExpression(regex.Options);
            if (mode == RegexMode.Generated)
            {
                w.Line("[global::System.Text.RegularExpressions.GeneratedRegex(" + regex.MemberName + "Pattern, " + options + ", "
                    + MatchTimeoutMilliseconds + ")]");
                w.Line("private static partial " + RegexType + " " + regex.MemberName + "();");
            }
            else
            {
                var field = "s_" + char.ToLowerInvariant(regex.MemberName[0]) + regex.MemberName.Substring(1);
                w.Line("private static " + RegexType + "? " + field + ";");
                w.Line();
                w.Line("private static " + RegexType + " " + regex.MemberName + "() => " + field + " ??= new " + RegexType + "(");
                w.Line("    " + regex.MemberName + "Pattern, " + options + " | " + RegexOptionsType + ".Compiled,");
                w.Line("    global::System.TimeSpan.FromMilliseconds(" + MatchTimeoutMilliseconds + "));");
            }
        }

        /// <summary>The matcher API: selector enums (modes), Core's compiled filter, the typed result and the line/stream methods.</summary>
        public static string Matcher(FilterSpec spec)
        {
            var w = Header(spec);
            OpenNamespace(w, spec);
            var cls = spec.ClassName;
            w.Line("/// <summary>");
            w.Line("/// Matcher for the Fail2Ban filter <c>" + CSharpText.Xml(spec.FilterName) + "</c> (<c>"
                + CSharpText.Xml(FileName(spec.SourcePath)) + "</c>), translated at build time.");
            w.Line("/// </summary>");
            w.Line("/// <remarks>");
            w.Line("/// Verdicts are Fail2Ban's: lines run through <see cref=\"" + Core + ".Matching.FilterMatcher\"/> over the");
            w.Line("/// precompiled regexes of this class. An instance keeps the state of one log stream (multi-line");
            w.Line("/// buffer, <c>&lt;F-MLFID&gt;</c> connections, last date), so feed it lines in order.");
            w.Line("/// </remarks>");
            w.Line(GeneratedCodeAttribute);
            w.Open("public sealed partial class " + cls);
            w.Line("/// <summary>The filter's name (its file name without <c>.conf</c>).</summary>");
            w.Line("public const string FilterName = " + CSharpText.Literal(spec.FilterName) + ";");
            w.Line();

            foreach (var selector in spec.Selectors)
            {
                var option = CSharpText.Xml(selector.Option);
                w.Line("/// <summary>Values of the filter's <c>" + option + "</c> option; one class serves them all.</summary>");
                w.Open("public enum " + selector.EnumName);
                for (var i = 0; i < selector.Values.Count; i++)
                {
                    var v = selector.Values[i];
                    w.Line("/// <summary><c>" + option + " = " + CSharpText.Xml(v.Value) + "</c>" + (i == 0 ? " (the filter's default)" : "") + ".</summary>");
                    w.Line(v.MemberName + ",");
                }
                w.Close();
                w.Line();
                w.Line("/// <summary>The <c>" + option + "</c> the filter uses when none is given.</summary>");
                w.Line("public const " + selector.EnumName + " Default" + selector.EnumName + " = " + selector.EnumName + "."
                    + selector.Values[0].MemberName + ";");
                w.Line();
            }

            // Core's view of the regexes: created once, shared by every variant and instance.
            foreach (var regex in spec.Regexes)
            {
                var field = "s_" + char.ToLowerInvariant(regex.MemberName[0]) + regex.MemberName.Substring(1) + "Core";
                w.Line("private static " + Core + ".Matching.CompiledRegex? " + field + ";");
                w.Line("private static " + Core + ".Matching.CompiledRegex " + regex.MemberName + "Core => " + field
                    + " ??= new " + Core + ".Matching.CompiledRegex(" + regex.MemberName + "Source, " + regex.MemberName + "(), "
                    + StringArray(regex.GroupNames) + ");");
                w.Line();
            }

            // Selector parameters: "Mode mode = DefaultMode, LogType logType = DefaultLogType".
            var parameters = new List<string>();
            var arguments = new List<string>();
            foreach (var selector in spec.Selectors)
            {
                var name = ParameterName(selector.EnumName);
                parameters.Add(selector.EnumName + " " + name + " = Default" + selector.EnumName);
                arguments.Add(name);
            }
            var selectorParams = string.Join(", ", parameters);
            var selectorArgs = string.Join(", ", arguments);
            var lead = parameters.Count > 0 ? ", " : "";

            // One CompiledFilter per variant, built on first use.
            w.Line("private static readonly " + Core + ".Matching.CompiledFilter?[] s_filters = new " + Core + ".Matching.CompiledFilter?["
                + spec.Variants.Count + "];");
            w.Line();
            w.Line("/// <summary>Fail2Ban.Core's compiled form of the filter" + (spec.Selectors.Count > 0 ? " for the given option values" : "")
                + " (immutable, shared).</summary>");
            w.Open("public static " + Core + ".Matching.CompiledFilter GetCompiledFilter(" + selectorParams + ")");
            // Variants are numbered in mixed radix, the first selector most significant (as the parser lists them).
            var index = "0";
            foreach (var selector in spec.Selectors)
            {
                var name = ParameterName(selector.EnumName);
                w.Line("if ((uint)" + name + " >= " + selector.Values.Count + ") throw new global::System.ArgumentOutOfRangeException(nameof("
                    + name + "));");
                index = index == "0" ? "(int)" + name : "(" + index + ") * " + selector.Values.Count + " + (int)" + name;
            }
            w.Line("var index = " + index + ";");
            w.Line("return s_filters[index] ??= Build(index);");
            w.Line();
            w.Open("static " + Core + ".Matching.CompiledFilter Build(int index)");
            w.Open("switch (index)");
            for (var i = 0; i < spec.Variants.Count; i++)
            {
                if (spec.Selectors.Count > 0) w.Line("// " + string.Join(", ", Labels(spec, spec.Variants[i])));
                w.Line("case " + i + ": return " + FilterExpression(spec, spec.Variants[i]) + ";");
            }
            w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(index));");
            w.Close();
            w.Close();
            w.Close();
            w.Line();

            w.Line("/// <summary>Creates Fail2Ban.Core's matcher for one log stream (default options: <c>fail2ban-regex</c>'s switches, now = the clock).</summary>");
            w.Open("public static " + Core + ".Matching.FilterMatcher CreateEngine(" + selectorParams + lead + Core
                + ".Matching.MatcherOptions? options = null, " + Core + ".Dates.DateDetectorSettings? dateSettings = null)");
            w.Line("options ??= new " + Core + ".Matching.MatcherOptions");
            w.Line("{");
            w.Line("    Now = (global::System.DateTime.UtcNow - global::System.DateTime.UnixEpoch).TotalSeconds,");
            w.Line("};");
            w.Line("return new " + Core + ".Matching.FilterMatcher(GetCompiledFilter(" + selectorArgs + "), options, dateSettings ?? "
                + Core + ".Dates.DateDetectorSettings.Default);");
            w.Close();
            w.Line();

            w.Line("private readonly " + Core + ".Matching.FilterMatcher _engine;");
            w.Line();
            w.Line("/// <summary>A matcher for one log stream" + (spec.Selectors.Count > 0 ? " with the given option values" : "")
                + ", engine options and date settings.</summary>");
            w.Open("public " + cls + "(" + selectorParams + lead + Core + ".Matching.MatcherOptions? options = null, " + Core
                + ".Dates.DateDetectorSettings? dateSettings = null)");
            foreach (var selector in spec.Selectors)
                w.Line("Current" + selector.EnumName + " = " + ParameterName(selector.EnumName) + ";");
            w.Line("_engine = CreateEngine(" + selectorArgs + lead + "options, dateSettings);");
            w.Close();
            w.Line();
            foreach (var selector in spec.Selectors)
            {
                w.Line("/// <summary>The <c>" + CSharpText.Xml(selector.Option) + "</c> this matcher runs.</summary>");
                w.Line("public " + selector.EnumName + " Current" + selector.EnumName + " { get; }");
                w.Line();
            }
            w.Line("/// <summary>The underlying engine (buffer, date detector, compiled filter).</summary>");
            w.Line("public " + Core + ".Matching.FilterMatcher Engine => _engine;");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Processes the next line of the stream (without its line terminator). A line that yields nothing");
            w.Line("/// (no failure, nothing ignored) gives <c>default</c> and, in steady state, allocates nothing.");
            w.Line("/// </summary>");
            w.Line("public Result Match(string line) => _engine.TryProcessLine(line, out var result) ? new Result(result!) : default;");
            w.Line();
            w.Line("/// <summary>Processes the next line with a time supplied by the caller (journal entries: no date detection).</summary>");
            w.Line("public Result Match(string line, double epochSeconds, string? timeText = null) =>");
            w.Line("    new Result(_engine.ProcessLine(line, epochSeconds, timeText));");
            w.Line();
            w.Line("/// <summary>Processes <paramref name=\"lines\"/> in order, one result per line.</summary>");
            w.Open("public global::System.Collections.Generic.IEnumerable<Result> MatchLines(global::System.Collections.Generic.IEnumerable<string> lines)");
            w.Line("if (lines is null) throw new global::System.ArgumentNullException(nameof(lines));");
            w.Line("return " + Support + ".MatchEach<Result>(lines, Match);");
            w.Close();
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads <paramref name=\"reader\"/> to its end, one result per line. Lines end at <c>\\n</c>; trailing");
            w.Line("/// <c>\\r</c> and <c>\\n</c> are removed and an embedded <c>\\r</c> stays, as Fail2Ban reads logs.");
            w.Line("/// </summary>");
            w.Open("public global::System.Collections.Generic.IEnumerable<Result> MatchLines(global::System.IO.TextReader reader)");
            w.Line("if (reader is null) throw new global::System.ArgumentNullException(nameof(reader));");
            w.Line("return MatchLines(" + Support + ".ReadLines(reader));");
            w.Close();
            w.Line();
            WriteResult(w, spec);
            w.Close();
            CloseNamespace(w, spec);
            return w.ToString();
        }

        private static void WriteResult(SourceWriter w, FilterSpec spec)
        {
            w.Line("/// <summary>");
            w.Line("/// What one line produced: a struct over the engine's result, describing the first failure (an entry");
            w.Line("/// with an id that is not a no-failure). The values are those <c>filterlint regex --json</c> prints.");
            w.Line("/// </summary>");
            w.Open("public readonly struct Result");
            w.Line("private readonly " + Core + ".Matching.Failure? _failure;");
            w.Line();
            w.Line("/// <summary>Wraps the engine's result for one line.</summary>");
            w.Open("public Result(" + Core + ".Matching.LineResult line)");
            w.Line("Line = line ?? throw new global::System.ArgumentNullException(nameof(line));");
            w.Line("_failure = " + Support + ".FirstFailure(line, out var ignored);");
            w.Line("IsIgnored = ignored;");
            w.Close();
            w.Line();
            w.Line("/// <summary>The engine's full result for the line; null when the line yielded nothing (<c>default</c>).</summary>");
            w.Line("public " + Core + ".Matching.LineResult? Line { get; }");
            w.Line();
            w.Line("/// <summary>The failure the properties describe, or null.</summary>");
            w.Line("public " + Core + ".Matching.Failure? Failure => _failure;");
            w.Line();
            w.Line("/// <summary>The line produced a failure: an entry with an id (address, host or <c>&lt;F-ID&gt;</c>) that is not a no-failure.</summary>");
            w.Line("public bool Success => _failure is not null;");
            w.Line();
            w.Line("/// <summary><c>fail2ban-regex</c> counts the line as ignored: an ignoreregex matched, or an entry was a no-failure");
            w.Line("/// (<c>&lt;F-NOFAIL&gt;</c>, a successful login). A line can have a failure and be ignored.</summary>");
            w.Line("public bool IsIgnored { get; }");
            w.Line();
            w.Line("/// <summary>Index (0-based) of the failregex that matched, in the mode's failregex list.</summary>");
            w.Line("public int? RegexIndex => _failure?.RegexIndex;");
            w.Line();
            w.Line("/// <summary>The failure id Fail2Ban counts: the address, host name or <c>&lt;F-ID&gt;</c> value.</summary>");
            w.Line("public string? Host => _failure?.Id?.Text;");
            w.Line();
            w.Line("/// <summary>The address: the one Fail2Ban bans for a custom id, else the address group as captured, else the id.</summary>");
            w.Line("public string? Ip => " + Support + ".Ip(_failure);");
            w.Line();
            w.Line("/// <summary>The <c>&lt;F-USER&gt;</c> capture (or one merged from an <c>ALT_USER</c> group).</summary>");
            w.Line("public string? User => _failure?.User;");
            w.Line();
            w.Line("/// <summary>The <c>&lt;F-ID&gt;</c> capture, when the filter declares one.</summary>");
            w.Line("public string? Id => _failure?.Fid;");
            w.Line();
            w.Line("/// <summary>The failure's time in epoch seconds, or null (no failure, or the line had no usable date).</summary>");
            w.Line("public double? EpochSeconds => _failure?.Time;");
            w.Line();
            w.Line("/// <summary>The failure's time as UTC, or null.</summary>");
            w.Line("public global::System.DateTimeOffset? Time => " + Support + ".Time(EpochSeconds);");
            foreach (var capture in spec.Captures)
            {
                w.Line();
                w.Line("/// <summary>The <c>" + CSharpText.Xml(capture.GroupName) + "</c> capture of the match, or null.</summary>");
                w.Line("public string? " + capture.PropertyName + " => _failure?.Data.GetString(" + CSharpText.Literal(capture.GroupName) + ");");
            }
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override string ToString() => Success ? \"match \" + Host + (IsIgnored ? \" (ignored)\" : \"\") : IsIgnored ? \"ignored\" : \"no match\";");
            w.Close();
        }

        private static string ParameterName(string enumName)
        {
            var name = char.ToLowerInvariant(enumName[0]) + enumName.Substring(1);
            return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;
        }

        private static IEnumerable<string> Labels(FilterSpec spec, VariantSpec variant)
        {
            for (var i = 0; i < spec.Selectors.Count; i++) yield return spec.Selectors[i].Option + "=" + variant.Values[i];
        }

        private static string FilterExpression(FilterSpec spec, VariantSpec mode)
        {
            var sb = new StringBuilder();
            sb.Append("new ").Append(Core).Append(".Matching.CompiledFilter(FilterName, ");
            sb.Append(mode.PrefRegex >= 0 ? spec.Regexes[mode.PrefRegex].MemberName + "Core" : "null");
            sb.Append(", ").Append(RegexArray(spec, mode.FailRegexes));
            sb.Append(", ").Append(RegexArray(spec, mode.IgnoreRegexes));
            sb.Append(", ").Append(mode.MaxLines);
            sb.Append(", ").Append(CSharpText.Literal(mode.DatePattern)).Append(')');
            return sb.ToString();
        }

        private static string RegexArray(FilterSpec spec, EquatableArray<int> indexes)
        {
            if (indexes.Count == 0) return "global::System.Array.Empty<" + Core + ".Matching.CompiledRegex>()";
            var parts = new List<string>();
            foreach (var i in indexes) parts.Add(spec.Regexes[i].MemberName + "Core");
            return "new " + Core + ".Matching.CompiledRegex[] { " + string.Join(", ", parts) + " }";
        }

        private static string StringArray(EquatableArray<string> values)
        {
            if (values.Count == 0) return "global::System.Array.Empty<string>()";
            var parts = new List<string>();
            foreach (var v in values) parts.Add(CSharpText.Literal(v));
            return "new string[] { " + string.Join(", ", parts) + " }";
        }

        private static SourceWriter Header(FilterSpec spec)
        {
            var w = new SourceWriter();
            w.Line("// <auto-generated/>");
            w.Line("// Fail2Ban.Generators: matcher for " + FileName(spec.SourcePath) + ". Edit the .conf file, not this one.");
            // Annotations only: the public API keeps its nullability, and the compiler skips the nullable
            // flow analysis of every generated body (a sixth of the compile time of 97 filters).
            w.Line("#nullable enable annotations");
            w.Line();
            return w;
        }

        private static void OpenNamespace(SourceWriter w, FilterSpec spec)
        {
            if (spec.Namespace.Length > 0) w.Open("namespace " + spec.Namespace);
        }

        private static void CloseNamespace(SourceWriter w, FilterSpec spec)
        {
            if (spec.Namespace.Length > 0) w.Close();
        }

        private static string OptionName(RegexKind kind) => kind switch
        {
            RegexKind.PrefRegex => "prefregex",
            RegexKind.IgnoreRegex => "ignoreregex",
            _ => "failregex",
        };

        private static string LocationText(FilterSpec spec, LocationInfo? location) =>
            location is null ? FileName(spec.SourcePath) : FileName(location.FilePath) + "(" + location.Line + "," + location.Column + ")";

        internal static string FileName(string path)
        {
            var i = path.LastIndexOfAny(new[] { '/', '\\' });
            return i < 0 ? path : path.Substring(i + 1);
        }

        private static string OptionsExpression(int options)
        {
            var value = (RegexOptions)options;
            if (value == RegexOptions.None) return RegexOptionsType + ".None";
            var parts = new List<string>();
            foreach (RegexOptions flag in new[]
            {
                RegexOptions.IgnoreCase, RegexOptions.Multiline, RegexOptions.ExplicitCapture, RegexOptions.Singleline,
                RegexOptions.IgnorePatternWhitespace, RegexOptions.RightToLeft, RegexOptions.ECMAScript, RegexOptions.CultureInvariant,
            })
            {
                if ((value & flag) != 0) parts.Add(RegexOptionsType + "." + flag);
            }
            return string.Join(" | ", parts);
        }

        private static string OptionsText(int options) => ((RegexOptions)options).ToString();
    }
}
