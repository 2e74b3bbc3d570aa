namespace Fail2Ban.Core.Tests.Infrastructure;

/// <summary>
/// Tests that change process-wide settings (e.g. <c>TieredRegex.CompileAfterRuns</c>) or start threads of their
/// own: run after the parallel tests, one at a time, so they neither see nor cause interference (a lowered compile
/// threshold made every test beside them emit IL, and their worker threads competed with the whole suite).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideSettingsCollection
{
    public const string Name = "Process-wide settings";
}
