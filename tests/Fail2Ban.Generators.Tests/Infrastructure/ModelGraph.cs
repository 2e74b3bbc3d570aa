using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Fail2Ban.Generators.Tests.Infrastructure;

/// <summary>Walks a pipeline model and fails on Roslyn objects that break caching or keep compilations alive.</summary>
internal static class ModelGraph
{
    private static readonly Type[] Banned =
    {
        typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location),
        typeof(AdditionalText), typeof(Diagnostic),
    };

    public static void AssertPlainData(object? value) => Walk(value, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");

    private static void Walk(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        foreach (var banned in Banned)
            Assert.False(banned.IsInstanceOfType(value), path + " holds a " + banned.Name);
        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) Walk(item, seen, path + "[" + i++ + "]");
            return;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Walk(field.GetValue(value), seen, path + "." + field.Name);
    }
}
