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
    /// The generated compiled filter for a variant, or null when the variant sets an option the class does
    /// not offer as a selector (selector options such as <c>mode</c> and <c>logtype</c> are enum parameters of
    /// <c>GetCompiledFilter</c>; other options are fixed when the class is generated) or a value it does not know.
    /// </summary>
    public static CompiledFilter? For(Type type, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        var method = type.GetMethod("GetCompiledFilter", BindingFlags.Public | BindingFlags.Static)!;
        var parameters = method.GetParameters();
        var args = parameters.Select(p => p.DefaultValue).ToArray();
        foreach (var kv in options)
        {
            var index = Array.FindIndex(parameters, p =>
                string.Equals(p.Name, kv.Key, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(p.Name, kv.Key + "Option", StringComparison.OrdinalIgnoreCase));
            if (index < 0) return null;
            var name = Enum.GetNames(parameters[index].ParameterType).FirstOrDefault(n => n == Pascal(kv.Value));
            if (name is null) return null;
            args[index] = Enum.Parse(parameters[index].ParameterType, name);
        }
        return (CompiledFilter)method.Invoke(null, args)!;
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
        if (chars.Count == 0 || char.IsDigit(chars[0])) chars.Insert(0, '_');
        return new string(chars.ToArray());
    }
}
