using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Fail2Ban.Core.Config;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Compares a <see cref="ResolvedFilter"/> with the <c>resolved</c> object Fail2Ban produced.</summary>
internal static class ResolvedJson
{
    /// <summary>Null when every field is equal, else a description of the first difference.</summary>
    public static string? Compare(JsonElement expected, ResolvedFilter actual)
    {
        return Field("prefregex", expected, actual.PrefRegex?.Text)
            ?? List("failregex", expected, actual.FailRegex.Select(r => r.Text).ToList())
            ?? List("ignoreregex", expected, actual.IgnoreRegex.Select(r => r.Text).ToList())
            ?? Int("maxlines", expected, actual.MaxLines)
            ?? Field("datepattern", expected, actual.DatePattern?.Text)
            ?? List("journalmatch", expected, actual.JournalMatch.Select(r => r.Text).ToList())
            ?? Field("usedns", expected, actual.UseDns);
    }

    private static string? Field(string name, JsonElement expected, string? actual)
    {
        var e = expected.GetProperty(name);
        var exp = e.ValueKind == JsonValueKind.Null ? null : e.GetString();
        return exp == actual ? null : name + ": expected " + Show(exp) + " got " + Show(actual);
    }

    private static string? Int(string name, JsonElement expected, int? actual)
    {
        var e = expected.GetProperty(name);
        int? exp = e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();
        return exp == actual ? null : name + ": expected " + exp + " got " + actual;
    }

    private static string? List(string name, JsonElement expected, IReadOnlyList<string> actual)
    {
        var exp = expected.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();
        if (exp.Count != actual.Count) return name + ": expected " + exp.Count + " entries got " + actual.Count;
        for (var i = 0; i < exp.Count; i++)
            if (exp[i] != actual[i]) return name + "[" + i + "]: expected " + Show(exp[i]) + " got " + Show(actual[i]);
        return null;
    }

    private static string Show(string? s) => s is null ? "null" : "'" + s + "'";
}
