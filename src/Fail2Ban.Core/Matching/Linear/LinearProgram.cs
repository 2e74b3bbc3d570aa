using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Matching.Linear;

/// <summary>What one instruction of a <see cref="LinearProgram"/> does.</summary>
internal enum LinearOp : byte
{
    /// <summary>Consume a character <see cref="LinearInstruction.Atom"/> matches.</summary>
    Char,
    /// <summary>Continue at <see cref="LinearInstruction.X"/> first, at <see cref="LinearInstruction.Y"/> second.</summary>
    Split,
    /// <summary>Continue at <see cref="LinearInstruction.X"/>.</summary>
    Jump,
    /// <summary>Record the position in capture slot <see cref="LinearInstruction.X"/>.</summary>
    Save,
    /// <summary>Continue only where <see cref="LinearInstruction.Anchor"/> holds (<see cref="LinearInstruction.X"/>: 1 for multi-line, 2 for ASCII).</summary>
    Assert,
    Match,
}

internal struct LinearInstruction
{
    public LinearOp Op;
    public int X;
    public int Y;
    public CharAtom? Atom;
    public AnchorKind Anchor;
}

/// <summary>
/// A Python regex compiled for <see cref="LinearMatcher"/> (a Thompson/Pike machine): alternatives and quantifiers
/// become prioritised splits, so the machine finds the match and captures Python's backtracking <c>re</c> finds, in
/// time proportional to the text's length times the program's size. Patterns the machine cannot run are refused
/// (<see cref="TryCompile"/> gives null): look-arounds (except a one-character look-behind that cannot fail where it
/// stands, as in <c>&lt;IP6&gt;</c>), back-references, conditionals, atomic groups and possessive quantifiers, a
/// repeated body that can match empty (Python's rules for empty iterations), programs over <see cref="MaxSize"/>.
/// </summary>
internal sealed class LinearProgram
{
    /// <summary>Most instructions a program may have (counted repetitions are unrolled).</summary>
    public const int MaxSize = 20_000;

    private readonly List<LinearInstruction> _code = new();
    private readonly Dictionary<string, CharAtom> _atoms = new(StringComparer.Ordinal);
    private readonly RegexTree _tree;
    private readonly RegexOptions _options;

    private LinearProgram(RegexTree tree, RegexOptions options)
    {
        _tree = tree;
        _options = options;
    }

    public LinearInstruction[] Code { get; private set; } = Array.Empty<LinearInstruction>();

    /// <summary>Capture slots: 2 per Python group number (0 is the whole match).</summary>
    public int SlotCount { get; private set; }

    /// <summary>The program for <paramref name="tree"/> (translated with <paramref name="options"/>), or null when the machine cannot run it.</summary>
    public static LinearProgram? TryCompile(RegexTree tree, RegexOptions options)
    {
        var program = new LinearProgram(tree, options);
        try
        {
            program.Emit(LinearOp.Save, 0);
            program.Compile(tree.Root, tree.InlineFlags | tree.CompileFlags, before: null);
            program.Emit(LinearOp.Save, 1);
            program.Emit(LinearOp.Match);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        program.Code = program._code.ToArray();
        program.SlotCount = 2 * (tree.Groups.Count + 1);
        return program;
    }

    private int Emit(LinearOp op, int x = 0, int y = 0, CharAtom? atom = null, AnchorKind anchor = default)
    {
        if (_code.Count >= MaxSize) throw new NotSupportedException("program too large");
        _code.Add(new LinearInstruction { Op = op, X = x, Y = y, Atom = atom, Anchor = anchor });
        return _code.Count - 1;
    }

    private void Patch(int at, int x, int y)
    {
        var i = _code[at];
        i.X = x;
        i.Y = y;
        _code[at] = i;
    }

    // before: the node matched right before this one (null when unknown), for the look-behind that cannot fail.
    private void Compile(RegexNode node, PythonRegexFlags flags, RegexNode? before)
    {
        switch (node)
        {
            case SequenceNode seq:
                foreach (var item in seq.Items)
                {
                    Compile(item, flags, before);
                    before = item;
                }
                break;
            case AlternationNode alt:
            {
                var jumps = new List<int>();
                for (var i = 0; i < alt.Alternatives.Count; i++)
                {
                    var split = i < alt.Alternatives.Count - 1 ? Emit(LinearOp.Split) : -1;
                    Compile(alt.Alternatives[i], flags, before);
                    if (split < 0) break;
                    jumps.Add(Emit(LinearOp.Jump));
                    Patch(split, split + 1, _code.Count);
                }
                foreach (var j in jumps) Patch(j, _code.Count, 0);
                break;
            }
            case LiteralNode lit:
                foreach (var c in lit.Value) Emit(LinearOp.Char, atom: Atom(new LiteralNode(lit.Span, c.ToString()), flags));
                break;
            case CharClassNode or AnyCharNode:
                Emit(LinearOp.Char, atom: Atom(node, flags));
                break;
            case AnchorNode anchor:
                Emit(LinearOp.Assert, ((flags & PythonRegexFlags.Multiline) != 0 ? 1 : 0) | ((flags & PythonRegexFlags.Ascii) != 0 ? 2 : 0),
                    anchor: anchor.Anchor);
                break;
            case GlobalFlagsNode:
                break;
            case GroupNode group:
                CompileGroup(group, flags, before);
                break;
            case QuantifierNode q:
                CompileQuantifier(q, flags);
                break;
            default:
                throw new NotSupportedException(node.Kind.ToString()); // back-references, conditionals
        }
    }

    private void CompileGroup(GroupNode group, PythonRegexFlags flags, RegexNode? before)
    {
        switch (group.GroupKind)
        {
            case GroupKind.Capturing:
                Emit(LinearOp.Save, 2 * group.Number);
                Compile(group.Body, flags, before);
                Emit(LinearOp.Save, 2 * group.Number + 1);
                break;
            case GroupKind.NonCapturing:
                Compile(group.Body, flags, before);
                break;
            case GroupKind.ScopedFlags:
                Compile(group.Body, (flags | group.AddFlags) & ~group.RemoveFlags, before);
                break;
            case GroupKind.LookBehind when before is not null && SingleChar(group.Body) is { } c && !char.IsLetter(c) && TrailingChar.Always(before, c):
                break; // always true where it stands
            default:
                throw new NotSupportedException(group.GroupKind.ToString());
        }
    }

    private static char? SingleChar(RegexNode node) => node switch
    {
        LiteralNode { Value.Length: 1 } lit => lit.Value[0],
        SequenceNode { Items.Count: 1 } seq => SingleChar(seq.Items[0]),
        _ => null,
    };

    private void CompileQuantifier(QuantifierNode q, PythonRegexFlags flags)
    {
        if (q.Possessive) throw new NotSupportedException("possessive");
        if (q.Min > MaxSize || (q.Max ?? 0) > MaxSize) throw new NotSupportedException("program too large");
        if (q.Max != q.Min && PythonRegexWidth.Of(q.Body, _tree).Min == 0) throw new NotSupportedException("empty iterations");
        for (var i = 0; i < q.Min; i++) Compile(q.Body, flags, before: null);
        if (q.Max is null)
        {
            // L: split body, end (greedy; lazy the other way round); body; jump L
            var split = Emit(LinearOp.Split);
            Compile(q.Body, flags, before: null);
            Emit(LinearOp.Jump, split);
            Prefer(split, q.Lazy, split + 1, _code.Count);
            return;
        }
        // Each optional copy: split body, end-of-all.
        var splits = new List<int>();
        for (var i = q.Min; i < q.Max.Value; i++)
        {
            splits.Add(Emit(LinearOp.Split));
            Compile(q.Body, flags, before: null);
        }
        foreach (var s in splits) Prefer(s, q.Lazy, s + 1, _code.Count);
    }

    private void Prefer(int split, bool lazy, int body, int end)
    {
        if (lazy) Patch(split, end, body);
        else Patch(split, body, end);
    }

    private CharAtom Atom(RegexNode node, PythonRegexFlags flags)
    {
        var pattern = DotNetRegexWriter.Write(node, flags & (PythonRegexFlags.IgnoreCase | PythonRegexFlags.DotAll | PythonRegexFlags.Ascii));
        if (!_atoms.TryGetValue(pattern, out var atom))
        {
            if (_atoms.Count >= 1000) throw new NotSupportedException("too many distinct atoms");
            _atoms[pattern] = atom = new CharAtom(pattern, _options);
        }
        return atom;
    }
}
