using System;
using System.Collections.Generic;

namespace FilterLint.LanguageServer.Workspace;

/// <summary>A <c>[section]</c> of a .conf text: 0-based lines, the header's name range, the lines it spans.</summary>
public sealed record OutlineSection(string Name, int Line, int NameStart, int NameEnd, int EndLine);

/// <summary>An option of a .conf text: 0-based lines; the value runs from its first line to <see cref="EndLine"/>.</summary>
public sealed record OutlineOption(string Section, string Name, int Line, int NameStart, int NameEnd, int ValueStart, int EndLine);

/// <summary>What a reference in a value is: <c>%(name)s</c> or <c>&lt;name&gt;</c>.</summary>
public enum ReferenceKind
{
    Interpolation,
    Tag,
}

/// <summary>A <c>%(name)s</c> or <c>&lt;name&gt;</c> written in a value: 0-based line, the range of the whole reference.</summary>
public sealed record OutlineReference(ReferenceKind Kind, string Name, int Line, int Start, int End);

/// <summary>
/// A tolerant outline of a .conf text for editor features: sections, options and the lines of their values, and
/// the references in them. Follows the reader's line rules (comments, indented continuation lines) but never
/// rejects text: a half-typed file still has an outline. The reader itself stays the authority on meaning.
/// </summary>
public sealed class ConfOutline
{
    private readonly string[] _lines;

    private ConfOutline(string[] lines, List<OutlineSection> sections, List<OutlineOption> options)
    {
        _lines = lines;
        Sections = sections;
        Options = options;
    }

    public IReadOnlyList<OutlineSection> Sections { get; }

    public IReadOnlyList<OutlineOption> Options { get; }

    public IReadOnlyList<string> Lines => _lines;

    public static string[] SplitLines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    public static ConfOutline Parse(string text)
    {
        var lines = SplitLines(text);
        var sections = new List<OutlineSection>();
        var options = new List<OutlineOption>();
        string? section = null;
        int sectionLine = 0, sectionNameStart = 0, sectionNameEnd = 0;
        OutlineOption? current = null;
        var indentLevel = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';') continue;
            var indent = line.Length - line.TrimStart().Length;
            if (current != null && indent > indentLevel)
            {
                current = current with { EndLine = i };
                options[options.Count - 1] = current;
                continue;
            }
            indentLevel = indent;
            if (trimmed[0] == '[' && trimmed.LastIndexOf(']') > 1)
            {
                if (section != null) sections.Add(new OutlineSection(section, sectionLine, sectionNameStart, sectionNameEnd, LastContentLine(lines, i - 1)));
                section = trimmed.Substring(1, trimmed.LastIndexOf(']') - 1);
                sectionLine = i;
                sectionNameStart = indent + 1;
                sectionNameEnd = sectionNameStart + section.Length;
                current = null;
                continue;
            }
            var delimiter = line.IndexOfAny(new[] { '=', ':' });
            if (delimiter < 0 || section is null)
            {
                current = null;
                continue;
            }
            var name = line.Substring(indent, delimiter - indent).TrimEnd();
            if (name.Length == 0)
            {
                current = null;
                continue;
            }
            var valueStart = delimiter + 1;
            while (valueStart < line.Length && char.IsWhiteSpace(line[valueStart])) valueStart++;
            current = new OutlineOption(section, name.ToLowerInvariant(), i, indent, indent + name.Length, valueStart, i);
            options.Add(current);
        }
        if (section != null) sections.Add(new OutlineSection(section, sectionLine, sectionNameStart, sectionNameEnd, LastContentLine(lines, lines.Length - 1)));
        return new ConfOutline(lines, sections, options);
    }

    private static int LastContentLine(string[] lines, int from)
    {
        var i = from;
        while (i > 0 && lines[i].Trim().Length == 0) i--;
        return Math.Max(i, 0);
    }

    /// <summary>The section a 0-based line is in, or null before the first header.</summary>
    public OutlineSection? SectionAt(int line)
    {
        OutlineSection? found = null;
        foreach (var s in Sections)
            if (s.Line <= line) found = s;
        return found;
    }

    /// <summary>The option whose name or value covers a 0-based line, or null.</summary>
    public OutlineOption? OptionAt(int line)
    {
        foreach (var o in Options)
            if (o.Line <= line && line <= o.EndLine) return o;
        return null;
    }

    /// <summary>The option whose name is under the cursor, or null.</summary>
    public OutlineOption? OptionNameAt(int line, int character)
    {
        foreach (var o in Options)
            if (o.Line == line && o.NameStart <= character && character <= o.NameEnd) return o;
        return null;
    }

    /// <summary>The references written in the option values (comments excluded), in text order.</summary>
    public IEnumerable<OutlineReference> References()
    {
        foreach (var o in Options)
            for (var line = o.Line; line <= o.EndLine; line++)
            {
                var text = _lines[line];
                var trimmed = text.TrimStart();
                if (line > o.Line && (trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith(";", StringComparison.Ordinal))) continue;
                foreach (var r in ReferencesIn(text, line, line == o.Line ? o.ValueStart : 0)) yield return r;
            }
    }

    /// <summary>The reference under the cursor (innermost tag for nested <c>&lt;a&lt;b&gt;&gt;</c>), or null.</summary>
    public OutlineReference? ReferenceAt(int line, int character)
    {
        if (line < 0 || line >= _lines.Length) return null;
        OutlineReference? best = null;
        foreach (var r in ReferencesIn(_lines[line], line, 0))
            if (r.Start <= character && character < r.End && (best is null || r.End - r.Start < best.End - best.Start)) best = r;
        return best;
    }

    /// <summary><c>%(name)s</c> and <c>&lt;name&gt;</c> (Fail2Ban's tag syntax: no space or angle bracket inside) in one line.</summary>
    public static IEnumerable<OutlineReference> ReferencesIn(string text, int line, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] == '(')
            {
                var close = text.IndexOf(")s", i + 2, StringComparison.Ordinal);
                if (close > i + 2) yield return new OutlineReference(ReferenceKind.Interpolation, text.Substring(i + 2, close - i - 2), line, i, close + 2);
            }
            else if (text[i] == '<')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != ' ' && text[j] != '<' && text[j] != '>') j++;
                if (j > i + 1 && j < text.Length && text[j] == '>') yield return new OutlineReference(ReferenceKind.Tag, text.Substring(i + 1, j - i - 1), line, i, j + 1);
            }
        }
    }
}
