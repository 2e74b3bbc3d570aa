using System;
using System.Collections.Generic;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Xunit;

namespace Fail2Ban.Generators.IntegrationTests;

/// <summary>
/// The typed API's promise: <c>Match</c> returns a struct, and a line that yields nothing allocates
/// nothing once the matcher is warm (generated classes of the corpus sshd and postfix filters,
/// lines of the unrelated traffic such servers log between failures).
/// </summary>
public sealed class TypedMatchAllocationTests
{
    // Without the corpus at build time there are no corpus classes, and no test here (the other
    // tests of this project report the missing corpus).
#if FAIL2BAN_CORPUS
    [Fact]
    public void Sshd_match_of_unrelated_traffic_allocates_nothing()
    {
        var matcher = new global::Corpus.Filters.SshdFilter(options: new MatcherOptions(),
            dateSettings: new DateDetectorSettings { LocalZone = LocalTimeZone.Parse("UTC") });
        AssertQuiet(
            line => matcher.Match(line),
            r => r.Success,
            "sshd[1234]: Failed password for invalid user admin from 192.0.2.9 port 4242 ssh2",
            "CRON[1234]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
            "systemd-logind[412]: New session 31 of user deploy.",
            "kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=198.51.100.3 DST=203.0.113.1 LEN=40",
            "sudo:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/apt update");
    }

    [Fact]
    public void Postfix_match_of_unrelated_traffic_allocates_nothing()
    {
        var matcher = new global::Corpus.Filters.PostfixFilter(options: new MatcherOptions(),
            dateSettings: new DateDetectorSettings { LocalZone = LocalTimeZone.Parse("UTC") });
        AssertQuiet(
            line => matcher.Match(line),
            r => r.Success,
            "postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 5.7.1 <spam@example.com>: Relay access denied; from=<a@b.c> to=<spam@example.com> proto=ESMTP helo=<x>",
            "CRON[1234]: pam_unix(cron:session): session closed for user root",
            "dovecot: imap-login: Login: user=<bob>, method=PLAIN, rip=203.0.113.5",
            "chronyd[501]: Selected source 192.0.2.123 (2.debian.pool.ntp.org)",
            "kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=198.51.100.3 DST=203.0.113.1 LEN=40");
    }

    // Warm up with a failure and the quiet lines (the first line must match, the others must not), then
    // measure the quiet lines alone.
    private static void AssertQuiet<T>(Func<string, T> match, Func<T, bool> success, string failure, params string[] quiet) where T : struct
    {
        static string Line(int i, string rest) =>
            "Jan 23 " + (i / 3600 % 24).ToString("00") + ":" + (i / 60 % 60).ToString("00") + ":" + (i % 60).ToString("00") + " mail " + rest;
        var n = 0;
        for (var round = 0; round < 2500; round++)
        {
            Assert.True(success(match(Line(n++, failure))), "the failure line should match");
            foreach (var q in quiet) Assert.False(success(match(Line(n++, q))), "should not match: " + q);
        }
        // Steady state: a regex that has run often is compiled on a background thread and swapped in
        // at its next use (a one-time allocation), so a window may catch that moment; a later one may not.
        long allocated = -1;
        for (var attempt = 0; attempt < 5 && allocated != 0; attempt++)
        {
            if (attempt > 0) System.Threading.Thread.Sleep(200);
            var lines = new List<string>();
            for (var i = 0; i < 500; i++) lines.Add(Line(n++, quiet[i % quiet.Length]));
            var before = GC.GetAllocatedBytesForCurrentThread();
            var hits = 0;
            foreach (var line in lines) if (success(match(line))) hits++;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, hits);
        }
        Assert.Equal(0, allocated);
    }
#endif
}
