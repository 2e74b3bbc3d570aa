using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class UnescapedDotInNameRuleTests
{
    [Fact]
    public void A_dot_in_a_program_name_is_reported_where_the_name_is_written_with_a_foreign_program_line_and_a_fix()
    {
        var text = "[Definition]\n_daemon = myauth.helper\nfailregex = ^%(_daemon)s\\[\\d+\\]: bad password from <HOST>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnescapedDotInName, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((2, 17), (f.Location.Line, f.Location.Column));
        Assert.Contains(@"myauth\.helper", f.Message);
        Assert.Equal(LintEvidenceKind.InjectedLine, f.Evidence!.Kind);
        Assert.StartsWith("myauth-helper[", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((".", @"\.", 2, 17), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Fact]
    public void A_dot_in_a_file_name_inside_the_failregex_is_reported()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnescapedDotInName, LintHarness.Filter(@"^login.cgi: bad password from <HOST>$")));
        Assert.Equal((2, 19), (f.Location.Line, f.Location.Column));
        Assert.StartsWith("login-cgi:", f.Evidence!.Line);
    }

    [Fact]
    public void A_dot_in_a_name_inside_the_daemons_own_message_is_a_note_and_one_in_the_program_tag_a_warning()
    {
        // openwebmail's "login error - auth_unix.pl, ret -4": the line already comes from the daemon.
        var inMessage = Assert.Single(LintHarness.Findings(RuleIds.UnescapedDotInName,
            LintHarness.Filter(@"^\(<HOST>\) \S+ - login error - auth_unix.pl, ret -4, Password incorrect$")));
        Assert.Equal(LintSeverity.Info, inMessage.Severity);
        Assert.Contains("daemon's own message", inMessage.Message);
        var tag = Assert.Single(LintHarness.Findings(RuleIds.UnescapedDotInName, LintHarness.Filter(@"^login.cgi: bad password from <HOST>$")));
        Assert.Equal(LintSeverity.Warning, tag.Severity);
    }

    [Fact]
    public void Only_the_dot_between_letters_is_reported_not_the_one_before_a_class()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnescapedDotInName,
            LintHarness.Filter(@"^\(myauth.c.\d+\) password mismatch for \S+ from <HOST>$")));
        Assert.Equal((2, 22), (f.Location.Line, f.Location.Column));
        Assert.Contains("'myauth.c'", f.Message);
    }

    [Theory]
    [InlineData(@"^myauth\.helper\[\d+\]: bad password from <HOST>$")]
    [InlineData(@"^myauth.*: bad password from <HOST>$")]
    [InlineData(@"^\S.helper: bad password from <HOST>$")]
    [InlineData(@"^auth (?:a|b).c: bad password from <HOST>$")]
    [InlineData(@"^GET / HTTP/1.1 401 from <HOST>$")]
    public void Escaped_dots_wildcards_next_to_classes_and_version_numbers_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.UnescapedDotInName, LintHarness.Filter(failregex)));
    }
}
