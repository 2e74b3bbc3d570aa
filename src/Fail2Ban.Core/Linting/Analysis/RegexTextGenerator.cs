using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// Generates a string that a regex probably matches, by walking its syntax tree: first alternatives,
/// minimal repetitions and plain characters on attempt 0, seeded pseudo-random choices on later
/// attempts. Address tags produce documentation addresses. The result is only a candidate: callers
/// check it with the real regex or matcher.
/// </summary>
internal sealed class RegexTextGenerator
{
    private const int MaxLength = 4000;

    /// <summary>The user name generated lines carry.</summary>
    public const string UserName = "alice";

    /// <summary>The file name generated lines carry between a path's <c>/</c> and an extension.</summary>
    public const string FileName = "index";

    /// <summary>What a mail server writes for a client without a reverse DNS name, before its bracketed address.</summary>
    public const string UnresolvedName = "unknown";

    /// <summary>Words that, right before a value, say the value is a user name.</summary>
    private static readonly string[] UserLabels = { "user", "username", "login", "account", "for", "as", "luser" };

    private readonly RegexTreeIndex _index;
    public RegexTextGenerator(RegexTreeIndex index) => _index = index;

    /// <param name="attempt">0: the plainest text; other values: seeded variations.</param>
    /// <param name="overrides">Texts to emit in place of given nodes or tags.</param>
    /// <param name="include">An optional part to include once (instead of leaving it out).</param>
    /// <param name="steer">A node to pass through: alternations take the branch that holds it, optional parts that hold it are included.</param>
    public GeneratedText? Generate(int attempt, TextOverrides? overrides = null, QuantifierNode? include = null, RegexNode? steer = null)
    {
        var run = new Run(this, attempt, overrides ?? TextOverrides.None, include, steer);
        return run.Node(_index.Root) && run.Output.Length <= MaxLength
            ? new GeneratedText(run.Output.ToString(), run.NodeRanges, run.TagRanges)
            : null;
    }

    /// <summary>The plainest text a Python regex matches (optional parts left out, a class's first character); null when it does not parse.</summary>
    public static string? PlainestText(string pythonRegex)
    {
        try
        {
            var tree = PythonRegexParser.Parse(pythonRegex);
            return new RegexTextGenerator(new RegexTreeIndex(tree)).GenerateNode(tree.Root);
        }
        catch (RegexTranslationException)
        {
            return null;
        }
    }

    /// <summary>Text for one node of the regex alone (e.g. one iteration of a repeated group).</summary>
    public string? GenerateNode(RegexNode node, QuantifierNode? include = null, RegexNode? steer = null)
    {
        var run = new Run(this, 0, TextOverrides.None, include, steer);
        return run.Node(node) && run.Output.Length <= MaxLength ? run.Output.ToString() : null;
    }

    /// <summary>The tag expansion that <paramref name="node"/> starts, if the node is the first item written by an address or custom tag.</summary>
    private TagExpansion? AddressStartingAt(RegexNode node)
    {
        if (node.Origin is not { } e || !AddressTags.IsAddress(e)) return null;
        return node.Span.Start == e.ExpandedSpan.Start ? e : null;
    }

    private sealed class Run
    {
        private readonly RegexTextGenerator _owner;
        private readonly TextOverrides _overrides;
        private readonly ChoiceSequence? _random;
        private readonly Dictionary<int, string> _captures = new();
        private readonly QuantifierNode? _include;
        private readonly RegexNode? _steer;

        public Run(RegexTextGenerator owner, int attempt, TextOverrides overrides, QuantifierNode? include, RegexNode? steer)
        {
            _owner = owner;
            _overrides = overrides;
            _include = include;
            _steer = steer ?? overrides.Through;
            _random = attempt == 0 ? null : new ChoiceSequence(attempt);
        }

        public StringBuilder Output { get; } = new();

        public Dictionary<RegexNode, TextRange> NodeRanges { get; } = new();

        public Dictionary<TagExpansion, TextRange> TagRanges { get; } = new();

        private int Choose(int count, int preferred = 0)
        {
            if (count <= 1) return 0;
            return _random is null ? Math.Min(preferred, count - 1) : _random.Next(count);
        }

        public bool Node(RegexNode node)
        {
            if (Output.Length > MaxLength) return false;
            var start = Output.Length;
            if (_overrides.Nodes.TryGetValue(node, out var forced))
            {
                Output.Append(forced);
                NodeRanges[node] = new TextRange(start, Output.Length);
                return true;
            }
            var ok = node switch
            {
                SequenceNode s => Sequence(s),
                AlternationNode a => Node(a.Alternatives[Branch(a)]),
                LiteralNode l => Append(l.Value),
                CharClassNode or AnyCharNode => Char(node),
                QuantifierNode q => Quantifier(q),
                GroupNode g => Group(g),
                BackreferenceNode b => Append(_captures.TryGetValue(b.GroupNumber, out var text) ? text : ""),
                ConditionalNode c => Node(_captures.ContainsKey(c.GroupNumber) ? c.Yes : (RegexNode?)c.No ?? new SequenceNode(c.Span, Array.Empty<RegexNode>())),
                _ => true, // anchors and flag groups produce nothing
            };
            NodeRanges[node] = new TextRange(start, Output.Length);
            return ok;
        }

        private int Branch(AlternationNode a)
        {
            if (_steer != null)
                for (var i = 0; i < a.Alternatives.Count; i++)
                    if (_owner._index.IsWithin(_steer, a.Alternatives[i])) return i;
            return Choose(a.Alternatives.Count);
        }

        private bool Sequence(SequenceNode s)
        {
            var items = s.Items;
            for (var i = 0; i < items.Count; i++)
            {
                if (_owner.AddressStartingAt(items[i]) is { } tag)
                {
                    // An address tag may expand to several sibling items (ADDR: \[? (...) \]?): emit it once.
                    var start = Output.Length;
                    Output.Append(_overrides.Tags.TryGetValue(tag, out var forced) ? forced : AddressTags.SampleText(tag));
                    var range = new TextRange(start, Output.Length);
                    TagRanges[tag] = range;
                    while (i < items.Count && ReferenceEquals(items[i].Origin, tag))
                    {
                        NodeRanges[items[i]] = range;
                        i++;
                    }
                    i--;
                    continue;
                }
                if (!Node(items[i])) return false;
            }
            return true;
        }

        private bool Append(string text)
        {
            Output.Append(text);
            return true;
        }

        private bool Char(RegexNode node)
        {
            var set = _owner._index.AtomSet(node)!;
            // A lone '.' between words almost always stands for a literal dot ("exist. Attempt"): write one.
            if (node is AnyCharNode && _owner._index.Parent(node) is not QuantifierNode)
            {
                Output.Append('.');
                return true;
            }
            // Random attempts still use plain ASCII characters, so the lines stay readable.
            var plain = set.Members().Where(ch => ch > ' ' && ch < 127).Take(4).ToList();
            char? c = plain.Count > 0 ? plain[_random is null ? 0 : Choose(plain.Count)] : set.Pick();
            if (c is null) return false;
            Output.Append(c.Value);
            return true;
        }

        private bool Quantifier(QuantifierNode q)
        {
            // A user name reads as one ("Failed password for alice from"), not as the plainest character.
            if (_random is null && IsUserName(q))
            {
                Output.Append(UserName);
                return true;
            }
            // The client's host name before its bracketed address reads as an unresolved one ("unknown[192.0.2.1]", as MTAs write it).
            if (_random is null && IsNameBeforeBracketedAddress(q))
            {
                Output.Append(UnresolvedName);
                return true;
            }
            // A file name between a path's '/' and its extension reads as one ("/index.php", not "/.php").
            if (_random is null && q.Min == 0 && IsFileName(q))
            {
                Output.Append(FileName);
                return true;
            }
            var min = q.Min;
            var max = q.Max ?? int.MaxValue;
            var count = min;
            if ((ReferenceEquals(q, _include) || (min == 0 && _steer != null && _owner._index.IsWithin(_steer, q.Body))) && max > min) count = min + 1;
            else if (_random != null && max > min) count = min + (Choose(3) == 0 ? Choose(Math.Min(3, max - min + 1)) : 0);
            // Optional white space between two words is written as one space, as logs write it ("failure; logname=").
            else if (count == 0 && max > 0 && IsWhiteSpace(q.Body) && Output.Length > 0 && !char.IsWhiteSpace(Output[Output.Length - 1])
                && _owner._index.Following(q).FirstOrDefault() is { } next && next is not AnchorNode) count = 1;
            // An optional separator that may be a space, between two words, is one too ("[A-Z]{4}[/ ]?during": "CONNECT during").
            else if (count == 0 && max > 0 && _random is null && SpaceBetweenWords(q))
            {
                Output.Append(' ');
                return true;
            }
            for (var i = 0; i < count; i++)
            {
                if (Output.Length > MaxLength) return false;
                if (!Node(q.Body)) return false;
            }
            return true;
        }

        /// <summary>A single optional atom that can be a space, after a letter or digit and before literal text that starts with one.</summary>
        private bool SpaceBetweenWords(QuantifierNode q) =>
            q.Body is CharClassNode && _owner._index.AtomSet(q.Body) is { } set && set.Contains(' ')
            && Output.Length > 0 && char.IsLetterOrDigit(Output[Output.Length - 1])
            && _owner._index.Following(q).FirstOrDefault() is LiteralNode { Value.Length: > 0 } next && char.IsLetterOrDigit(next.Value[0]);

        /// <summary>
        /// A repeated part that holds a user name: the body of a <c>user</c> group, or a value written right after a word
        /// that names one (<c>user=</c>, <c>for </c>, <c>login as </c>), when its characters and length allow a name.
        /// </summary>
        private bool IsUserName(QuantifierNode q)
        {
            if (q.Min > UserName.Length || (q.Max ?? int.MaxValue) < UserName.Length) return false;
            if (_owner._index.AtomSet(q.Body) is not { } set || !UserName.All(set.Contains)) return false;
            var label = LabelBefore(_owner._index.Parent(q) is GroupNode group ? group : q);
            // PAM's remote user (ruser=) is empty in the lines daemons write: left as the plainest text.
            if (label == "ruser") return false;
            if (_owner._index.Parent(q) is GroupNode { Name: { } name } && (name == "user" || name.StartsWith("alt_user", StringComparison.Ordinal))) return true;
            return label != null && UserLabels.Contains(label);
        }

        /// <summary>The last word of the literal right before <paramref name="node"/>, lower case, without <c>= : " ' [ ( &lt;</c>.</summary>
        private string? LabelBefore(RegexNode node)
        {
            if (_owner._index.Preceding(node).FirstOrDefault() is not LiteralNode { Value: var before }) return null;
            var text = before.TrimEnd(' ', '=', ':', '"', '\'', '[', '(', '<').ToLowerInvariant();
            var start = text.Length;
            while (start > 0 && char.IsLetter(text[start - 1])) start--;
            return start < text.Length ? text.Substring(start) : null;
        }

        /// <summary>A repeat that can spell a name, right before <c>[</c> and an address tag (<c>[-._\w]+\[&lt;HOST&gt;\]</c>).</summary>
        private bool IsNameBeforeBracketedAddress(QuantifierNode q)
        {
            // A class of name characters, not a catch-all (".*\[<HOST>\]" often stands for "name [address]").
            if (q.Body is AnyCharNode || q.Min > UnresolvedName.Length || (q.Max ?? int.MaxValue) < UnresolvedName.Length) return false;
            if (_owner._index.AtomSet(q.Body) is not { } set || !UnresolvedName.All(set.Contains)) return false;
            var following = _owner._index.Following(q).Take(2).ToList();
            return following.Count == 2 && following[0] is LiteralNode { Value: "[" } && following[1].Origin is { } tag && AddressTags.IsAddress(tag);
        }

        private bool IsFileName(QuantifierNode q) =>
            (q.Max ?? int.MaxValue) >= FileName.Length && Output.Length > 0 && Output[Output.Length - 1] == '/'
            && _owner._index.AtomSet(q.Body) is { } set && FileName.All(set.Contains)
            && _owner._index.Following(q).FirstOrDefault() is { } next && StartsWithDot(next);

        private static bool StartsWithDot(RegexNode node) => node switch
        {
            LiteralNode l => l.Value.StartsWith(".", StringComparison.Ordinal),
            GroupNode g => StartsWithDot(g.Body),
            AlternationNode a => a.Alternatives.All(StartsWithDot),
            SequenceNode s => s.Items.Count > 0 && StartsWithDot(s.Items[0]),
            _ => false,
        };

        private bool IsWhiteSpace(RegexNode body) =>
            _owner._index.AtomSet(body) is { } set && set.Contains(' ') && set.All(char.IsWhiteSpace);

        private bool Group(GroupNode g)
        {
            if (g.IsLookaround) return true;
            if (g.Name != null && _overrides.Groups.TryGetValue(g.Name, out var forced))
            {
                var s = Output.Length;
                Output.Append(forced);
                _captures[g.Number] = forced;
                NodeRanges[g.Body] = new TextRange(s, Output.Length);
                return true;
            }
            var start = Output.Length;
            if (!Node(g.Body)) return false;
            if (g.IsCapturing) _captures[g.Number] = Output.ToString(start, Output.Length - start);
            return true;
        }
    }
}
