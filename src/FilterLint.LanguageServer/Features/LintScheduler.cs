using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer.Features;

/// <summary>
/// Lints filters as their files are edited and publishes the findings per file. An edit waits a short debounce
/// (a newer edit of the same file restarts it), then the filter of the edited file and every filter linted
/// before that read the file (a file that includes it) are linted again on the unsaved texts: a quick pass where
/// some rules are slow on the filter, then the full pass (see <see cref="StagedLinter"/>); one quick and one full
/// pass at a time, a superseded edit's results unpublished. An include-only file with no such filter yet is
/// checked through the filters of its folder that name it.
/// </summary>
public sealed class LintScheduler
{
    /// <summary>How many filters of a folder are linted for an edited include-only file no open filter reads.</summary>
    private const int MaxIncludersChecked = 4;

    private readonly OpenDocuments _documents;
    private readonly OverlayFileSource _files;
    private readonly Func<string, JsonObject, Task> _publish;
    private readonly Action<string> _log;
    private readonly object _state = new();
    private readonly Dictionary<string, (FilterTarget Target, LintReport Report)> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _publishedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LintReport> _fullReports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _quickGate = new(1, 1);
    private readonly SemaphoreSlim _fullGate = new(1, 1);

    public LintScheduler(OpenDocuments documents, OverlayFileSource files, Func<string, JsonObject, Task> publish, Action<string> log)
    {
        _documents = documents;
        _files = files;
        _publish = publish;
        _log = log;
    }

    public StagedLinter Linter { get; set; } = new(() => new LintSettings(), null);

    public int DebounceMilliseconds { get; set; } = 150;

    /// <summary>Changes whenever lint results are stored (which filters read which file may have changed).</summary>
    public int ResultsVersion => Volatile.Read(ref _resultsVersion);

    private int _resultsVersion;

    /// <summary>The findings last published located in <paramref name="path"/>, without duplicates.</summary>
    public IReadOnlyList<LintFinding> FindingsIn(string path)
    {
        lock (_state)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return _results.Values.SelectMany(r => r.Report.Findings)
                .Where(f => f.Location.File == path && seen.Add(FindingDiagnostics.IdentityOf(f))).ToList();
        }
    }

    /// <summary>The filters last linted that read <paramref name="path"/> (its own filter first, if linted).</summary>
    public IReadOnlyList<FilterTarget> FiltersReading(string path)
    {
        lock (_state)
            return _results.Values.Where(r => r.Report.FilesRead.Contains(path)).Select(r => r.Target)
                .OrderBy(t => t.File == path ? 0 : 1).ToList();
    }

    /// <summary>Schedules the lint for an opened or edited file.</summary>
    public void Changed(string path)
    {
        CancellationTokenSource cancel;
        lock (_state)
        {
            if (_pending.TryGetValue(path, out var old)) old.Cancel();
            _pending[path] = cancel = new CancellationTokenSource();
            _ = Task.Run(() => DebouncedLintAsync(path, cancel.Token));
        }
    }

    /// <summary>A file was closed: filters that no open file reads any more are dropped and their diagnostics cleared.</summary>
    public void Closed(string path)
    {
        var cleared = new List<string>();
        lock (_state)
        {
            if (_pending.TryGetValue(path, out var old)) old.Cancel();
            var open = new HashSet<string>(_documents.All.Select(d => d.Path), StringComparer.Ordinal);
            foreach (var key in _results.Keys.ToList())
            {
                if (_results[key].Report.FilesRead.Any(open.Contains)) continue;
                Linter.Forget(_results[key].Target);
                _results.Remove(key);
                _fullReports.Remove(key);
                if (_publishedBy.TryGetValue(key, out var files)) cleared.AddRange(files);
                _publishedBy.Remove(key);
            }
        }
        cleared.Add(path);
        _ = PublishAsync(cleared.Distinct().ToList());
    }

    private async Task DebouncedLintAsync(string path, CancellationToken cancel)
    {
        try
        {
            if (DebounceMilliseconds > 0) await Task.Delay(DebounceMilliseconds, cancel).ConfigureAwait(false);
            var targets = FiltersAffectedBy(path);
            if (targets.Count == 0) await PublishAsync(new[] { path }).ConfigureAwait(false);
            // Quick passes do not wait for a full pass of an earlier edit still running (a lint cannot be stopped).
            await _quickGate.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                foreach (var target in targets)
                {
                    LintReport? lastFull;
                    lock (_state) lastFull = _fullReports.TryGetValue(target.Key, out var r) ? r : null;
                    if (cancel.IsCancellationRequested) return;
                    if (Linter.Quick(target, _files, lastFull) is { } quick && !cancel.IsCancellationRequested)
                        await PublishAsync(Store(target, quick, path)).ConfigureAwait(false);
                }
            }
            finally
            {
                _quickGate.Release();
            }
            await _fullGate.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                foreach (var target in targets)
                {
                    if (cancel.IsCancellationRequested) return;
                    var full = Linter.Full(target, _files);
                    lock (_state) _fullReports[target.Key] = full;
                    if (!cancel.IsCancellationRequested) await PublishAsync(Store(target, full, path)).ConfigureAwait(false);
                }
            }
            finally
            {
                _fullGate.Release();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _log("filterlint lsp: linting " + path + " failed: " + e.GetType().Name + ": " + e.Message);
        }
        finally
        {
            lock (_state)
                if (_pending.TryGetValue(path, out var mine) && mine.Token == cancel) _pending.Remove(path);
        }
    }

    /// <summary>
    /// The filters an edit of <paramref name="path"/> affects: its own, those last linted that read it, else (an
    /// include-only file) those of its folder that name it.
    /// </summary>
    private List<FilterTarget> FiltersAffectedBy(string path)
    {
        var targets = new List<FilterTarget>();
        if (FilterTarget.For(path) is { } own) targets.Add(own);
        foreach (var t in FiltersReading(path))
            if (!targets.Any(x => x.Key == t.Key)) targets.Add(t);
        if (targets.Count == 0) targets.AddRange(FiltersNaming(path));
        return targets;
    }

    /// <summary>Keeps a filter's findings; the files whose diagnostics may have changed.</summary>
    private List<string> Store(FilterTarget target, LintReport report, string edited)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal) { edited };
        Interlocked.Increment(ref _resultsVersion);
        lock (_state)
        {
            _results[target.Key] = (target, report);
            if (_publishedBy.TryGetValue(target.Key, out var before)) touched.UnionWith(before);
            var now = new HashSet<string>(report.Findings.Select(f => f.Location.File), StringComparer.Ordinal);
            _publishedBy[target.Key] = now;
            touched.UnionWith(now);
        }
        return touched.ToList();
    }

    /// <summary>Filters in the folder of an include-only file whose text names it (they include it).</summary>
    private IEnumerable<FilterTarget> FiltersNaming(string path)
    {
        var name = ConfigPath.GetFileName(path);
        var found = 0;
        foreach (var candidate in _files.ListDirectory(ConfigPath.GetDirectory(path)).OrderBy(p => p, StringComparer.Ordinal))
        {
            if (found >= MaxIncludersChecked) yield break;
            if (!candidate.EndsWith(".conf", StringComparison.Ordinal) || FilterTarget.IsIncludeOnly(candidate)) continue;
            var text = _files.ReadText(candidate);
            if (text is null || text.IndexOf(name, StringComparison.Ordinal) < 0 || FilterTarget.For(candidate) is not { } target) continue;
            found++;
            yield return target;
        }
    }

    private async Task PublishAsync(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var diagnostics = new JsonArray();
            foreach (var f in FindingsIn(path)) diagnostics.Add(FindingDiagnostics.ToDiagnostic(f, _documents));
            var parameters = new JsonObject { ["uri"] = _documents.UriFor(path), ["diagnostics"] = diagnostics };
            if (_documents.ByPath(path) is { } open) parameters["version"] = open.Version;
            try
            {
                await _publish(path, parameters).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The client went away; the loop ends on its own.
            }
        }
    }
}
