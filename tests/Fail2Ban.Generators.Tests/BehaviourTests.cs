using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Fail2Ban.Core.Matching;
using Fail2Ban.Generators.Tests.Infrastructure;

namespace Fail2Ban.Generators.Tests;

/// <summary>Generated matchers, compiled and loaded, give the engine's verdicts and expose typed values.</summary>
public sealed class BehaviourTests
{
    private static readonly Lazy<Assembly> CompiledMode = new(() => SnapshotTests.Samples("Compiled").Run().Load());
    private static readonly Lazy<Assembly> GeneratedMode = new(() => SnapshotTests.Samples("Generated").Run().Load());

    private static Dictionary<string, string> SampleFiles() => new()
    {
        ["/s/syslog-prefix.conf"] = RepoFiles.SampleFilter("syslog-prefix.conf"),
        ["/s/mailrelay.conf"] = RepoFiles.SampleFilter("mailrelay.conf"),
        ["/s/sshd-lite.conf"] = RepoFiles.SampleFilter("sshd-lite.conf"),
    };

    private static CompiledFilter Generated(Assembly assembly, string className, string? mode)
    {
        var type = assembly.GetType("Consumer.Filters." + className, throwOnError: true)!;
        var method = type.GetMethod("GetCompiledFilter")!;
        var parameters = method.GetParameters();
        object?[] args = parameters.Length == 0 ? Array.Empty<object?>()
            : mode is null ? new[] { parameters[0].DefaultValue }
            : new[] { Enum.Parse(type.GetNestedType("Mode")!, mode, ignoreCase: true) };
        return (CompiledFilter)method.Invoke(null, args)!;
    }

    public static TheoryData<string, string, string, string?> Cases => new()
    {
        { "Compiled", "mailrelay", "MailrelayFilter", null },
        { "Compiled", "mailrelay", "MailrelayFilter", "auth" },
        { "Compiled", "mailrelay", "MailrelayFilter", "ddos" },
        { "Compiled", "mailrelay", "MailrelayFilter", "aggressive" },
        { "Compiled", "sshd-lite", "SshdLiteFilter", null },
        { "Generated", "mailrelay", "MailrelayFilter", "aggressive" },
        { "Generated", "sshd-lite", "SshdLiteFilter", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_matcher_gives_the_engines_verdicts(string regexMode, string filter, string className, string? mode)
    {
        var log = RepoFiles.SampleLog(filter + ".log").Split('\n');
        var assembly = regexMode == "Generated" ? GeneratedMode.Value : CompiledMode.Value;
        var options = mode is null ? null : new Dictionary<string, string> { ["mode"] = mode };
        var expected = VerdictText.Run(VerdictText.CompileWithEngine(SampleFiles(), "/s/" + filter + ".conf", options), log);
        var actual = VerdictText.Run(Generated(assembly, className, mode), log);
        Assert.Equal(expected, actual);
        Assert.Contains(expected, l => l.Contains(" Matched "));
    }

    [Fact]
    public void Generated_mode_uses_the_sdk_generated_regex_types()
    {
        var filter = Generated(GeneratedMode.Value, "SshdLiteFilter", null);
        foreach (var regex in filter.FailRegexes.Append(filter.PrefRegex!))
            Assert.StartsWith("System.Text.RegularExpressions.Generated.", regex.Regex.GetType().FullName);
        var compiled = Generated(CompiledMode.Value, "SshdLiteFilter", null);
        Assert.True((compiled.FailRegexes[0].Regex.Options & System.Text.RegularExpressions.RegexOptions.Compiled) != 0);
    }

    [Fact]
    public void Typed_result_exposes_captures_and_modes()
    {
        var type = CompiledMode.Value.GetType("Consumer.Filters.MailrelayFilter")!;
        var aggressive = Enum.Parse(type.GetNestedType("Mode")!, "Aggressive");
        var matcher = Activator.CreateInstance(type, aggressive, new MatcherOptions { Now = VerdictText.Now }, null)!;
        var match = type.GetMethod("Match", new[] { typeof(string) })!;
        var result = match.Invoke(matcher, new object[] { "Nov 28 10:17:01 mx1 mailrelay/smtpd[2301]: lost connection after STARTTLS from unknown[192.0.2.50]" })!;
        Assert.True(Get<bool>(result, "Success"));
        Assert.Equal("192.0.2.50", Get<string>(result, "Host"));
        Assert.Equal("STARTTLS", Get<string>(result, "Command"));
        Assert.Equal(2, Get<int?>(result, "RegexIndex"));

        var miss = match.Invoke(matcher, new object[] { "Nov 28 10:17:02 mx1 mailrelay/smtpd[2301]: connect from unknown[192.0.2.50]" })!;
        Assert.False(Get<bool>(miss, "Success"));
        Assert.Null(Get<string>(miss, "Host"));
    }

    [Fact]
    public void Streaming_api_correlates_an_mlfid_connection()
    {
        var type = CompiledMode.Value.GetType("Consumer.Filters.SshdLiteFilter")!;
        var matcher = Activator.CreateInstance(type, new MatcherOptions { Now = VerdictText.Now }, null)!;
        var matchLines = type.GetMethod("MatchLines", new[] { typeof(System.IO.TextReader) })!;
        var results = ((System.Collections.IEnumerable)matchLines.Invoke(matcher, new object[] { new System.IO.StringReader(RepoFiles.SampleLog("sshd-lite.log")) })!)
            .Cast<object>().ToList();
        Assert.Equal(13, results.Count);
        // line 4: "Connection closed … [preauth]" is taken by the ignoreregex (which sees the whole line)
        Assert.True(Get<bool>(results[3], "IsIgnored"));
        // line 3: failed password, ALT_USER1 capture
        Assert.Equal("admin", Get<string>(results[2], "AltUser1"));
        // line 7: accepted login after a failed publickey: not a failure
        Assert.True(Get<bool>(results[6], "IsIgnored"));
        // line 11: "Too many authentication failures" names no address: charged to the connection's address
        Assert.True(Get<bool>(results[10], "Success"));
        Assert.Equal("192.0.2.77", Get<string>(results[10], "Host"));
        // line 12: <HOST> also takes a host name, reported as written (no DNS)
        Assert.Equal("gw-backup", Get<string>(results[11], "Host"));
        Assert.False(Get<bool>(results[12], "Success"));
    }

    private static T Get<T>(object result, string property) => (T)result.GetType().GetProperty(property)!.GetValue(result)!;
}
