using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace FilterLint.Tests.Lint;

/// <summary>The three output formats of <c>filterlint lint</c>: text snapshots, the JSON fields, SARIF 2.1.0 structure.</summary>
public sealed class LintOutputTests : IDisposable
{
    private readonly TempConfigTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string Run(string format, params string[] files)
    {
        var result = CliRunner.Run(new[] { "lint", "--format", format }.Concat(files).ToArray());
        Assert.Equal("", result.Stderr);
        return result.Stdout.Replace(_tree.Root, "TMP");
    }

    [Fact]
    public void Text_output_has_compiler_lines_excerpts_carets_evidence_and_fixes()
    {
        var smtp = _tree.Write("filter.d/smtp.conf", LintFilters.Smtp);
        Snapshot.Match("smtp.txt", Run("text", smtp));
    }

    [Fact]
    public void Text_output_of_a_filter_that_does_not_compile()
    {
        var broken = _tree.Write("filter.d/broken.conf", LintFilters.Broken);
        Snapshot.Match("broken.txt", Run("text", broken));
    }

    [Fact]
    public void Json_output_is_one_array_with_the_documented_fields()
    {
        var smtp = _tree.Write("filter.d/smtp.conf", LintFilters.Smtp);
        using var doc = JsonDocument.Parse(Run("json", smtp));
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        var seed = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("ruleId").GetString() == "F2B2001");
        foreach (var name in new[] { "ruleId", "severity", "file", "line", "column", "endLine", "endColumn", "message", "evidence", "fix" })
            Assert.True(seed.TryGetProperty(name, out _), name);
        Assert.Equal("warning", seed.GetProperty("severity").GetString());
        Assert.Equal((3, 9, 3, 17), (seed.GetProperty("line").GetInt32(), seed.GetProperty("column").GetInt32(),
            seed.GetProperty("endLine").GetInt32(), seed.GetProperty("endColumn").GetInt32()));
        Assert.Contains("CONNECT", seed.GetProperty("evidence").GetProperty("line").GetString());
        var edit = seed.GetProperty("fix").GetProperty("edits")[0];
        Assert.Equal(("{4}", "{4,}"), (edit.GetProperty("oldText").GetString(), edit.GetProperty("newText").GetString()));
        Assert.Equal(new[] { "normal", "extra" }, seed.GetProperty("modes").EnumerateArray().Select(m => m.GetString()).ToArray());
    }

    [Fact]
    public void Sarif_output_has_the_structure_code_scanning_requires()
    {
        var smtp = _tree.Write("filter.d/smtp.conf", LintFilters.Smtp);
        using var doc = JsonDocument.Parse(Run("sarif", smtp));
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("filterlint", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.All(rules, r =>
        {
            Assert.Matches("^F2B\\d{4}$", r.GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.StartsWith("https://", r.GetProperty("helpUri").GetString());
        });
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var id = result.GetProperty("ruleId").GetString();
            Assert.Equal(id, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.True(Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _), uri);
            var region = physical.GetProperty("region");
            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
            Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
            Assert.True(result.GetProperty("partialFingerprints").EnumerateObject().Any());
        }
        var seed = results.Single(r => r.GetProperty("ruleId").GetString() == "F2B2001");
        var change = seed.GetProperty("fixes")[0].GetProperty("artifactChanges")[0];
        Assert.Equal("{4,}", change.GetProperty("replacements")[0].GetProperty("insertedContent").GetProperty("text").GetString());
    }
}
