using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Parses a Python 3.11 <c>re</c> pattern (str pattern) into a <see cref="RegexTree"/>, accepting and
/// rejecting exactly what CPython's parser and compiler do (error messages in Python's words), so
/// that a filter .NET would run is one Fail2Ban would also load.
/// </summary>
public sealed class PythonRegexParser
{
    private const long MaxRepeat = 4294967295; // _sre.MAXREPEAT
    private const string SpecialChars = ".\\[{()*+?^$|";
    private const string FlagChars = "iLmsxatu";

    private readonly string _p;
    private readonly PythonRegexFlags _compileFlags;
    private readonly ISet<int>? _literalBarriers;
    private int _pos;
    private int _depth; // open groups around _pos, bounded by EngineLimits.MaxRegexNesting
    private PythonRegexFlags _globalFlags;

    // Python's group state: a slot per opened group (null while still open).
    private readonly List<GroupNode?> _groups = new();
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private int? _lookbehindGroups;
    private readonly Dictionary<int, int> _conditionalRefPositions = new();
    private readonly List<ConditionalNode> _conditionals = new();
    private readonly List<GroupNode> _lookbehinds = new();

    private PythonRegexParser(string pattern, PythonRegexFlags compileFlags, ISet<int>? literalBarriers)
    {
        _p = pattern;
        _compileFlags = compileFlags;
        _literalBarriers = literalBarriers;
    }

    /// <summary>
    /// Parses <paramref name="pattern"/> as <c>re.compile(pattern, flags)</c> would.
    /// Throws <see cref="RegexTranslationException"/> (offsets into <paramref name="pattern"/>) when Python rejects it
    /// or when it uses a construct this translator does not support.
    /// </summary>
    public static RegexTree Parse(string pattern, PythonRegexFlags flags = PythonRegexFlags.None) =>
        Parse(pattern, flags, null);

    /// <summary>As <see cref="Parse(string, PythonRegexFlags)"/>; adjacent literals are not merged across an offset in <paramref name="literalBarriers"/>.</summary>
    internal static RegexTree Parse(string pattern, PythonRegexFlags flags, ISet<int>? literalBarriers)
    {
        if (pattern is null) throw new ArgumentNullException(nameof(pattern));
        return new PythonRegexParser(pattern, flags, literalBarriers).ParsePattern();
    }

    private RegexTree ParsePattern()
    {
        _globalFlags = _compileFlags;
        var root = ParseAlternation((_compileFlags & PythonRegexFlags.Verbose) != 0, 0);
        if (_pos < _p.Length)
            throw Syntax("unbalanced parenthesis", _pos, 1); // only a ')' can stop the top level early
        CheckFlags();
        foreach (var pair in _conditionalRefPositions)
            if (pair.Key > _groups.Count)
                throw Syntax("invalid group reference " + pair.Key, pair.Value, pair.Key.ToString(CultureInfo.InvariantCulture).Length);
        foreach (var c in _conditionals)
            if (c.GroupName is null && _groups[c.GroupNumber - 1] is { Name: { } name })
                c.GroupName = name;
        foreach (var lb in _lookbehinds)
        {
            var (lo, hi) = PythonRegexWidth.Of(lb.Body, _groups);
            if (lo > uint.MaxValue) throw Syntax("looks too much behind", lb.Span.Start, lb.Span.Length);
            if (lo != hi) throw Syntax("look-behind requires fixed-width pattern", lb.Span.Start, lb.Span.Length);
        }
        var groups = new GroupNode[_groups.Count];
        for (var i = 0; i < groups.Length; i++) groups[i] = _groups[i]!;
        return new RegexTree(_p, root, _globalFlags & ~_compileFlags, _compileFlags, groups);
    }

    private void CheckFlags()
    {
        // re._parser.fix_flags, plus what the 3.11 compiler refuses.
        if ((_globalFlags & PythonRegexFlags.Ascii) != 0 && (_globalFlags & PythonRegexFlags.Unicode) != 0)
            throw Syntax("ASCII and UNICODE flags are incompatible", 0, _p.Length);
        if ((_globalFlags & PythonRegexFlags.Template) != 0)
            throw new RegexTranslationException(DiagnosticIds.RegexUnsupported, "the TEMPLATE flag (?t) is not supported", 0, _p.Length);
    }

    // ---- alternation and sequence -------------------------------------------------------------

    private RegexNode ParseAlternation(bool verbose, int nested)
    {
        var start = _pos;
        var branches = new List<SequenceNode>();
        while (true)
        {
            branches.Add(ParseSequence(verbose, nested + 1, nested == 0 && branches.Count == 0));
            if (!Match('|')) break;
            if (nested == 0) verbose = (_globalFlags & PythonRegexFlags.Verbose) != 0;
        }
        if (branches.Count == 1) return branches[0];
        return new AlternationNode(PatternSpan.FromBounds(start, _pos), branches);
    }

    private SequenceNode ParseSequence(bool verbose, int nested, bool first)
    {
        var start = _pos;
        var items = new List<RegexNode>();
        var hasItems = false; // Python's "subpattern" is non-empty (global flags and comments add nothing)
        while (_pos < _p.Length)
        {
            var c = _p[_pos];
            if (c == '|' || c == ')') break;
            var tokenStart = _pos;
            _pos++;

            if (verbose)
            {
                if (c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f') continue;
                if (c == '#')
                {
                    SkipVerboseComment();
                    continue;
                }
            }

            if (c == '\\')
            {
                items.Add(ParseEscape(tokenStart));
                hasItems = true;
            }
            else if (SpecialChars.IndexOf(c) < 0)
            {
                items.Add(new LiteralNode(PatternSpan.FromBounds(tokenStart, _pos), ReadCodePointRest(c)));
                hasItems = true;
            }
            else if (c == '[')
            {
                items.Add(ParseClass(tokenStart));
                hasItems = true;
            }
            else if (c is '*' or '+' or '?' or '{')
            {
                if (!ParseQuantifier(c, tokenStart, items, hasItems))
                {
                    items.Add(new LiteralNode(PatternSpan.FromBounds(tokenStart, tokenStart + 1), "{"));
                    hasItems = true;
                }
            }
            else if (c == '.')
            {
                items.Add(new AnyCharNode(PatternSpan.FromBounds(tokenStart, _pos)));
                hasItems = true;
            }
            else if (c == '(')
            {
                var node = ParseParenthesis(tokenStart, verbose, nested, first && !hasItems, out var isGlobalFlags);
                if (node is null) continue; // comment
                items.Add(node);
                if (isGlobalFlags) verbose = (_globalFlags & PythonRegexFlags.Verbose) != 0;
                else hasItems = true;
            }
            else if (c == '^')
            {
                items.Add(new AnchorNode(PatternSpan.FromBounds(tokenStart, _pos), AnchorKind.LineStart));
                hasItems = true;
            }
            else // '$'
            {
                items.Add(new AnchorNode(PatternSpan.FromBounds(tokenStart, _pos), AnchorKind.LineEnd));
                hasItems = true;
            }
        }
        return new SequenceNode(PatternSpan.FromBounds(start, _pos), MergeLiterals(items));
    }

    private void SkipVerboseComment()
    {
        // Python skips whole tokens, so "\<newline>" does not end the comment.
        while (_pos < _p.Length)
        {
            var c = _p[_pos++];
            if (c == '\n') return;
            if (c == '\\')
            {
                if (_pos >= _p.Length) throw Syntax("bad escape (end of pattern)", _p.Length - 1, 1);
                _pos++;
            }
        }
    }

    /// <summary>Merges runs of adjacent literals into one node each, in linear time (a run may be megabytes).</summary>
    private List<RegexNode> MergeLiterals(List<RegexNode> items)
    {
        if (items.Count < 2) return items;
        var merged = new List<RegexNode>(items.Count);
        var i = 0;
        while (i < items.Count)
        {
            var end = i + 1;
            if (items[i] is LiteralNode)
                while (end < items.Count && items[end] is LiteralNode next && items[end - 1].Span.End == next.Span.Start
                       && _literalBarriers?.Contains(next.Span.Start) != true)
                    end++;
            if (end == i + 1)
            {
                merged.Add(items[i]);
            }
            else
            {
                var text = new StringBuilder();
                for (var k = i; k < end; k++) text.Append(((LiteralNode)items[k]).Value);
                merged.Add(new LiteralNode(PatternSpan.FromBounds(items[i].Span.Start, items[end - 1].Span.End), text.ToString()));
            }
            i = end;
        }
        return merged;
    }

    // ---- quantifiers --------------------------------------------------------------------------

    /// <summary>Applies a quantifier to the last item; false when a '{' is a literal.</summary>
    private bool ParseQuantifier(char c, int tokenStart, List<RegexNode> items, bool hasItems)
    {
        long min, max;
        var minOmitted = false;
        if (c == '?') { min = 0; max = 1; }
        else if (c == '*') { min = 0; max = MaxRepeat; }
        else if (c == '+') { min = 1; max = MaxRepeat; }
        else
        {
            if (Peek() == '}') return false;
            var here = _pos;
            var lo = ReadDigits();
            string hi;
            if (Match(',')) hi = ReadDigits();
            else hi = lo;
            if (!Match('}'))
            {
                _pos = here;
                return false;
            }
            min = 0;
            max = MaxRepeat;
            minOmitted = lo.Length == 0;
            if (lo.Length > 0)
            {
                min = ParseRepeatCount(lo, tokenStart);
            }
            if (hi.Length > 0)
            {
                max = ParseRepeatCount(hi, tokenStart);
                if (max < min) throw Syntax("min repeat greater than max repeat", tokenStart, _pos - tokenStart);
            }
        }

        var last = items.Count > 0 ? items[items.Count - 1] : null;
        if (!hasItems || last is null || last is AnchorNode || last is GlobalFlagsNode)
            throw Syntax("nothing to repeat", tokenStart, _pos - tokenStart);
        if (last is QuantifierNode)
            throw Syntax("multiple repeat", tokenStart, _pos - tokenStart);

        var lazy = Match('?');
        var possessive = !lazy && Match('+');
        if (min > int.MaxValue || (max != MaxRepeat && max > int.MaxValue))
            throw new RegexTranslationException(DiagnosticIds.RegexUnsupported,
                "repetition count too large for .NET", tokenStart, _pos - tokenStart);
        items[items.Count - 1] = new QuantifierNode(PatternSpan.FromBounds(last.Span.Start, _pos), last,
            (int)min, max == MaxRepeat ? null : (int)max, lazy, possessive, minOmitted);
        return true;
    }

    private long ParseRepeatCount(string digits, int tokenStart)
    {
        if (digits.Length > 10 || long.Parse(digits, CultureInfo.InvariantCulture) >= MaxRepeat)
            throw Syntax("the repetition number is too large", tokenStart, _pos - tokenStart);
        return long.Parse(digits, CultureInfo.InvariantCulture);
    }

    private string ReadDigits()
    {
        var start = _pos;
        while (_pos < _p.Length && _p[_pos] >= '0' && _p[_pos] <= '9') _pos++;
        return _p.Substring(start, _pos - start);
    }

    // ---- escapes ------------------------------------------------------------------------------

    private RegexNode ParseEscape(int start)
    {
        if (_pos >= _p.Length) throw Syntax("bad escape (end of pattern)", _p.Length - 1, 1);
        var c = _p[_pos++];
        PatternSpan Span() => PatternSpan.FromBounds(start, _pos);
        switch (c)
        {
            case 'A': return new AnchorNode(Span(), AnchorKind.StringStart);
            case 'Z': return new AnchorNode(Span(), AnchorKind.StringEnd);
            case 'b': return new AnchorNode(Span(), AnchorKind.WordBoundary);
            case 'B': return new AnchorNode(Span(), AnchorKind.NonWordBoundary);
            case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
                return new CharClassNode(Span(), false, false, new[] { CharClassItem.Class(Shorthand(c), Span()) });
        }
        if (TryParseCommonEscape(c, start, out var codePoint))
            return new LiteralNode(Span(), char.ConvertFromUtf32(codePoint));
        if (c == '0')
        {
            var digits = "0" + ReadWhile(2, IsOctal);
            return new LiteralNode(Span(), char.ConvertFromUtf32(Convert.ToInt32(digits, 8)));
        }
        if (c >= '1' && c <= '9')
        {
            var escape = c.ToString();
            if (Peek() is >= '0' and <= '9')
            {
                escape += _p[_pos++];
                if (IsOctal(escape[0]) && IsOctal(escape[1]) && Peek() is { } third && IsOctal(third))
                {
                    escape += _p[_pos++];
                    var value = Convert.ToInt32(escape, 8);
                    if (value > 0xFF)
                        throw Syntax("octal escape value \\" + escape + " outside of range 0-0o377", start, _pos - start);
                    return new LiteralNode(Span(), char.ConvertFromUtf32(value));
                }
            }
            var group = int.Parse(escape, CultureInfo.InvariantCulture);
            if (group <= _groups.Count)
            {
                if (_groups[group - 1] is null) throw Syntax("cannot refer to an open group", start, _pos - start);
                CheckLookbehindGroup(group, start);
                return new BackreferenceNode(Span(), group, _groups[group - 1]!.Name, false);
            }
            throw Syntax("invalid group reference " + group, start + 1, _pos - start - 1);
        }
        if (IsAsciiLetter(c)) throw Syntax("bad escape \\" + c, start, 2);
        return new LiteralNode(Span(), ReadCodePointRest(c));
    }

    /// <summary>Escapes with the same meaning inside and outside classes: <c>\a \f \n \r \t \v \\ \x \u \U \N</c>.</summary>
    private bool TryParseCommonEscape(char c, int start, out int codePoint)
    {
        codePoint = c switch
        {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '\\' => '\\',
            _ => -1,
        };
        if (codePoint >= 0) return true;
        var digits = c switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits > 0)
        {
            var hex = ReadWhile(digits, IsHex);
            if (hex.Length != digits) throw Syntax("incomplete escape \\" + c + hex, start, _pos - start);
            var value = long.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (value > 0x10FFFF) throw Syntax("bad escape \\" + c + hex, start, _pos - start);
            if (value >= 0xD800 && value <= 0xDFFF)
                throw new RegexTranslationException(DiagnosticIds.RegexUnsupported,
                    "a lone surrogate escape has no .NET equivalent", start, _pos - start);
            codePoint = (int)value;
            return true;
        }
        if (c == 'N')
        {
            if (!Match('{')) throw Syntax("missing {", _pos, 0);
            var name = ReadUntil('}', "character name");
            throw new RegexTranslationException(DiagnosticIds.RegexUnsupported,
                "named Unicode escape \\N{" + name + "} is not supported", start, _pos - start);
        }
        return false;
    }

    private static ShorthandClass Shorthand(char c) => c switch
    {
        'd' => ShorthandClass.Digit,
        'D' => ShorthandClass.NotDigit,
        'w' => ShorthandClass.Word,
        'W' => ShorthandClass.NotWord,
        's' => ShorthandClass.Space,
        _ => ShorthandClass.NotSpace,
    };

    // ---- character classes --------------------------------------------------------------------

    private CharClassNode ParseClass(int start)
    {
        var items = new List<CharClassItem>();
        var negated = Match('^');
        while (true)
        {
            if (_pos >= _p.Length) throw Syntax("unterminated character set", start, _pos - start);
            var itemStart = _pos;
            var c = _p[_pos++];
            if (c == ']' && items.Count > 0) break;
            var first = ParseClassAtom(c, itemStart);
            var firstText = _p.Substring(itemStart, _pos - itemStart);
            if (Match('-'))
            {
                if (_pos >= _p.Length) throw Syntax("unterminated character set", start, _pos - start);
                var thatStart = _pos;
                var that = _p[_pos++];
                if (that == ']')
                {
                    items.Add(first);
                    items.Add(CharClassItem.Char('-', new PatternSpan(thatStart - 1, 1)));
                    break;
                }
                var second = ParseClassAtom(that, thatStart);
                var rangeSpan = PatternSpan.FromBounds(itemStart, _pos);
                if (first.Kind != CharClassItemKind.Char || second.Kind != CharClassItemKind.Char || second.First < first.First)
                    throw Syntax("bad character range " + firstText + "-" + _p.Substring(thatStart, _pos - thatStart),
                        itemStart, _pos - itemStart);
                items.Add(CharClassItem.Range(first.First, second.First, rangeSpan));
            }
            else
            {
                items.Add(first);
            }
        }
        return new CharClassNode(PatternSpan.FromBounds(start, _pos), negated, true, items);
    }

    private CharClassItem ParseClassAtom(char c, int start)
    {
        if (c != '\\')
        {
            var value = ReadCodePointRest(c);
            return CharClassItem.Char(char.ConvertToUtf32(value, 0), PatternSpan.FromBounds(start, _pos));
        }
        if (_pos >= _p.Length) throw Syntax("bad escape (end of pattern)", _p.Length - 1, 1);
        var e = _p[_pos++];
        PatternSpan Span() => PatternSpan.FromBounds(start, _pos);
        if (e == 'b') return CharClassItem.Char(8, Span());
        if (e is 'd' or 'D' or 'w' or 'W' or 's' or 'S') return CharClassItem.Class(Shorthand(e), Span());
        if (TryParseCommonEscape(e, start, out var cp)) return CharClassItem.Char(cp, Span());
        if (IsOctal(e))
        {
            var digits = e + ReadWhile(2, IsOctal);
            var value = Convert.ToInt32(digits, 8);
            if (value > 0xFF) throw Syntax("octal escape value \\" + digits + " outside of range 0-0o377", start, _pos - start);
            return CharClassItem.Char(value, Span());
        }
        if ((e >= '0' && e <= '9') || IsAsciiLetter(e)) throw Syntax("bad escape \\" + e, start, 2);
        var literal = ReadCodePointRest(e);
        return CharClassItem.Char(char.ConvertToUtf32(literal, 0), Span());
    }

    // ---- parentheses --------------------------------------------------------------------------

    /// <summary>Parses after '('. Returns null for a comment <c>(?#…)</c>.</summary>
    private RegexNode? ParseParenthesis(int start, bool verbose, int nested, bool atStart, out bool isGlobalFlags)
    {
        isGlobalFlags = false;
        var kind = GroupKind.Capturing;
        string? name = null;
        PythonRegexFlags add = 0, remove = 0;
        if (Match('?'))
        {
            if (_pos >= _p.Length) throw Syntax("unexpected end of pattern", _pos, 0);
            var c = _p[_pos++];
            switch (c)
            {
                case 'P':
                    if (Match('<'))
                    {
                        name = ReadUntil('>', "group name");
                        CheckGroupName(name, _pos - name.Length - 1);
                        break;
                    }
                    if (Match('='))
                    {
                        var refName = ReadUntil(')', "group name");
                        var nameAt = _pos - refName.Length - 1;
                        CheckGroupName(refName, nameAt);
                        if (!_names.TryGetValue(refName, out var gid))
                            throw Syntax("unknown group name '" + refName + "'", nameAt, refName.Length);
                        if (_groups[gid - 1] is null) throw Syntax("cannot refer to an open group", nameAt, refName.Length);
                        CheckLookbehindGroup(gid, start);
                        return new BackreferenceNode(PatternSpan.FromBounds(start, _pos), gid, refName, true);
                    }
                    if (_pos >= _p.Length) throw Syntax("unexpected end of pattern", _pos, 0);
                    var pToken = TokenAt(_pos);
                    throw Syntax("unknown extension ?P" + pToken, start + 1, 2 + pToken.Length);
                case ':':
                    kind = GroupKind.NonCapturing;
                    break;
                case '#':
                    while (true)
                    {
                        if (_pos >= _p.Length) throw Syntax("missing ), unterminated comment", start, _pos - start);
                        if (_p[_pos++] == ')') return null;
                    }
                case '=':
                case '!':
                case '<':
                    return ParseLookaround(start, c, verbose, nested);
                case '(':
                    return ParseConditional(start, verbose, nested);
                case '>':
                    kind = GroupKind.Atomic;
                    break;
                default:
                    if (FlagChars.IndexOf(c) < 0 && c != '-')
                    {
                        var token = TokenAt(_pos - 1);
                        throw Syntax("unknown extension ?" + token, start + 1, 1 + token.Length);
                    }
                    var global = !ParseFlags(c, out add, out remove);
                    if (global)
                    {
                        if (!atStart)
                            throw new RegexTranslationException(DiagnosticIds.GlobalFlagNotAtStart,
                                "global flags not at the start of the expression", start, _pos - start);
                        _globalFlags |= add;
                        isGlobalFlags = true;
                        return new GlobalFlagsNode(PatternSpan.FromBounds(start, _pos), add);
                    }
                    kind = GroupKind.ScopedFlags;
                    break;
            }
        }

        var number = 0;
        if (kind == GroupKind.Capturing)
        {
            _groups.Add(null);
            number = _groups.Count;
            if (name != null)
            {
                if (_names.TryGetValue(name, out var other))
                    throw new RegexTranslationException(DiagnosticIds.DuplicateGroupName,
                        "redefinition of group name '" + name + "' as group " + number + "; was group " + other,
                        _pos - name.Length - 1, name.Length);
                _names[name] = number;
            }
        }
        var subVerbose = (verbose || (add & PythonRegexFlags.Verbose) != 0) && (remove & PythonRegexFlags.Verbose) == 0;
        EnterGroup(start);
        var body = ParseAlternation(subVerbose, nested + 1);
        _depth--;
        if (!Match(')')) throw Syntax("missing ), unterminated subpattern", start, _pos - start);
        var node = new GroupNode(PatternSpan.FromBounds(start, _pos), kind, body, name, number, add, remove);
        if (number > 0) _groups[number - 1] = node;
        return node;
    }

    private GroupNode ParseLookaround(int start, char c, bool verbose, int nested)
    {
        GroupKind kind;
        int? savedLookbehind = null;
        var isBehind = false;
        if (c == '<')
        {
            if (_pos >= _p.Length) throw Syntax("unexpected end of pattern", _pos, 0);
            var d = _p[_pos++];
            if (d != '=' && d != '!')
            {
                var token = TokenAt(_pos - 1);
                throw Syntax("unknown extension ?<" + token, start + 1, 2 + token.Length);
            }
            kind = d == '=' ? GroupKind.LookBehind : GroupKind.NegativeLookBehind;
            isBehind = true;
            savedLookbehind = _lookbehindGroups;
            _lookbehindGroups ??= _groups.Count + 1;
        }
        else
        {
            kind = c == '=' ? GroupKind.LookAhead : GroupKind.NegativeLookAhead;
        }
        EnterGroup(start);
        var body = ParseAlternation(verbose, nested + 1);
        _depth--;
        if (isBehind && savedLookbehind is null) _lookbehindGroups = null;
        if (!Match(')')) throw Syntax("missing ), unterminated subpattern", start, _pos - start);
        var node = new GroupNode(PatternSpan.FromBounds(start, _pos), kind, body);
        if (isBehind) _lookbehinds.Add(node);
        return node;
    }

    private ConditionalNode ParseConditional(int start, bool verbose, int nested)
    {
        var condName = ReadUntil(')', "group name");
        var nameAt = _pos - condName.Length - 1;
        int group;
        string? groupName = null;
        var byName = PythonCharCategories.IsIdentifier(condName);
        if (byName)
        {
            if (!_names.TryGetValue(condName, out group))
                throw Syntax("unknown group name '" + condName + "'", nameAt, condName.Length);
            groupName = condName;
        }
        else
        {
            if (!IsAsciiDigits(condName) || condName.Length > 10)
                throw Syntax("bad character in group name '" + condName + "'", nameAt, condName.Length);
            var value = long.Parse(condName, CultureInfo.InvariantCulture);
            if (value == 0) throw Syntax("bad group number", nameAt, condName.Length);
            if (value >= 1073741823) throw Syntax("invalid group reference " + value, nameAt, condName.Length);
            group = (int)value;
            if (!_conditionalRefPositions.ContainsKey(group)) _conditionalRefPositions[group] = nameAt;
            if (group <= _groups.Count && _groups[group - 1] is { Name: { } n }) groupName = n;
        }
        CheckLookbehindGroup(group, start);
        EnterGroup(start);
        var yes = ParseSequence(verbose, nested + 1, false);
        SequenceNode? no = null;
        if (Match('|'))
        {
            no = ParseSequence(verbose, nested + 1, false);
            if (Peek() == '|') throw Syntax("conditional backref with more than two branches", _pos, 1);
        }
        _depth--;
        if (!Match(')')) throw Syntax("missing ), unterminated subpattern", start, _pos - start);
        var node = new ConditionalNode(PatternSpan.FromBounds(start, _pos), group, groupName, byName, yes, no);
        _conditionals.Add(node);
        return node;
    }

    /// <summary>Parses inline flags after "(?c". True for scoped flags <c>(?i:</c>, false for global <c>(?i)</c>.</summary>
    private bool ParseFlags(char c, out PythonRegexFlags add, out PythonRegexFlags remove)
    {
        add = 0;
        remove = 0;
        const PythonRegexFlags typeFlags = PythonRegexFlags.Ascii | PythonRegexFlags.Locale | PythonRegexFlags.Unicode;
        if (c != '-')
        {
            while (true)
            {
                var flag = FlagOf(c);
                if (flag == PythonRegexFlags.Locale)
                    throw Syntax("bad inline flags: cannot use 'L' flag with a str pattern", _pos - 1, 1);
                add |= flag;
                if ((flag & typeFlags) != 0 && (add & typeFlags) != flag)
                    throw Syntax("bad inline flags: flags 'a', 'u' and 'L' are incompatible", _pos - 1, 1);
                if (_pos >= _p.Length) throw Syntax("missing -, : or )", _pos, 0);
                c = _p[_pos++];
                if (c is ')' or '-' or ':') break;
                if (FlagChars.IndexOf(c) < 0)
                    throw Syntax(char.IsLetter(c) ? "unknown flag" : "missing -, : or )", _pos - 1, 1);
            }
        }
        if (c == ')') return false;
        if ((add & PythonRegexFlags.Template) != 0) throw Syntax("bad inline flags: cannot turn on global flag", _pos - 1, 1);
        if (c == '-')
        {
            if (_pos >= _p.Length) throw Syntax("missing flag", _pos, 0);
            c = _p[_pos++];
            if (FlagChars.IndexOf(c) < 0)
                throw Syntax(char.IsLetter(c) ? "unknown flag" : "missing flag", _pos - 1, 1);
            while (true)
            {
                var flag = FlagOf(c);
                if ((flag & typeFlags) != 0)
                    throw Syntax("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", _pos - 1, 1);
                remove |= flag;
                if (_pos >= _p.Length) throw Syntax("missing :", _pos, 0);
                c = _p[_pos++];
                if (c == ':') break;
                if (FlagChars.IndexOf(c) < 0)
                    throw Syntax(char.IsLetter(c) ? "unknown flag" : "missing :", _pos - 1, 1);
            }
        }
        if ((remove & PythonRegexFlags.Template) != 0) throw Syntax("bad inline flags: cannot turn off global flag", _pos - 1, 1);
        if ((add & remove) != 0) throw Syntax("bad inline flags: flag turned on and off", _pos - 1, 1);
        return true;
    }

    private static PythonRegexFlags FlagOf(char c) => c switch
    {
        'i' => PythonRegexFlags.IgnoreCase,
        'L' => PythonRegexFlags.Locale,
        'm' => PythonRegexFlags.Multiline,
        's' => PythonRegexFlags.DotAll,
        'x' => PythonRegexFlags.Verbose,
        'a' => PythonRegexFlags.Ascii,
        't' => PythonRegexFlags.Template,
        _ => PythonRegexFlags.Unicode,
    };

    /// <summary>Opens a group at <paramref name="start"/>: past Fail2Ban's nesting limit Python fails with RecursionError.</summary>
    private void EnterGroup(int start)
    {
        if (++_depth > EngineLimits.MaxRegexNesting)
            throw new RegexTranslationException(DiagnosticIds.LimitExceeded,
                "groups nested more than " + EngineLimits.MaxRegexNesting
                + " deep: Fail2Ban fails to compile the regex (RecursionError: maximum recursion depth exceeded)", start, 1);
    }

    private void CheckGroupName(string name, int at)
    {
        if (!PythonCharCategories.IsIdentifier(name))
            throw Syntax("bad character in group name '" + name + "'", at, name.Length);
    }

    private void CheckLookbehindGroup(int group, int at)
    {
        if (_lookbehindGroups is not { } first) return;
        if (group > _groups.Count || _groups[group - 1] is null) throw Syntax("cannot refer to an open group", at, _pos - at);
        if (group >= first) throw Syntax("cannot refer to group defined in the same lookbehind subpattern", at, _pos - at);
    }

    // ---- low-level reading --------------------------------------------------------------------

    /// <summary>Python's token at <paramref name="at"/>: a character, or a backslash with the next one.</summary>
    private string TokenAt(int at)
    {
        var length = _p[at] == '\\' && at + 1 < _p.Length ? 2 : 1;
        if (at + length < _p.Length && char.IsHighSurrogate(_p[at + length - 1]) && char.IsLowSurrogate(_p[at + length])) length++;
        return _p.Substring(at, length);
    }

    private char? Peek() => _pos < _p.Length ? _p[_pos] : null;

    private bool Match(char c)
    {
        if (_pos < _p.Length && _p[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    /// <summary>The code point starting with <paramref name="c"/> (just consumed): completes a surrogate pair.</summary>
    private string ReadCodePointRest(char c)
    {
        if (char.IsHighSurrogate(c) && _pos < _p.Length && char.IsLowSurrogate(_p[_pos]))
            return new string(new[] { c, _p[_pos++] });
        return c.ToString();
    }

    private string ReadWhile(int max, Func<char, bool> accept)
    {
        var start = _pos;
        while (_pos - start < max && _pos < _p.Length && accept(_p[_pos])) _pos++;
        return _p.Substring(start, _pos - start);
    }

    /// <summary>Python's <c>getuntil</c>: reads tokens up to <paramref name="terminator"/> (consumed).</summary>
    private string ReadUntil(char terminator, string what)
    {
        var start = _pos;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _p.Length)
            {
                if (sb.Length == 0) throw Syntax("missing " + what, _pos, 0);
                throw Syntax("missing " + terminator + ", unterminated name", start, _pos - start);
            }
            var c = _p[_pos++];
            if (c == terminator)
            {
                if (sb.Length == 0) throw Syntax("missing " + what, _pos - 1, 1);
                return sb.ToString();
            }
            sb.Append(c);
            if (c == '\\')
            {
                if (_pos >= _p.Length) throw Syntax("bad escape (end of pattern)", _p.Length - 1, 1);
                sb.Append(_p[_pos++]);
            }
        }
    }

    private static bool IsOctal(char c) => c >= '0' && c <= '7';

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiDigits(string s)
    {
        foreach (var c in s) if (c < '0' || c > '9') return false;
        return s.Length > 0;
    }

    private static RegexTranslationException Syntax(string message, int offset, int length) =>
        new(DiagnosticIds.RegexSyntax, message, offset, Math.Max(0, length));
}
