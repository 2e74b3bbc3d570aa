using System.Collections.Generic;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>
/// Parses one config file with the dialect of Python's <c>configparser</c> as Fail2Ban configures it
/// (spec 1.2): <c>;</c> inline comments only after whitespace, <c>#</c>/<c>;</c> full-line comments even when
/// indented, indentation-based continuation lines, blank lines kept inside values, strict duplicate checks.
/// </summary>
public static class IniParser
{
    /// <summary>The name of the section whose options every other section falls back to.</summary>
    public const string DefaultSection = "DEFAULT";

    /// <summary>
    /// Whether <paramref name="text"/> looks like a Fail2Ban config: its first line that is neither blank nor a comment
    /// is a <c>[section]</c> header. Output quotes lines only of such files, never of a file that is not a config
    /// (an include naming <c>/etc/shadow</c> or <c>/proc/self/environ</c>).
    /// </summary>
    public static bool LooksLikeConfig(string text)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var end = pos;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
            var (s, e) = PythonText.StripBounds(text, pos, end);
            if (s < e && text[s] != '#' && text[s] != ';')
                return text[s] == '[' && text.IndexOf(']', s, e - s) > s + 1;
            pos = end + 1;
        }
        return false;
    }

    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>; throws <see cref="Fail2BanException"/> on malformed input.</summary>
    public static IniDocument Parse(string path, string text)
    {
        var state = new ParseState(path);
        var lineNo = 0;
        var pos = 0;
        // Python reads files with universal newlines: \r\n, \r and \n all end a line.
        while (pos < text.Length)
        {
            var end = pos;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
            lineNo++;
            state.ReadLine(text, pos, end, lineNo);
            if (end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n') end++;
            pos = end + 1;
        }
        return state.Finish();
    }

    private sealed class PendingValue
    {
        public PendingValue(string section, ConfigSection target, string name, SourceLocation nameLocation)
        {
            Section = section;
            Target = target;
            Name = name;
            NameLocation = nameLocation;
        }

        public string Section { get; }
        public ConfigSection Target { get; }
        public string Name { get; }
        public SourceLocation NameLocation { get; }
        public List<(LocatedString Text, SourceLocation End)> Lines { get; } = new();
    }

    private sealed class ParseState
    {
        private readonly string _path;
        private readonly ConfigSection _defaults;
        private readonly List<ConfigSection> _sections = new();
        private readonly Dictionary<string, ConfigSection> _byName = new();
        private readonly HashSet<(string, string)> _optionsSeen = new();
        private readonly List<PendingValue> _values = new();
        private ConfigSection? _current;
        private string? _currentName;
        private PendingValue? _option;
        private int _indentLevel;
        private Fail2BanException? _firstParseError;

        public ParseState(string path)
        {
            _path = path;
            _defaults = new ConfigSection(DefaultSection, null);
        }

        public void ReadLine(string text, int start, int end, int lineNo)
        {
            var commentStart = FindCommentStart(text, start, end);
            var (vs, ve) = PythonText.StripBounds(text, start, commentStart ?? end);
            if (vs == ve)
            {
                // A blank line belongs to the value being read, unless it only held a comment.
                if (commentStart is null && _option is not null)
                    _option.Lines.Add((LocatedString.At("", Loc(lineNo, 1)), Loc(lineNo, 1)));
                return;
            }
            var indent = 0;
            while (start + indent < end && PythonText.IsSpace(text[start + indent])) indent++;
            var valueLoc = Loc(lineNo, vs - start + 1);
            var value = text.Substring(vs, ve - vs);
            if (_option is not null && indent > _indentLevel)
            {
                _option.Lines.Add((LocatedString.At(value, valueLoc), Loc(lineNo, ve - start + 1)));
                return;
            }
            _indentLevel = indent;
            if (TryParseHeader(value, out var header))
            {
                OpenSection(header, valueLoc);
                return;
            }
            if (_current is null)
                // The line is not quoted: a file without a section first may be no config at all (before = /etc/shadow).
                throw new Fail2BanException(DiagnosticIds.ConfigSyntax,
                    "File contains no section headers: line " + lineNo + " comes before any [section]"
                    + (value.Length > 0 && value[0] == '\uFEFF' ? " (the file starts with a UTF-8 byte order mark, which Fail2Ban does not skip)" : ""),
                    valueLoc);
            var delimiter = value.IndexOfAny(Delimiters);
            if (delimiter < 0)
            {
                RecordParseError("cannot parse line " + Quote(value) + ": expected '[section]', 'name = value' or 'name: value'", valueLoc);
                return;
            }
            var nameEnd = delimiter;
            while (nameEnd > 0 && PythonText.IsSpace(value[nameEnd - 1])) nameEnd--;
            if (nameEnd == 0)
            {
                RecordParseError("option without a name in line " + Quote(value), valueLoc);
                _option = null;
                return;
            }
            var name = PythonText.Lower(value.Substring(0, nameEnd));
            if (!_optionsSeen.Add((_currentName!, name)))
                throw new Fail2BanException(DiagnosticIds.ConfigSyntax,
                    "option '" + name + "' in section '" + _currentName + "' already exists in this file", valueLoc);
            var (rs, re) = PythonText.StripBounds(value, delimiter + 1, value.Length);
            var pending = new PendingValue(_currentName!, _current, name, valueLoc);
            pending.Lines.Add((LocatedString.At(value.Substring(rs, re - rs), Loc(lineNo, vs - start + 1 + rs)), Loc(lineNo, vs - start + 1 + re)));
            _values.Add(pending);
            _option = pending;
        }

        public IniDocument Finish()
        {
            foreach (var pending in _values)
                pending.Target.Set(new ConfigOption(pending.Name, JoinLines(pending.Lines), pending.NameLocation));
            if (_firstParseError is not null) throw _firstParseError;
            return new IniDocument(_path, _defaults, _sections);
        }

        private static readonly char[] Delimiters = { '=', ':' };

        private SourceLocation Loc(int line, int column) => new(_path, line, column);

        private void OpenSection(string header, SourceLocation location)
        {
            _option = null;
            if (_byName.ContainsKey(header))
                throw new Fail2BanException(DiagnosticIds.ConfigSyntax,
                    "section '" + header + "' already exists in this file", location);
            _currentName = header;
            if (header == DefaultSection)
            {
                _current = _defaults;
                return;
            }
            var section = new ConfigSection(header, location);
            _byName[header] = section;
            _sections.Add(section);
            _current = section;
        }

        private void RecordParseError(string message, SourceLocation location) =>
            _firstParseError ??= new Fail2BanException(DiagnosticIds.ConfigSyntax, message, location);

        /// <summary>Start of a comment: a full-line <c>#</c>/<c>;</c> comment, or the first <c>;</c> at the
        /// line start or after whitespace; null when the line has none.</summary>
        private static int? FindCommentStart(string text, int start, int end)
        {
            var (s, e) = PythonText.StripBounds(text, start, end);
            if (s < e && (text[s] == '#' || text[s] == ';')) return start;
            for (var i = start; i < end; i++)
                if (text[i] == ';' && (i == start || PythonText.IsSpace(text[i - 1])))
                    return i;
            return null;
        }

        /// <summary>Section header: <c>[</c> at the start, the name runs to the last <c>]</c> (Python's greedy <c>\[(.+)\]</c>).</summary>
        private static bool TryParseHeader(string value, out string header)
        {
            header = "";
            if (value.Length < 3 || value[0] != '[') return false;
            var close = value.LastIndexOf(']');
            if (close < 2) return false;
            header = value.Substring(1, close - 1);
            return true;
        }

        /// <summary>Joins value lines with <c>\n</c> and drops trailing blank lines (Python's <c>rstrip()</c>).</summary>
        private static LocatedString JoinLines(List<(LocatedString Text, SourceLocation End)> lines)
        {
            var count = lines.Count;
            while (count > 1 && lines[count - 1].Text.Text.Length == 0) count--;
            if (count == 1) return lines[0].Text;
            var b = new LocatedStringBuilder();
            for (var i = 0; i < count; i++)
            {
                if (i > 0) b.Append('\n', lines[i - 1].End);
                b.Append(lines[i].Text);
            }
            return b.ToLocatedString();
        }

        private static string Quote(string s) => "'" + (s.Length > 60 ? s.Substring(0, 60) + "…" : s) + "'";
    }
}
