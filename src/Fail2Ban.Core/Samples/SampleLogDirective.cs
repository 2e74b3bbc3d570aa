using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Samples;

/// <summary>Kinds of lines in a Fail2Ban sample log (spec 5.2).</summary>
public enum SampleLineKind
{
    /// <summary>A log line to test (annotated by a preceding <c>failJSON</c> or not).</summary>
    Test,
    /// <summary><c># filterOptions: {…}</c> or <c>[{…}, …]</c>.</summary>
    FilterOptions,
    /// <summary><c># fileOptions: {…}</c>.</summary>
    FileOptions,
    /// <summary><c># addFILE: "name"</c>.</summary>
    AddFile,
}

/// <summary>One meaningful line of a sample log, with its directive data.</summary>
public sealed class SampleLogEntry
{
    public SampleLogEntry(SampleLineKind kind, int lineNumber, string text, object? json)
    {
        Kind = kind;
        LineNumber = lineNumber;
        Text = text;
        Json = json;
    }

    public SampleLineKind Kind { get; }

    /// <summary>1-based line number of the test line (or of the directive).</summary>
    public int LineNumber { get; }

    /// <summary>The test line (trailing CR/LF removed), or the directive line.</summary>
    public string Text { get; }

    /// <summary>For a test line: its <c>failJSON</c> object (null when not annotated); else the directive's JSON.</summary>
    public object? Json { get; }

    /// <summary>The <c>failJSON</c> fields of a test line (empty when not annotated).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Expectation =>
        Json as List<KeyValuePair<string, object?>> ?? (IReadOnlyList<KeyValuePair<string, object?>>)Array.Empty<KeyValuePair<string, object?>>();

    public bool IsAnnotated => Kind == SampleLineKind.Test && Json is not null;

    /// <summary>The failJSON value of <paramref name="key"/>, or null.</summary>
    public object? Get(string key)
    {
        foreach (var kv in Expectation) if (kv.Key == key) return kv.Value;
        return null;
    }

    /// <summary><c>match</c> of the annotation (absent means false).</summary>
    public bool ExpectMatch => Get("match") is true;
}
