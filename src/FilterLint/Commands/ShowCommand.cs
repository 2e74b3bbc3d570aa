using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;
using FilterLint.Files;

namespace FilterLint.Commands;

/// <summary><c>filterlint show</c>: prints the option strings Fail2Ban's reader produces for a filter, and where each came from.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = "Fail2Ban configuration directory; FILTER names are looked up in DIR/filter.d.",
            HelpName = "DIR",
            DefaultValueFactory = _ => FilterReader.DefaultConfigDirectory,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object {prefregex, failregex, ignoreregex, maxlines, datepattern, journalmatch, usedns}.",
        };
        var filter = new Argument<string>("FILTER")
        {
            Description = "A filter name (looked up in DIR/filter.d) or a path to a .conf file, optionally followed by " +
                          "options as fail2ban-regex takes them: 'sshd[mode=aggressive, logtype=journal]'.",
        };
        var command = new Command("show",
            "Show a filter's resolved options (interpolated, config tags substituted, regex tags such as <HOST> kept) " +
            "with the file, line and column each came from.")
        {
            config,
            json,
            filter,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return Run(parse.GetValue(config)!, parse.GetValue(filter)!, parse.GetValue(json), output, error);
        });
        return command;
    }

    private static int Run(string configDir, string filterText, bool asJson, TextWriter output, TextWriter error)
    {
        ResolvedFilter resolved;
        try
        {
            var files = new PhysicalConfigFileSource();
            var cwd = PhysicalConfigFileSource.ToConfigPath(Directory.GetCurrentDirectory());
            var origin = new SourceLocation("<command line>", 1, 1);
            if (FilterArgumentCheck.MalformedOptions(files, PhysicalConfigFileSource.ToConfigPath(configDir), filterText, cwd, origin) is { } bad)
                throw bad;
            var argument = FilterArgument.Resolve(files, PhysicalConfigFileSource.ToConfigPath(configDir), filterText, cwd, origin);
            if (argument.Kind == FilterArgumentKind.LiteralRegex)
            {
                error.WriteLine("error " + DiagnosticIds.FilterNotFound + ": no filter '" + filterText + "' found (looked in "
                    + ConfigPath.Combine(PhysicalConfigFileSource.ToConfigPath(configDir), FilterReader.FilterDirectoryName) + ")");
                return ExitCodes.Error;
            }
            // fail2ban-regex sets logtype from its (default, file-based) backend.
            resolved = FilterReader.Read(files, argument, autoLogType: "file");
        }
        catch (Fail2BanException e)
        {
            error.WriteLine(DiagnosticText.Error(e));
            return ExitCodes.Error;
        }
        foreach (var warning in resolved.Warnings)
            error.WriteLine(DiagnosticText.Warning(warning));
        if (asJson) WriteJson(resolved, output);
        else WriteText(resolved, output);
        // Fail2Ban tolerates these (a missing include, a cycle), but they are problems in the filter.
        return resolved.Warnings.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static void WriteJson(ResolvedFilter filter, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            WriteString(w, "prefregex", filter.PrefRegex);
            WriteArray(w, "failregex", filter.FailRegex);
            WriteArray(w, "ignoreregex", filter.IgnoreRegex);
            if (filter.MaxLines is { } n) w.WriteNumber("maxlines", n);
            else w.WriteNull("maxlines");
            WriteString(w, "datepattern", filter.DatePattern);
            WriteArray(w, "journalmatch", filter.JournalMatch);
            WriteString(w, "usedns", filter.UseDnsValue);
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteString(Utf8JsonWriter w, string name, LocatedString? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value.Text);
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<LocatedString> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v.Text);
        w.WriteEndArray();
    }

    private static void WriteText(ResolvedFilter filter, TextWriter output)
    {
        output.WriteLine("filter " + filter.Name + FormatOptions(filter.Options));
        output.WriteLine("files read:");
        foreach (var f in filter.FilesRead) output.WriteLine("  " + f);
        if (filter.Modes.Count > 0) output.WriteLine("modes: " + string.Join(", ", filter.Modes));
        WriteOption(output, filter, "prefregex", filter.PrefRegex is null ? Array.Empty<LocatedString>() : new[] { filter.PrefRegex });
        WriteOption(output, filter, "failregex", filter.FailRegex);
        WriteOption(output, filter, "ignoreregex", filter.IgnoreRegex);
        WriteOption(output, filter, "maxlines", filter.MaxLinesValue is null ? Array.Empty<LocatedString>() : new[] { filter.MaxLinesValue });
        WriteOption(output, filter, "datepattern", filter.DatePattern is null ? Array.Empty<LocatedString>() : filter.DatePattern.Split('\n'));
        WriteOption(output, filter, "journalmatch", filter.JournalMatch);
        WriteOption(output, filter, "usedns", filter.UseDnsValue is null ? Array.Empty<LocatedString>() : new[] { filter.UseDnsValue });
    }

    private static void WriteOption(TextWriter output, ResolvedFilter filter, string name, IReadOnlyList<LocatedString> lines)
    {
        if (!filter.TryGetValue(name, out var option) || option.Value is null)
        {
            output.WriteLine(name + ": (not set)");
            return;
        }
        output.WriteLine(name + ": from " + Describe(option) + (lines.Count == 1 ? "" : ", " + lines.Count + " entries"));
        foreach (var line in lines)
            output.WriteLine("  " + Where(line) + ": " + line.Text);
    }

    private static string Describe(ResolvedOption option)
    {
        var source = option.Source switch
        {
            OptionSource.FilterOptions => "filter options",
            OptionSource.InitSection => "[Init]",
            OptionSource.DefaultSection => "[DEFAULT]",
            OptionSource.Automatic => "fail2ban-regex default",
            _ => "[Definition]",
        };
        return option.DefinedAt is { } at ? source + " " + at : source;
    }

    private static string Where(LocatedString value) =>
        value.LocationAt(0)?.ToString() ?? "(unknown)";

    private static string FormatOptions(IReadOnlyDictionary<string, string> options)
    {
        if (options.Count == 0) return "";
        var parts = new List<string>();
        foreach (var kv in options) parts.Add(kv.Key + "=" + kv.Value);
        return "[" + string.Join(", ", parts) + "]";
    }
}
