using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Small filters written in the tests, laid out under <c>/etc/fail2ban/filter.d</c> in memory.</summary>
internal static class TestFilters
{
    public const string ConfigDir = "/etc/fail2ban";
    public const string FilterDir = ConfigDir + "/filter.d";

    /// <summary>A source with the given files; names are relative to <see cref="FilterDir"/> unless absolute.</summary>
    public static InMemoryConfigFileSource Files(params (string Name, string Text)[] files)
    {
        var source = new InMemoryConfigFileSource();
        foreach (var (name, text) in files)
            source.Add(name.StartsWith("/") ? name : FilterDir + "/" + name, text);
        return source;
    }

    /// <summary>Reads filter <paramref name="reference"/> (<c>name[k=v]</c>) from the given files.</summary>
    public static ResolvedFilter Read(string reference, params (string Name, string Text)[] files) =>
        FilterReader.ReadFilter(Files(files), ConfigDir, FilterReference.Parse(reference));

    /// <summary>The failregex list as plain strings.</summary>
    public static List<string> Fail(this ResolvedFilter filter) => filter.FailRegex.Select(r => r.Text).ToList();

    /// <summary>Path of a file in the test filter directory.</summary>
    public static string PathOf(string name) => FilterDir + "/" + name;
}
