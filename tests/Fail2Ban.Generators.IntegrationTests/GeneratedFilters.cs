using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Generators.IntegrationTests;

/// <summary>The matcher classes the generator produced for this assembly, found by their <c>FilterName</c>.</summary>
internal static class GeneratedFilters
{
    private static readonly Lazy<Dictionary<string, Type>> ByName = new(() =>
        typeof(GeneratedFilters).Assembly.GetTypes()
            .Where(t => t.Namespace == "Corpus.Filters" && t.GetField("FilterName", BindingFlags.Public | BindingFlags.Static) is not null)
            .ToDictionary(t => (string)t.GetField("FilterName")!.GetRawConstantValue()!, t => t, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, Type> All => ByName.Value;

    /// <summary>
    /// The generated compiled filter for a variant, or null when the variant sets options the class does
    /// not cover (only <c>mode</c> is a run-time choice; other options are fixed when the class is generated).
    /// </summary>
    public static CompiledFilter? For(Type type, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        string? mode = null;
        foreach (var kv in options)
        {
            if (kv.Key == "mode") mode = kv.Value;
            else return null;
        }
        var method = type.GetMethod("GetCompiledFilter", BindingFlags.Public | BindingFlags.Static)!;
        var parameters = method.GetParameters();
        if (parameters.Length == 0) return mode is null ? (CompiledFilter)method.Invoke(null, null)! : null;
        var modeType = parameters[0].ParameterType;
        object value;
        if (mode is null) value = parameters[0].DefaultValue!;
        else
        {
            var name = Enum.GetNames(modeType).FirstOrDefault(n => string.Equals(n, Pascal(mode), StringComparison.Ordinal));
            if (name is null) return null;
            value = Enum.Parse(modeType, name);
        }
        return (CompiledFilter)method.Invoke(null, new[] { value })!;
    }

    private static string Pascal(string value)
    {
        var chars = new List<char>();
        var upper = true;
        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c)) { upper = true; continue; }
            chars.Add(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return new string(chars.ToArray());
    }
}
