using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// One compiled date template (a Fail2Ban <c>DateTemplate</c>): display name, final Python
/// regex and its .NET translation, flags, weight and the process-wide hit counter. Templates are
/// shared between detectors through a <see cref="DateTemplateCache"/>.
/// </summary>
public sealed class DateTemplate
{
    private long globalHits;
    private double weight;

    internal DateTemplate(DateTemplateKind kind, string name, string? pattern, string pythonRegex,
        DateTemplateFlags flags, int valueGroupNumber = 1)
    {
        Kind = kind;
        Name = name;
        Pattern = pattern;
        PythonRegex = pythonRegex;
        Flags = flags;
        weight = 1.0;
        try
        {
            NetRegex = TemplateRegexTranslation.Translate(pythonRegex);
        }
        catch (Fail2BanException e)
        {
            throw new Fail2BanException(DiagnosticIds.DatePattern,
                "Invalid date pattern " + Describe() + ": " + e.Message, e.Location, e);
        }
        try
        {
            // Bounded like the filter's regexes: a custom datepattern can backtrack catastrophically too.
            Regex = new Regex(NetRegex, RegexOptions.CultureInvariant, MatchTimeout);
            runner = new Matching.TieredRegex(Regex);
        }
        catch (ArgumentException e)
        {
            throw new Fail2BanException(DiagnosticIds.DatePattern,
                "Invalid date pattern " + Describe() + ": the regex does not compile: " + e.Message, null, e);
        }
        var layout = PythonGroupLayout.Scan(pythonRegex);
        // Python rejects a group name defined twice (e.g. %Y with %ExY); .NET would accept it.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var groupName in layout)
            if (groupName is not null && !seen.Add(groupName))
                throw new Fail2BanException(DiagnosticIds.DatePattern,
                    "Invalid date pattern " + Describe() + ": redefinition of group name '" + groupName + "'");
        DateGroup = NetGroupNumber(layout, 1);
        if (DateGroup < 0)
            throw new Fail2BanException(DiagnosticIds.DatePattern, "Invalid date pattern " + Describe() + ": it has no capturing group 1");
        ValueGroup = kind is DateTemplateKind.Epoch or DateTemplateKind.LongEpoch ? NetGroupNumber(layout, valueGroupNumber) : -1;
        if (kind == DateTemplateKind.Pattern) Fields = DateFieldReader.Resolve(layout, Regex, out AmPmGroup);
        else
        {
            Fields = Array.Empty<DateFieldReader.FieldGroup>();
            AmPmGroup = -1;
        }
        DateSlot = Matching.CaptureSpans.SlotOf(Regex, DateGroup);
        AmPmSlot = Matching.CaptureSpans.SlotOf(Regex, AmPmGroup);
        Recognizer = DateRecognizer.For(this);
        // Span code reads this template's dates: the regex runs only on the lines it declines (sshd's log:
        // 0.4%), where compiling it (IL and JIT, 10-20 ms) would not pay back.
        if (Recognizer is not null) runner.CompileLater();
    }

    /// <summary>Span code that finds this template's match without the regex (syslog, ISO 8601, Apache), or null.</summary>
    internal DateRecognizer? Recognizer { get; }

    // Interpreted at first (a detector has up to 31 templates, most never win); compiled once used a lot.
    private readonly Matching.TieredRegex runner;

    /// <summary>Display name (as <c>fail2ban-regex</c> prints it), e.g. <c>{^LN-BEG}ExYear-Month-Day…</c>.</summary>
    public string Name { get; }

    /// <summary>The date pattern the template was made from (null for built-in Epoch/TAI64N).</summary>
    public string? Pattern { get; }

    /// <summary>Final Python regex (Fail2Ban's <c>template.regex</c>).</summary>
    public string PythonRegex { get; }

    /// <summary>The .NET translation of <see cref="PythonRegex"/>.</summary>
    public string NetRegex { get; }

    /// <summary>Boundary flags.</summary>
    public DateTemplateFlags Flags { get; }

    /// <summary>What the template reads.</summary>
    public DateTemplateKind Kind { get; }

    /// <summary>Reordering weight: 1, or 100 for the line-anchored copies of the defaults.</summary>
    public double Weight
    {
        get => Volatile.Read(ref weight);
        internal set => Volatile.Write(ref weight, value);
    }

    /// <summary>Successful searches of this template by any detector sharing it (Fail2Ban's <c>template.hits</c>).</summary>
    public long GlobalHits => Interlocked.Read(ref globalHits);

    /// <summary>True when LINE_BEGIN or LINE_END is set.</summary>
    public bool IsAnchored => (Flags & (DateTemplateFlags.LineBegin | DateTemplateFlags.LineEnd)) != 0;

    internal Regex Regex { get; }

    /// <summary>.NET group number of Python's group 1 (the date text cut from the line).</summary>
    internal int DateGroup { get; }

    /// <summary>Capture slot of <see cref="DateGroup"/> (see <c>CaptureSpans</c>).</summary>
    internal int DateSlot { get; }

    /// <summary>The time limit of templates created from now on (<see cref="Diagnostics.EngineLimits.DateMatchTimeout"/>; tests shorten it).</summary>
    internal static TimeSpan MatchTimeout { get; set; } = Diagnostics.EngineLimits.DateMatchTimeout;

    internal int AmPmSlot { get; }

    /// <summary>.NET group number holding an epoch value, or -1.</summary>
    internal int ValueGroup { get; }

    internal DateFieldReader.FieldGroup[] Fields { get; }

    internal readonly int AmPmGroup;

    /// <summary>Python <c>pattern.search(line, pos, end)</c>; counts a global hit on success.</summary>
    internal Match Search(string line, int pos, int end)
    {
        // Python clamps both bounds to the string, then finds nothing when pos > end.
        if (end > line.Length) end = line.Length;
        if (pos > line.Length) pos = line.Length;
        if (pos < 0) pos = 0;
        Match m;
        if (pos > end) return System.Text.RegularExpressions.Match.Empty;
        // .NET's (input, beginning, length) overload would hide the text before pos from
        // look-behinds, \b and ^; only the end needs cutting, so search a prefix from pos.
        var regex = runner.Current;
        m = end == line.Length ? regex.Match(line, pos) : regex.Match(line.Substring(0, end), pos);
        if (m.Success) Interlocked.Increment(ref globalHits);
        return m;
    }

    /// <summary>The search of the whole line (as <see cref="Search"/> from 0) without counting a hit; thread-safe.</summary>
    internal Match SearchUncounted(string line) => runner.Current.Match(line, 0);

    /// <summary>Counts the global hit a successful <see cref="Search"/> counts.</summary>
    internal void CountHit() => Interlocked.Increment(ref globalHits);

    /// <inheritdoc />
    public override string ToString() => Name;

    private string Describe() => "'" + (Pattern ?? Name) + "'";

    private int NetGroupNumber(List<string?> layout, int pythonNumber)
    {
        if (pythonNumber >= layout.Count) return -1;
        var name = layout[pythonNumber] ?? PythonRegexTranslator.UnnamedGroupName(pythonNumber);
        return Regex.GroupNumberFromName(name);
    }
}
