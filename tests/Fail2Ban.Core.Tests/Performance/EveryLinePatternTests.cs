using System;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Tests.Performance;

/// <summary>Which prefregexes match every non-empty line, so that their yes/no needs no search.</summary>
public class EveryLinePatternTests
{
    private static bool EveryLine(string pattern, PythonRegexFlags flags = PythonRegexFlags.None) =>
        EveryLinePattern.MatchesEveryNonEmptyLine(PythonRegexParser.Parse(pattern, flags));

    [Theory]
    [InlineData(@"^(?P<mlfid>(?:\[\])?\s*(?:<[^.]+\.[^.]+>\s+)?(?:\S+\s+)?(?:\[ID \d+ \S+\]\s+)?)(?:(?:error|fatal): (?:PAM: )?)?(?P<content>.+)$")]
    [InlineData(@"^(?:\S+\s+)?(?P<content>.+?)$")]
    [InlineData(@"(?P<content>.+)$")]
    [InlineData(@"^(?:a|b*)(?:c+)?(?P<content>.+)$")]
    public void Optional_parts_before_a_whole_line_group_match_every_line(string pattern) =>
        Assert.True(EveryLine(pattern));

    [Theory]
    [InlineData(@"^\S+ (?P<content>.+)$")]                   // a required part
    [InlineData(@"^(?:\S+\s+)?(?P<content>.+)\Z")]           // \Z: ".+" cannot take the final "\n"
    [InlineData(@"^(?:\S+\s+)?(?P<content>.*)$")]            // ".*" also matches an empty text
    [InlineData(@"^(?>(?:\S+\s+)?)(?P<content>.+)$")]        // an atomic group may cut the empty path
    [InlineData(@"^(?=x)(?P<content>.+)$")]                  // look-arounds are not judged
    [InlineData(@"^(?:a|b)(?P<content>.+)$")]                // no empty alternative
    [InlineData(@"^(?:(?:x)?\b)+(?P<content>.+)$")]          // an anchor inside a repetition
    [InlineData(@"^(?P<content>.+)$x")]
    public void Other_shapes_are_searched(string pattern) => Assert.False(EveryLine(pattern));

    [Fact]
    public void Dotall_lets_an_empty_text_match_so_it_is_searched() =>
        Assert.False(EveryLine(@"^(?:\S+\s+)?(?P<content>.+)$", PythonRegexFlags.DotAll));

    [Theory]
    [InlineData("sshd[1]: Failed password\n", true, true)]
    [InlineData("\n", true, false)]
    [InlineData("two\nlines\n", false, false)]
    [InlineData("no newline", false, false)]
    public void A_buffer_is_decided_only_when_it_is_one_line(string buffer, bool decidable, bool matched)
    {
        Assert.Equal(decidable, EveryLinePattern.TryDecide(buffer.AsSpan(), out var m));
        Assert.Equal(matched, m);
    }
}
