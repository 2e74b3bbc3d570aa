using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// The result of a counted search: the matcher operations (<see cref="Ops"/>: an atom, a branch, a repeat
/// count, a continuation tried) and the characters scanned by single-character repeats (<see cref="Scans"/>:
/// counting a run, or stepping back over a position the next literal rules out; <see cref="CategoryScans"/> when
/// the repeated class holds <c>\w \d</c> or their negations, which <c>sre</c> tests with a Unicode database lookup), whether it matched,
/// whether it stopped at the budget.
/// </summary>
internal readonly record struct BacktrackingCount(long Ops, long Scans, long CategoryScans, bool Matched, bool Stopped)
{
    /// <summary>All steps.</summary>
    public long Steps => Ops + Scans + CategoryScans;
}

/// <summary>
/// A backtracking matcher over our own syntax tree that works the way Python's <c>sre</c> searches
/// (Fail2Ban uses <c>re.search</c>): each start position in turn (only the first when the pattern begins
/// with <c>^</c> or <c>\A</c>), alternatives left to right, greedy repeats longest first, lazy ones shortest
/// first, possessive repeats and atomic groups without backtracking into them, no memoization. It does not
/// measure time: it counts steps (one per atom, branch or repeat count attempted) and stops at a budget, so
/// the growth of the work with the input is known exactly and does not depend on the machine's load.
/// <para>
/// Modelled besides: the minimum width check (a text shorter than any match fails at once) and the shortcut of a
/// single-character repeat followed by a literal (lengths where the literal cannot follow are stepped over).
/// Not modelled (they change the constant, not the growth): <c>sre</c>'s literal-prefix and charset
/// search skips, the minimum-width checks inside repeats; look-behinds whose width
/// is not fixed (Python rejects them) match; case-insensitive back-references compare exactly; a group
/// repeated after it matched keeps its last capture (Python's semantics in corner cases may differ).
/// </para>
/// The recursion depth is bounded: a search deeper than the limit stops like one over budget, and the
/// search runs on a thread with a stack large enough for the limit, so a stack overflow cannot happen.
/// </summary>
internal sealed class BacktrackingCounter
{
    /// <summary>Steps after which a search is stopped.</summary>
    public const long DefaultBudget = 5_000_000;

    /// <summary>Matcher calls nested deeper than this stop the search (well inside <see cref="StackBytes"/>).</summary>
    private const int MaxDepth = 20_000;

    private const int StackBytes = 64 * 1024 * 1024;

    private readonly RegexTreeIndex _tree;
    private readonly int _groupCount;

    public BacktrackingCounter(RegexTreeIndex tree)
    {
        _tree = tree;
        _groupCount = tree.Tree.Groups.Count + 1;
        MinWidth = (int)Math.Min(int.MaxValue, MinimumWidth(tree.Root, 0));
    }

    /// <summary>
    /// The fewest characters a match takes: <c>sre</c> fails a search at once when the text is shorter, and tries no
    /// start position closer to the end (so an attack line must be at least this long).
    /// </summary>
    public int MinWidth { get; }

    private static long MinimumWidth(RegexNode node, int depth)
    {
        if (depth > 500) return 0;
        switch (node)
        {
            case LiteralNode l: return l.Value.Length;
            case CharClassNode or AnyCharNode: return 1;
            case SequenceNode s:
                long sum = 0;
                foreach (var item in s.Items) sum += MinimumWidth(item, depth + 1);
                return sum;
            case AlternationNode a:
                var min = long.MaxValue;
                foreach (var alt in a.Alternatives) min = Math.Min(min, MinimumWidth(alt, depth + 1));
                return min == long.MaxValue ? 0 : min;
            case GroupNode g: return g.IsLookaround ? 0 : MinimumWidth(g.Body, depth + 1);
            case QuantifierNode q: return Math.Min(int.MaxValue, q.Min * MinimumWidth(q.Body, depth + 1));
            default: return 0;
        }
    }

    /// <summary>
    /// The character <c>sre</c> compiles as a <c>LITERAL</c> right after a single-character repeat (the next item of
    /// its sequence, through the ends of non-capturing groups), for its shortcut; null when there is none.
    /// </summary>
    private char? LiteralAfter(QuantifierNode q)
    {
        if (_literalAfter.TryGetValue(q, out var cached)) return cached;
        char? found = null;
        RegexNode current = q;
        while (_tree.Parent(current) is { } parent)
        {
            if (parent is SequenceNode seq)
            {
                var i = 0;
                while (i < seq.Items.Count && !ReferenceEquals(seq.Items[i], current)) i++;
                if (i + 1 < seq.Items.Count)
                {
                    if (seq.Items[i + 1] is LiteralNode { Value.Length: > 0 } l && !_tree.IgnoreCaseAt(l)) found = l.Value[0];
                    break;
                }
                current = seq;
                continue;
            }
            if (parent is GroupNode { GroupKind: GroupKind.NonCapturing } g)
            {
                current = g;
                continue;
            }
            break;
        }
        _literalAfter[q] = found;
        return found;
    }

    private readonly System.Collections.Generic.Dictionary<QuantifierNode, char?> _literalAfter = new();

    /// <summary>Counts the steps <c>re.search(pattern, text)</c> takes, up to <paramref name="budget"/>.</summary>
    public BacktrackingCount Search(string text, long budget = DefaultBudget)
    {
        var run = new Run(this, text, budget);
        var thread = new Thread(run.Search, StackBytes) { IsBackground = true };
        thread.Start();
        thread.Join();
        return new BacktrackingCount(run.Ops, run.Scans, run.CategoryScans, run.Matched, run.Stopped);
    }

    /// <summary>One search: the text, the step count and the captures.</summary>
    private sealed class Run
    {
        private readonly BacktrackingCounter _owner;
        private readonly RegexTreeIndex _tree;
        private readonly string _text;
        private readonly long _budget;
        private readonly int[] _starts;
        private readonly int[] _ends;
        private int _depth;

        public Run(BacktrackingCounter owner, string text, long budget)
        {
            _owner = owner;
            _tree = owner._tree;
            _text = text;
            _budget = budget;
            _starts = new int[owner._groupCount];
            _ends = new int[owner._groupCount];
        }

        public long Ops { get; private set; }

        public long Scans { get; private set; }

        public long CategoryScans { get; private set; }

        public bool Matched { get; private set; }

        public bool Stopped { get; private set; }

        public void Search()
        {
            try
            {
                var root = _tree.Root;
                var anchored = StartsAnchored(root);
                var last = _text.Length - _owner.MinWidth;
                for (var start = 0; start <= last && !Stopped; start++)
                {
                    for (var i = 0; i < _starts.Length; i++) _starts[i] = _ends[i] = -1;
                    if (Match(root, start, _ => true))
                    {
                        Matched = true;
                        return;
                    }
                    if (anchored) return;
                }
            }
            catch (InsufficientExecutionStackException)
            {
                Stopped = true;
            }
        }

        private bool StartsAnchored(RegexNode node)
        {
            while (true)
            {
                switch (node)
                {
                    case SequenceNode s:
                        var i = 0;
                        while (i < s.Items.Count && s.Items[i] is GlobalFlagsNode) i++;
                        if (i == s.Items.Count) return false;
                        node = s.Items[i];
                        continue;
                    case GroupNode { IsLookaround: false } g:
                        node = g.Body;
                        continue;
                    case AnchorNode a:
                        return a.Anchor == AnchorKind.StringStart
                            || (a.Anchor == AnchorKind.LineStart && (_tree.FlagsAt(a) & PythonRegexFlags.Multiline) == 0);
                    default:
                        return false;
                }
            }
        }

        /// <summary>Matches <paramref name="node"/> at <paramref name="pos"/>, then the continuation with the end position.</summary>
        private bool Match(RegexNode node, int pos, Func<int, bool> next)
        {
            if (Stopped) return false;
            if (++Ops + Scans + CategoryScans > _budget || _depth >= MaxDepth)
            {
                Stopped = true;
                return false;
            }
            _depth++;
            RuntimeHelpers.EnsureSufficientExecutionStack();
            try
            {
                return MatchNode(node, pos, next);
            }
            finally
            {
                _depth--;
            }
        }

        private bool MatchNode(RegexNode node, int pos, Func<int, bool> next)
        {
            switch (node)
            {
                case LiteralNode l:
                    return MatchLiteral(l, pos) && next(pos + l.Value.Length);
                case CharClassNode or AnyCharNode:
                    return pos < _text.Length && CharMatches(node, _text[pos]) && next(pos + 1);
                case SequenceNode s:
                    return MatchSequence(s, 0, pos, next);
                case AlternationNode a:
                    foreach (var alt in a.Alternatives)
                    {
                        if (Match(alt, pos, next)) return true;
                        if (Stopped) return false;
                    }
                    return false;
                case GroupNode g:
                    return MatchGroup(g, pos, next);
                case QuantifierNode q:
                    return IsSingleChar(q.Body) ? MatchSingleRepeat(q, pos, next) : MatchRepeat(q, pos, 0, -1, next);
                case AnchorNode a:
                    return AnchorHolds(a, pos) && next(pos);
                case BackreferenceNode b:
                    return MatchBackreference(b, pos, next);
                case ConditionalNode c:
                    var taken = c.GroupNumber < _ends.Length && _ends[c.GroupNumber] >= 0;
                    return taken ? Match(c.Yes, pos, next) : c.No is null ? next(pos) : Match(c.No, pos, next);
                default:
                    return next(pos);
            }
        }

        private bool MatchSequence(SequenceNode s, int index, int pos, Func<int, bool> next) =>
            index == s.Items.Count ? next(pos) : Match(s.Items[index], pos, p => MatchSequence(s, index + 1, p, next));

        private bool MatchLiteral(LiteralNode l, int pos)
        {
            var value = l.Value;
            if (pos + value.Length > _text.Length) return false;
            var ignoreCase = _tree.IgnoreCaseAt(l);
            for (var i = 0; i < value.Length; i++)
            {
                var c = _text[pos + i];
                if (c != value[i] && !(ignoreCase && char.ToLowerInvariant(c) == char.ToLowerInvariant(value[i]))) return false;
            }
            return true;
        }

        private bool IsSingleChar(RegexNode body) => body is CharClassNode or AnyCharNode || body is LiteralNode { Value.Length: 1 };

        private bool CharMatches(RegexNode node, char c)
        {
            var flags = _tree.FlagsAt(node);
            return node switch
            {
                AnyCharNode => c != '\n' || (flags & PythonRegexFlags.DotAll) != 0,
                CharClassNode cc => ProbeCharSet.ClassMatches(cc, c, (flags & PythonRegexFlags.IgnoreCase) != 0, (flags & PythonRegexFlags.Ascii) != 0),
                LiteralNode l => MatchLiteralChar(l, c, flags),
                _ => false,
            };
        }

        private static bool MatchLiteralChar(LiteralNode l, char c, PythonRegexFlags flags) =>
            c == l.Value[0] || ((flags & PythonRegexFlags.IgnoreCase) != 0 && char.ToLowerInvariant(c) == char.ToLowerInvariant(l.Value[0]));

        /// <summary>
        /// A repeat of one character (<c>sre</c>'s <c>REPEAT_ONE</c>/<c>MIN_REPEAT_ONE</c>): the run is counted one step
        /// per character, then the continuation is tried at each length, longest first (shortest first when lazy).
        /// </summary>
        private bool MatchSingleRepeat(QuantifierNode q, int pos, Func<int, bool> next)
        {
            var max = q.Max ?? int.MaxValue;
            var literal = _owner.LiteralAfter(q);
            var category = q.Body is CharClassNode { Items: var items } && items.Any(i => i.Kind == CharClassItemKind.Shorthand && i.Shorthand is not (ShorthandClass.Space or ShorthandClass.NotSpace));
            if (q.Lazy)
            {
                var count = 0;
                for (; count < q.Min; count++)
                {
                    if (!Tick(category) || pos + count >= _text.Length || !CharMatches(q.Body, _text[pos + count])) return false;
                }
                while (true)
                {
                    var at = pos + count;
                    if ((literal is null || (at < _text.Length && _text[at] == literal)) && next(at)) return true;
                    if (Stopped || count >= max || !Tick(category) || pos + count >= _text.Length || !CharMatches(q.Body, _text[pos + count])) return false;
                    count++;
                }
            }
            var run = 0;
            while (run < max && pos + run < _text.Length && CharMatches(q.Body, _text[pos + run]))
            {
                if (!Tick(category)) return false;
                run++;
            }
            if (run < q.Min) return false;
            if (q.Possessive) return next(pos + run);
            for (var count = run; count >= q.Min; count--)
            {
                // sre's shortcut: a length where the literal written next cannot follow is stepped over.
                var at = pos + count;
                if ((literal is null || (at < _text.Length && _text[at] == literal)) && next(at)) return true;
                if (Stopped || !Tick()) return false;
            }
            return false;
        }

        /// <summary>A repeat of anything else (<c>sre</c>'s <c>REPEAT</c> with <c>MAX_UNTIL</c>/<c>MIN_UNTIL</c>): one body at a time.</summary>
        private bool MatchRepeat(QuantifierNode q, int pos, int count, int lastPos, Func<int, bool> next)
        {
            var max = q.Max ?? int.MaxValue;
            // An iteration that matched nothing is not repeated (Python's rule against endless empty loops).
            var mayIterate = count < max && pos != lastPos;
            if (q.Possessive)
            {
                var end = pos;
                var n = 0;
                while (n < max)
                {
                    var at = end;
                    var reached = -1;
                    if (!Match(q.Body, at, p => { reached = p; return true; }) || reached == at) break;
                    end = reached;
                    n++;
                }
                return !Stopped && n >= q.Min && next(end);
            }
            if (count < q.Min) return Match(q.Body, pos, p => MatchRepeat(q, p, count + 1, pos, next));
            if (q.Lazy)
            {
                if (next(pos)) return true;
                return !Stopped && mayIterate && Match(q.Body, pos, p => MatchRepeat(q, p, count + 1, pos, next));
            }
            if (mayIterate && Match(q.Body, pos, p => MatchRepeat(q, p, count + 1, pos, next))) return true;
            return !Stopped && next(pos);
        }

        private bool MatchGroup(GroupNode g, int pos, Func<int, bool> next)
        {
            switch (g.GroupKind)
            {
                case GroupKind.Capturing:
                    var number = g.Number;
                    if (number <= 0 || number >= _starts.Length) return Match(g.Body, pos, next);
                    var (oldStart, oldEnd) = (_starts[number], _ends[number]);
                    if (Match(g.Body, pos, p =>
                        {
                            var (s, e) = (_starts[number], _ends[number]);
                            (_starts[number], _ends[number]) = (pos, p);
                            if (next(p)) return true;
                            (_starts[number], _ends[number]) = (s, e);
                            return false;
                        }))
                        return true;
                    (_starts[number], _ends[number]) = (oldStart, oldEnd);
                    return false;
                case GroupKind.Atomic:
                    var end = -1;
                    return Match(g.Body, pos, p => { end = p; return true; }) && next(end);
                case GroupKind.LookAhead:
                case GroupKind.NegativeLookAhead:
                    var ahead = Match(g.Body, pos, _ => true);
                    if (Stopped) return false;
                    return ahead == (g.GroupKind == GroupKind.LookAhead) && next(pos);
                case GroupKind.LookBehind:
                case GroupKind.NegativeLookBehind:
                    var width = FixedWidth(g.Body);
                    var behind = width is { } w && pos - w >= 0 && Match(g.Body, pos - w, p => p == pos);
                    if (Stopped) return false;
                    if (width is null) behind = g.GroupKind == GroupKind.LookBehind;
                    return behind == (g.GroupKind == GroupKind.LookBehind) && next(pos);
                default:
                    return Match(g.Body, pos, next);
            }
        }

        private bool MatchBackreference(BackreferenceNode b, int pos, Func<int, bool> next)
        {
            var n = b.GroupNumber;
            if (n <= 0 || n >= _ends.Length || _ends[n] < 0) return false;
            var length = _ends[n] - _starts[n];
            if (pos + length > _text.Length || string.CompareOrdinal(_text, _starts[n], _text, pos, length) != 0) return false;
            return next(pos + length);
        }

        private bool AnchorHolds(AnchorNode a, int pos)
        {
            var multiline = (_tree.FlagsAt(a) & PythonRegexFlags.Multiline) != 0;
            var n = _text.Length;
            return a.Anchor switch
            {
                AnchorKind.LineStart => pos == 0 || (multiline && _text[pos - 1] == '\n'),
                AnchorKind.LineEnd => pos == n || (pos == n - 1 && _text[pos] == '\n') || (multiline && _text[pos] == '\n'),
                AnchorKind.StringStart => pos == 0,
                AnchorKind.StringEnd => pos == n,
                AnchorKind.WordBoundary => IsWordAt(pos - 1) != IsWordAt(pos),
                _ => IsWordAt(pos - 1) == IsWordAt(pos),
            };
        }

        private bool IsWordAt(int i) => i >= 0 && i < _text.Length && PythonCharCategories.IsWordChar(_text, i);

        private bool Tick(bool category = false)
        {
            if (category) CategoryScans++;
            else Scans++;
            if (Ops + Scans + CategoryScans <= _budget) return true;
            Stopped = true;
            return false;
        }

        /// <summary>The fixed width of a look-behind's body, or null when it varies.</summary>
        private int? FixedWidth(RegexNode node) => node switch
        {
            LiteralNode l => l.Value.Length,
            CharClassNode or AnyCharNode => 1,
            AnchorNode or GlobalFlagsNode => 0,
            GroupNode g => g.IsLookaround ? 0 : FixedWidth(g.Body),
            QuantifierNode q when q.Max == q.Min => FixedWidth(q.Body) * q.Min,
            SequenceNode s => Sum(s),
            AlternationNode a => Same(a),
            _ => null,
        };

        private int? Sum(SequenceNode s)
        {
            var total = 0;
            foreach (var item in s.Items)
            {
                if (FixedWidth(item) is not { } w) return null;
                total += w;
            }
            return total;
        }

        private int? Same(AlternationNode a)
        {
            int? width = null;
            foreach (var alt in a.Alternatives)
            {
                if (FixedWidth(alt) is not { } w || (width != null && width != w)) return null;
                width = w;
            }
            return width;
        }

        public override string ToString() => _owner._tree.Pattern;
    }
}
