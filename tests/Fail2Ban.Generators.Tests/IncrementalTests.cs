using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fail2Ban.Generators.Tests;

/// <summary>
/// The pipeline redoes only what an edit invalidates (the IDE runs the generator on every keystroke):
/// tracked steps are inspected after a second run on the same driver.
/// </summary>
public sealed class IncrementalTests
{
    private const string Include =
        "[DEFAULT]\n" +
        "# the syslog prefix\n" +
        "prefix = ^\\s*\\S+ \\S+:\\s+\n";

    private const string WithInclude =
        "[INCLUDES]\nbefore = prefix.conf\n" +
        "[Definition]\n" +
        "# failed logins\n" +
        "failregex = %(prefix)sLogin failed from <HOST>$\n";

    private const string Standalone =
        "[Definition]\n" +
        "# no include here\n" +
        "failregex = ^Denied <HOST>$\n";

    private static (GeneratorHarness Harness, GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(string regexMode = "Compiled")
    {
        var harness = new GeneratorHarness()
            .Property("Fail2BanRegexMode", regexMode)
            .Include("prefix.conf", Include)
            .Filter("with-include.conf", WithInclude)
            .Filter("standalone.conf", Standalone);
        var compilation = GeneratorHarness.Compilation();
        var driver = harness.Driver().RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results[0].GeneratedSources.Count(s => s.HintName.EndsWith("Filter.g.cs")));
        return (harness, driver, compilation);
    }

    /// <summary>Output reasons of a tracked step, by the filter class each output belongs to.</summary>
    private static Dictionary<string, IncrementalStepRunReason> Units(GeneratorDriver driver)
    {
        var steps = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.Units];
        var result = new Dictionary<string, IncrementalStepRunReason>();
        foreach (var step in steps)
            foreach (var (value, reason) in step.Outputs)
                result[((Model.GeneratedUnit)value).HintName] = reason;
        return result;
    }

    private static GeneratorDriver Replace(GeneratorHarness harness, GeneratorDriver driver, string name, string text)
    {
        var old = harness.Texts.Single(t => t.Path.EndsWith("/" + name));
        return driver.ReplaceAdditionalText(old, new TestAdditionalText(old.Path, text));
    }

    [Fact]
    public void Second_run_with_no_change_is_fully_cached()
    {
        var (_, driver, compilation) = FirstRun();
        driver = driver.RunGenerators(compilation);
        Assert.All(Units(driver).Values, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Comment_only_conf_edit_regenerates_nothing()
    {
        var (harness, driver, compilation) = FirstRun();
        driver = Replace(harness, driver, "with-include.conf", WithInclude.Replace("# failed logins", "# failed logins (see RFC 5321)"));
        driver = driver.RunGenerators(compilation);

        var specs = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.FilterSpecs]
            .SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Unchanged, specs);   // re-read, same spec
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, specs);
        Assert.All(Units(driver).Values, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Editing_a_filter_regenerates_only_that_filter()
    {
        var (harness, driver, compilation) = FirstRun();
        driver = Replace(harness, driver, "standalone.conf", Standalone.Replace("Denied", "Refused"));
        driver = driver.RunGenerators(compilation);
        var units = Units(driver);
        Assert.Equal(IncrementalStepRunReason.Modified, units["Consumer.Filters.StandaloneFilter"]);
        Assert.Equal(IncrementalStepRunReason.Cached, units["Consumer.Filters.WithIncludeFilter"]);
    }

    [Fact]
    public void Editing_an_include_regenerates_only_the_filters_that_include_it()
    {
        var (harness, driver, compilation) = FirstRun();
        driver = Replace(harness, driver, "prefix.conf", Include.Replace("\\S+:", "[\\w/]+:"));
        driver = driver.RunGenerators(compilation);
        var units = Units(driver);
        Assert.Equal(IncrementalStepRunReason.Modified, units["Consumer.Filters.WithIncludeFilter"]);
        Assert.Equal(IncrementalStepRunReason.Cached, units["Consumer.Filters.StandaloneFilter"]);
    }

    [Fact]
    public void Comment_edit_in_an_include_regenerates_nothing()
    {
        var (harness, driver, compilation) = FirstRun();
        driver = Replace(harness, driver, "prefix.conf", Include.Replace("# the syslog prefix", "# the prefix syslogd writes"));
        driver = driver.RunGenerators(compilation);
        Assert.All(Units(driver).Values, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Cs_edit_is_cached_even_in_generated_mode()
    {
        var (_, driver, compilation) = FirstRun("Generated");
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            "namespace Consumer { public static class Program { public static void Main() { System.Console.WriteLine(1); } } }",
            GeneratorHarness.ParseOptions, path: tree.FilePath));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results[0];
        Assert.All(result.TrackedSteps[TrackingNames.RegexEnvironment].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(Units(driver).Values, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Changing_the_regex_mode_regenerates()
    {
        var (harness, driver, compilation) = FirstRun();
        harness.Property("Fail2BanRegexMode", "Generated");
        driver = driver.WithUpdatedAnalyzerConfigOptions(harness.Options()).RunGenerators(compilation);
        Assert.All(Units(driver).Values, r => Assert.Equal(IncrementalStepRunReason.Modified, r));
    }

    [Fact]
    public void Pipeline_models_hold_no_roslyn_objects()
    {
        var (_, driver, _) = FirstRun();
        var result = driver.GetRunResult().Results[0];
        foreach (var name in new[] { TrackingNames.FilterSpecs, TrackingNames.Units, TrackingNames.Includes, TrackingNames.Filters })
            foreach (var (value, _) in result.TrackedSteps[name].SelectMany(s => s.Outputs))
                ModelGraph.AssertPlainData(value);
    }
}
