using FilterLint.Commands;
using Xunit;

namespace FilterLint.Tests;

/// <summary>The default thread count: the cores other processes leave free, at least one.</summary>
public sealed class FreeCoresTests
{
    [Theory]
    [InlineData(2, null, 2)]
    [InlineData(2, 0.1, 2)]
    [InlineData(2, 0.6, 1)]
    [InlineData(2, 1.4, 1)]
    [InlineData(2, 9.0, 1)]
    [InlineData(8, 2.5, 6)]
    [InlineData(8, 0.0, 8)]
    public void LeavesTheBusyCoresToOthers(int cores, double? load, int expected) =>
        Assert.Equal(expected, FreeCores.Estimate(cores, load));

    [Fact]
    public void AnExplicitCountWinsOneIsTheDefaultAndZeroAsksForTheEstimate()
    {
        Assert.Equal(3, FreeCores.ThreadCount(3));
        Assert.Equal(1, FreeCores.ThreadCount(-2));
        Assert.Equal(1, FreeCores.ThreadCount(null));
        var estimate = FreeCores.ThreadCount(0);
        Assert.InRange(estimate, 1, System.Environment.ProcessorCount);
    }
}
