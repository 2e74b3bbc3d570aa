using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Fail2Ban.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet's switcher: --filter, --job …).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var config = DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        foreach (var summary in summaries)
            if (summary.HasCriticalValidationErrors) return 1;
        return 0;
    }
}
