using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Matching;
using Fail2Ban.Generators.Tests.Infrastructure;

namespace Fail2Ban.Generators.Tests;

/// <summary>Options that select alternatives (mode, logtype, …) become enums: one class serves every combination.</summary>
public sealed class SelectorTests
{
    private const string Filter =
        "[DEFAULT]\n" +
        "logtype = file\n" +
        "[lt_file]\n" +
        "prefix = ^\\s*\\S+ app\\[\\d+\\]:\\s+\n" +
        "[lt_journal]\n" +
        "prefix = ^\\s*app\\[\\d+\\]:\\s+\n" +
        "[Definition]\n" +
        "mode = normal\n" +
        "prefregex = <lt_<logtype>/prefix><F-CONTENT>.+</F-CONTENT>$\n" +
        "mdre-normal = ^Login failed for <F-USER>\\S+</F-USER> from <HOST>$\n" +
        "mdre-extra = ^Blocked <HOST> after \\d+ attempts$\n" +
        "mdre-aggressive = %(mdre-normal)s\n" +
        "                  %(mdre-extra)s\n" +
        "failregex = <mdre-<mode>>\n";

    private static readonly string[] Log =
    {
        "Nov 28 10:00:01 host app[12]: Login failed for bob from 192.0.2.7",
        "Nov 28 10:00:02 app[12]: Login failed for eve from 192.0.2.8",
        "Nov 28 10:00:03 host app[12]: Blocked 2001:db8::9 after 5 attempts",
        "Nov 28 10:00:04 app[12]: Blocked 192.0.2.10 after 3 attempts",
    };

    [Fact]
    public void Mode_and_logtype_become_enums_and_every_combination_matches_like_the_engine()
    {
        var outcome = new GeneratorHarness().Filter("app.conf", Filter).Run();
        Assert.Empty(outcome.DiagnosticLines);
        Snapshot.Match("AppFilter", outcome.Source("Consumer.Filters.AppFilter.g.cs"));
        var type = outcome.Load().GetType("Consumer.Filters.AppFilter")!;
        var mode = type.GetNestedType("Mode")!;
        var logType = type.GetNestedType("LogType")!;
        Assert.Equal(new[] { "Normal", "Extra", "Aggressive" }, Enum.GetNames(mode));
        Assert.Equal(new[] { "File", "Journal" }, Enum.GetNames(logType));

        var files = new Dictionary<string, string> { ["/f/app.conf"] = Filter };
        foreach (var m in new[] { "normal", "extra", "aggressive" })
        {
            foreach (var lt in new[] { "file", "journal" })
            {
                var generated = (CompiledFilter)type.GetMethod("GetCompiledFilter")!.Invoke(null, new[]
                {
                    Enum.Parse(mode, m, ignoreCase: true), Enum.Parse(logType, lt, ignoreCase: true),
                })!;
                var engine = VerdictText.CompileWithEngine(files, "/f/app.conf", new Dictionary<string, string> { ["mode"] = m, ["logtype"] = lt });
                var expected = VerdictText.Run(engine, Log);
                Assert.Equal(expected, VerdictText.Run(generated, Log));
                Assert.Contains(expected, l => l.Contains(" Matched "));
            }
        }
    }

    [Fact]
    public void A_selector_fixed_by_the_filter_options_is_not_an_enum()
    {
        var outcome = new GeneratorHarness().Filter("app.conf", Filter, options: "logtype=journal").Run();
        Assert.Empty(outcome.DiagnosticLines);
        var type = outcome.Load().GetType("Consumer.Filters.AppFilter")!;
        Assert.NotNull(type.GetNestedType("Mode"));
        Assert.Null(type.GetNestedType("LogType"));
        var filter = (CompiledFilter)type.GetMethod("GetCompiledFilter")!.Invoke(null, new[] { Enum.Parse(type.GetNestedType("Mode")!, "Extra") })!;
        var lines = VerdictText.Run(filter, Log);
        Assert.Equal(new[] { "Missed", "Missed", "Missed", "Matched" }, lines.Select(l => l.Split(' ')[1]));
    }
}
