using System;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Matching.Linear;

/// <summary>
/// Runs a <see cref="LinearProgram"/> on a text as a Pike machine: every thread advances one character at a time, in
/// priority order, and a position is entered once per step (by the thread of highest priority), so the first match
/// in backtracking order is found, with its captures, in O(text length × program size) whatever the pattern.
/// </summary>
internal static class LinearMatcher
{
    /// <summary>
    /// The capture slots of the leftmost, first-by-priority match of <paramref name="program"/> in <paramref name="text"/>
    /// (slot 2n and 2n+1: start and end of group n, -1 when it did not take part), or null when there is none.
    /// <paramref name="deadline"/> (a <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> value, 0 for none) stops the search: null and
    /// <paramref name="timedOut"/>.
    /// </summary>
    public static int[]? Search(LinearProgram program, string text, long deadline, out bool timedOut)
    {
        timedOut = false;
        var code = program.Code;
        var current = new ThreadList(code.Length);
        var next = new ThreadList(code.Length);
        var stack = new Frame[code.Length + 1];
        int[]? matched = null;
        for (var pos = 0; pos <= text.Length; pos++)
        {
            if (deadline != 0 && (pos & 255) == 0 && System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
            {
                timedOut = true;
                return null;
            }
            if (matched is null)
            {
                // A new start, after (below) every thread that started earlier: leftmost first.
                var fresh = new int[program.SlotCount];
                fresh.AsSpan().Fill(-1);
                AddThread(current, code, 0, fresh, text, pos, stack);
            }
            for (var i = 0; i < current.Count; i++)
            {
                var (pc, caps) = current[i];
                ref var ins = ref code[pc];
                if (ins.Op == LinearOp.Match)
                {
                    matched = caps;
                    break; // threads of lower priority are cut
                }
                if (ins.Op == LinearOp.Char && pos < text.Length && ins.Atom!.Matches(text[pos]))
                    AddThread(next, code, pc + 1, caps, text, pos + 1, stack);
            }
            (current, next) = (next, current);
            next.Clear();
            if (matched is not null && current.Count == 0) break;
        }
        return matched;
    }

    private struct Frame
    {
        public int Pc;
        public int[] Caps;
    }

    // Follows jumps, splits, saves and assertions from pc (depth first, first branch first) and adds the threads that
    // wait on a character or a match, each program position once per step.
    private static void AddThread(ThreadList list, LinearInstruction[] code, int pc, int[] caps, string text, int pos, Frame[] stack)
    {
        var top = 0;
        stack[top++] = new Frame { Pc = pc, Caps = caps };
        while (top > 0)
        {
            var f = stack[--top];
            while (true)
            {
                if (!list.Visit(f.Pc)) break;
                ref var ins = ref code[f.Pc];
                switch (ins.Op)
                {
                    case LinearOp.Jump:
                        f.Pc = ins.X;
                        continue;
                    case LinearOp.Split:
                        if (top == stack.Length) Array.Resize(ref stack, stack.Length * 2);
                        stack[top++] = new Frame { Pc = ins.Y, Caps = f.Caps };
                        f.Pc = ins.X;
                        continue;
                    case LinearOp.Save:
                        var copy = (int[])f.Caps.Clone();
                        copy[ins.X] = pos;
                        f.Caps = copy;
                        f.Pc++;
                        continue;
                    case LinearOp.Assert:
                        if (!Holds(ins.Anchor, ins.X, text, pos)) break;
                        f.Pc++;
                        continue;
                    default:
                        list.Add(f.Pc, f.Caps);
                        break;
                }
                break;
            }
        }
    }

    private static bool Holds(AnchorKind anchor, int mode, string text, int pos)
    {
        var multiline = (mode & 1) != 0;
        switch (anchor)
        {
            case AnchorKind.LineStart: return pos == 0 || (multiline && text[pos - 1] == '\n');
            case AnchorKind.LineEnd:
                return pos == text.Length || (text[pos] == '\n' && (multiline || pos == text.Length - 1));
            case AnchorKind.StringStart: return pos == 0;
            case AnchorKind.StringEnd: return pos == text.Length;
            case AnchorKind.WordBoundary:
            case AnchorKind.NonWordBoundary:
            {
                if (text.Length == 0) return false; // Python: neither \b nor \B in an empty string
                var ascii = (mode & 2) != 0;
                var boundary = (pos > 0 && IsWord(text[pos - 1], ascii)) != (pos < text.Length && IsWord(text[pos], ascii));
                return boundary == (anchor == AnchorKind.WordBoundary);
            }
            default: return false;
        }
    }

    // The word class of the translated patterns' boundaries ([\p{L}\p{N}_], or ASCII), per UTF-16 unit as .NET sees it.
    private static bool IsWord(char c, bool ascii)
    {
        if (c < 128) return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (ascii) return false;
        var cat = char.GetUnicodeCategory(c);
        return cat <= System.Globalization.UnicodeCategory.OtherLetter
               || (cat >= System.Globalization.UnicodeCategory.DecimalDigitNumber && cat <= System.Globalization.UnicodeCategory.OtherNumber);
    }

    /// <summary>Threads of one step in priority order, with the program positions already entered.</summary>
    private sealed class ThreadList
    {
        private readonly int[] _pcs;
        private readonly int[][] _caps;
        private readonly int[] _visited; // step stamp per program position
        private int _stamp = 1;

        public ThreadList(int size)
        {
            _pcs = new int[size];
            _caps = new int[size][];
            _visited = new int[size];
        }

        public int Count { get; private set; }

        public (int Pc, int[] Caps) this[int i] => (_pcs[i], _caps[i]);

        public bool Visit(int pc)
        {
            if (_visited[pc] == _stamp) return false;
            _visited[pc] = _stamp;
            return true;
        }

        public void Add(int pc, int[] caps)
        {
            _pcs[Count] = pc;
            _caps[Count] = caps;
            Count++;
        }

        public void Clear()
        {
            Array.Clear(_caps, 0, Count);
            Count = 0;
            _stamp++;
        }
    }
}
