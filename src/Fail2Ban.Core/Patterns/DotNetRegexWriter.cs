using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Writes a Python regex syntax tree as a .NET pattern with the same meaning under
/// <c>RegexOptions.CultureInvariant</c> (spec 6.3). Beyond the syntax rewrites it makes the
/// Unicode classes exact: <c>\w</c> becomes <c>[\p{L}\p{N}_]</c> and <c>\b</c> a look-around on
/// that class (.NET's <c>\w</c> also takes combining marks and connector punctuation, and misses
/// <c>²</c>-like numbers), <c>\s</c> gains U+001C..U+001F; <c>\d</c> is identical in both.
/// Case-insensitive matching is left to .NET (differs from Python only for a few letters such as
/// U+017F and U+0130).
/// </summary>
public static class DotNetRegexWriter
{
    /// <summary>Writes <paramref name="tree"/>; rewrites worth reporting are added to <paramref name="notes"/>.</summary>
    public static string Write(RegexTree tree, ICollection<TranslationNote>? notes = null) =>
        Write(tree.Root, tree.InlineFlags, notes);

    /// <summary>Writes <paramref name="root"/> (a tree or part of one) with the pattern's inline global flags.</summary>
    public static string Write(RegexNode root, PythonRegexFlags inlineGlobalFlags, ICollection<TranslationNote>? notes = null)
    {
        var writer = new Writer(notes);
        writer.WriteGlobalFlags(root, inlineGlobalFlags);
        writer.Write(root, (inlineGlobalFlags & PythonRegexFlags.Ascii) != 0);
        return writer.ToString();
    }

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private readonly ICollection<TranslationNote>? _notes;
        private int _plainGroups;
        private bool _namedGroupSeen;
        private RegexNode? _quantifiedBody; // the group being written as a quantifier's body keeps its parentheses
        private bool _numberedReferences;

        public Writer(ICollection<TranslationNote>? notes) => _notes = notes;

        public override string ToString() => _sb.ToString();

        public void WriteGlobalFlags(RegexNode root, PythonRegexFlags flags)
        {
            // Explicit group numbers are only worth a note when the pattern itself refers to groups by number.
            foreach (var node in root.DescendantsAndSelf())
                if (node is BackreferenceNode { WrittenByName: false } or ConditionalNode { WrittenByName: false })
                    _numberedReferences = true;
            var net = NetFlags(flags);
            if (net.Length > 0) _sb.Append("(?").Append(net).Append(')');
            if (_notes is null) return;
            foreach (var node in root.DescendantsAndSelf())
                if (node is GlobalFlagsNode g && (g.Flags & (PythonRegexFlags.Unicode | PythonRegexFlags.Ascii)) != 0)
                    Note(TranslationNoteKind.DroppedFlag, g.Span, DroppedFlagMessage(g.Flags));
        }

        public void Write(RegexNode node, bool ascii)
        {
            switch (node)
            {
                case SequenceNode seq:
                    foreach (var item in seq.Items) Write(item, ascii);
                    break;
                case AlternationNode alt:
                    for (var i = 0; i < alt.Alternatives.Count; i++)
                    {
                        if (i > 0) _sb.Append('|');
                        Write(alt.Alternatives[i], ascii);
                    }
                    break;
                case LiteralNode lit:
                    foreach (var c in lit.Value) AppendChar(_sb, c, inClass: false);
                    break;
                case CharClassNode cls:
                    WriteClass(cls, ascii);
                    break;
                case AnyCharNode:
                    _sb.Append('.');
                    break;
                case AnchorNode anchor:
                    WriteAnchor(anchor, ascii);
                    break;
                case GroupNode group:
                    WriteGroup(group, ascii);
                    break;
                case QuantifierNode q:
                    WriteQuantifier(q, ascii);
                    break;
                case BackreferenceNode b:
                    if (b.WrittenByName)
                        Note(TranslationNoteKind.NamedBackreference, b.Span, "(?P=" + b.GroupName + ") written as \\k<" + b.GroupName + ">");
                    _sb.Append("\\k<").Append(b.GroupName ?? PythonRegexTranslator.UnnamedGroupName(b.GroupNumber)).Append('>');
                    break;
                case ConditionalNode c:
                    _sb.Append("(?(").Append(c.GroupName ?? PythonRegexTranslator.UnnamedGroupName(c.GroupNumber)).Append(')');
                    Write(c.Yes, ascii);
                    if (c.No != null)
                    {
                        _sb.Append('|');
                        Write(c.No, ascii);
                    }
                    _sb.Append(')');
                    break;
                case GlobalFlagsNode:
                    break; // written once, at the very start
            }
        }

        private void WriteAnchor(AnchorNode anchor, bool ascii)
        {
            switch (anchor.Anchor)
            {
                case AnchorKind.LineStart: _sb.Append('^'); break;
                case AnchorKind.LineEnd: _sb.Append('$'); break;
                case AnchorKind.StringStart: _sb.Append("\\A"); break;
                case AnchorKind.StringEnd:
                    Note(TranslationNoteKind.EndOfString, anchor.Span, "\\Z written as \\z (.NET's \\Z also matches before a final newline)");
                    _sb.Append("\\z");
                    break;
                case AnchorKind.WordBoundary:
                case AnchorKind.NonWordBoundary:
                {
                    var w = ascii ? PythonCharCategories.AsciiWordMembers : PythonCharCategories.WordMembers;
                    var at = anchor.Anchor == AnchorKind.WordBoundary;
                    // Between a word and a non-word character (or vice versa) / between two of a kind;
                    // Python's \B never matches in an empty string.
                    _sb.Append("(?:(?<=[").Append(w).Append("])(?").Append(at ? '!' : '=').Append('[').Append(w)
                        .Append("])|(?<![").Append(w).Append("])(?").Append(at ? '=' : '!').Append('[').Append(w).Append("])")
                        .Append(at ? ")" : @"(?!\A\z))");
                    break;
                }
            }
        }

        private void WriteGroup(GroupNode group, bool ascii)
        {
            // (?:a) around plain text only groups it: written bare, since .NET's parser is quadratic in the number of
            // groups ((?:a) 200,000 times takes it 10 s). A quantified group keeps its parentheses.
            if (group.GroupKind == GroupKind.NonCapturing && !ReferenceEquals(group, _quantifiedBody)
                && group.Body is SequenceNode { Items.Count: > 0 } plain && plain.Items.All(i => i is LiteralNode))
            {
                Write(group.Body, ascii);
                return;
            }
            switch (group.GroupKind)
            {
                case GroupKind.Capturing when group.Name != null:
                    _namedGroupSeen = true;
                    Note(TranslationNoteKind.NamedGroup, new PatternSpan(group.Span.Start, 5 + group.Name.Length),
                        "(?P<" + group.Name + "> written as (?<" + group.Name + ">");
                    _sb.Append("(?<").Append(group.Name).Append('>');
                    break;
                case GroupKind.Capturing:
                    if (!_namedGroupSeen && group.Number == _plainGroups + 1)
                    {
                        _plainGroups++;
                        _sb.Append('(');
                    }
                    else
                    {
                        if (_numberedReferences)
                            Note(TranslationNoteKind.GroupNumber, new PatternSpan(group.Span.Start, 1),
                                "unnamed group " + group.Number + " numbered explicitly (.NET numbers unnamed groups before named ones)");
                        _sb.Append("(?<").Append(PythonRegexTranslator.UnnamedGroupName(group.Number)).Append('>');
                    }
                    break;
                case GroupKind.NonCapturing: _sb.Append("(?:"); break;
                case GroupKind.ScopedFlags:
                {
                    if (((group.AddFlags | group.RemoveFlags) & (PythonRegexFlags.Unicode | PythonRegexFlags.Ascii)) != 0)
                        Note(TranslationNoteKind.DroppedFlag, new PatternSpan(group.Span.Start, 2), DroppedFlagMessage(group.AddFlags));
                    if ((group.AddFlags & PythonRegexFlags.Ascii) != 0) ascii = true;
                    if ((group.AddFlags & PythonRegexFlags.Unicode) != 0) ascii = false;
                    var add = NetFlags(group.AddFlags);
                    var remove = NetFlags(group.RemoveFlags);
                    _sb.Append("(?").Append(add);
                    if (remove.Length > 0) _sb.Append('-').Append(remove);
                    _sb.Append(':');
                    break;
                }
                case GroupKind.Atomic: _sb.Append("(?>"); break;
                case GroupKind.LookAhead: _sb.Append("(?="); break;
                case GroupKind.NegativeLookAhead: _sb.Append("(?!"); break;
                case GroupKind.LookBehind: _sb.Append("(?<="); break;
                case GroupKind.NegativeLookBehind: _sb.Append("(?<!"); break;
            }
            Write(group.Body, ascii);
            _sb.Append(')');
        }

        private void WriteQuantifier(QuantifierNode q, bool ascii)
        {
            if (q.Possessive)
            {
                Note(TranslationNoteKind.PossessiveQuantifier, q.Span, "possessive quantifier written as an atomic group");
                _sb.Append("(?>");
            }
            // A supplementary character is two UTF-16 units in .NET: repeat them together.
            var wrap = q.Body is LiteralNode { Value.Length: > 1 };
            if (wrap) _sb.Append("(?:");
            _quantifiedBody = q.Body;
            Write(q.Body, ascii);
            if (wrap) _sb.Append(')');
            if (q.MinOmitted)
                Note(TranslationNoteKind.OpenLowerBound, PatternSpan.FromBounds(q.Body.Span.End, q.Span.End),
                    "{,n} written as {0,n} (.NET would match the braces literally)");
            var text = q.QuantifierText;
            _sb.Append(q.Possessive ? text.Substring(0, text.Length - 1) : text);
            if (q.Possessive) _sb.Append(')');
        }

        private void WriteClass(CharClassNode cls, bool ascii)
        {
            if (!cls.Bracketed)
            {
                var (members, negated) = cls.Items[0].Shorthand switch
                {
                    ShorthandClass.Digit => ascii ? (PythonCharCategories.AsciiDigitMembers, false) : (null, false),
                    ShorthandClass.NotDigit => ascii ? (PythonCharCategories.AsciiDigitMembers, true) : (null, false),
                    ShorthandClass.Word => (ascii ? PythonCharCategories.AsciiWordMembers : PythonCharCategories.WordMembers, false),
                    ShorthandClass.NotWord => (ascii ? PythonCharCategories.AsciiWordMembers : PythonCharCategories.WordMembers, true),
                    ShorthandClass.Space => (ascii ? PythonCharCategories.AsciiSpaceMembers : PythonCharCategories.SpaceMembers, false),
                    _ => (ascii ? PythonCharCategories.AsciiSpaceMembers : PythonCharCategories.SpaceMembers, true),
                };
                if (members is null) _sb.Append(cls.Items[0].Shorthand == ShorthandClass.Digit ? "\\d" : "\\D");
                else _sb.Append(negated ? "[^" : "[").Append(members).Append(']');
                return;
            }

            var sb = new StringBuilder();
            var notWord = false; // Unicode \W has no union-member form: handled below
            foreach (var item in cls.Items)
            {
                switch (item.Kind)
                {
                    case CharClassItemKind.Char:
                        if (item.First == '[' && item.Span.Length == 1) // written unescaped
                            Note(TranslationNoteKind.ClassBracket, item.Span, "[ inside a class escaped (.NET could read -[ as class subtraction)");
                        AppendClassCodePoint(sb, item.First, item.Span);
                        break;
                    case CharClassItemKind.Range:
                        AppendClassCodePoint(sb, item.First, item.Span);
                        sb.Append('-');
                        AppendClassCodePoint(sb, item.Last, item.Span);
                        break;
                    default:
                        switch (item.Shorthand)
                        {
                            case ShorthandClass.Digit: sb.Append(ascii ? PythonCharCategories.AsciiDigitMembers : "\\d"); break;
                            case ShorthandClass.NotDigit: sb.Append(ascii ? PythonCharCategories.AsciiNotDigitMembers : "\\D"); break;
                            case ShorthandClass.Word: sb.Append(ascii ? PythonCharCategories.AsciiWordMembers : PythonCharCategories.WordMembers); break;
                            case ShorthandClass.NotWord:
                                if (ascii) sb.Append(PythonCharCategories.AsciiNotWordMembers);
                                else notWord = true;
                                break;
                            case ShorthandClass.Space: sb.Append(ascii ? PythonCharCategories.AsciiSpaceMembers : PythonCharCategories.SpaceMembers); break;
                            default: sb.Append(ascii ? PythonCharCategories.AsciiNotSpaceMembers : PythonCharCategories.NotSpaceMembers); break;
                        }
                        break;
                }
            }
            if (!notWord)
            {
                _sb.Append(cls.Negated ? "[^" : "[").Append(sb).Append(']');
                return;
            }
            const string w = PythonCharCategories.WordMembers;
            if (cls.Negated) // word characters that are none of the others
                _sb.Append('[').Append(w).Append(sb.Length > 0 ? "-[" + sb + "]]" : "]");
            else if (sb.Length == 0)
                _sb.Append("[^").Append(w).Append(']');
            else
                _sb.Append("(?:[^").Append(w).Append("]|[").Append(sb).Append("])");
        }

        private static void AppendClassCodePoint(StringBuilder sb, int codePoint, PatternSpan span)
        {
            if (codePoint > 0xFFFF)
                throw new RegexTranslationException(DiagnosticIds.RegexUnsupported,
                    "a supplementary character (above U+FFFF) in a character class has no .NET equivalent", span.Start, span.Length);
            AppendChar(sb, (char)codePoint, inClass: true);
        }

        private void Note(TranslationNoteKind kind, PatternSpan span, string message) =>
            _notes?.Add(new TranslationNote(kind, span, message));

        private static string DroppedFlagMessage(PythonRegexFlags flags) =>
            (flags & PythonRegexFlags.Ascii) != 0
                ? "flag a dropped: ASCII-only \\w \\d \\s \\b written as explicit classes"
                : "flag u dropped (Unicode matching is the default)";

        private static string NetFlags(PythonRegexFlags flags)
        {
            var s = "";
            if ((flags & PythonRegexFlags.IgnoreCase) != 0) s += "i";
            if ((flags & PythonRegexFlags.Multiline) != 0) s += "m";
            if ((flags & PythonRegexFlags.DotAll) != 0) s += "s";
            return s;
        }
    }

    /// <summary>Appends <paramref name="c"/> so that .NET reads it as that literal character.</summary>
    internal static void AppendChar(StringBuilder sb, char c, bool inClass)
    {
        switch (c)
        {
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\f': sb.Append("\\f"); return;
            case '\v': sb.Append("\\v"); return;
            case '\a': sb.Append("\\a"); return;
            case '\x1B': sb.Append("\\e"); return;
        }
        var special = inClass ? c is '\\' or ']' or '[' or '^' or '-' : c is '\\' or '*' or '+' or '?' or '|' or '{' or '[' or '(' or ')' or '^' or '$' or '.';
        if (special)
        {
            sb.Append('\\').Append(c);
            return;
        }
        if (c < 0x20 || c == 0x7F)
        {
            sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            return;
        }
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        if (c != ' ' && cat is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
        {
            sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            return;
        }
        sb.Append(c);
    }
}
