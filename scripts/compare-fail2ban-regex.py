#!/usr/bin/env python3
"""Runs fail2ban-regex's options against `filterlint regex` on the corpus logs and compares the outputs.

For every case both tools get the same command line (Fail2Ban with -r: filterlint never resolves names)
and TZ=UTC; their standard output is compared after removing what only one of them prints by design:
  - "[processed in X sec]" (timing);
  - filterlint's explanations under missed lines ("|      line N, why: ...", "|      why: ...") and, when
    fail2ban-regex says "too many to print", filterlint's following "First N missed line(s), explained" list;
  - the order of Python sets in -o row/matches output ({'b', 'a'}): Python orders them by hash;
  - the current time, which a failure on a line without a date gets (the runs are a second apart);
  - the order of the keys of -o row's data dict: Fail2Ban's multi-line id cache re-inserts some keys
    (user after users), filterlint keeps the order they were captured in; the keys and values are compared.
Counts ("Lines:"), per-regex and per-template hits, listed lines and -o tokens are therefore compared exactly.

Usage: scripts/compare-fail2ban-regex.py [--filters "sshd postfix ..."] [--all-logs] [--corpus DIR] [--show N]
  --all-logs   also run the plain report on every corpus log that has a filter of its name (97 filters)
Needs: the Fail2Ban 1.0.2 reference (scripts/fetch-fail2ban-reference.sh, in .f2b-ref) and the corpus
(../shared/fail2ban-corpus or FAIL2BAN_CORPUS). Exit status 1 when an unexplained difference is found.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Differences that are by design, with the reason printed in the report.
EXPLAINED = {
    "-V": "version: fail2ban-regex prints its own version (1.0.2), filterlint prints its own",
    "--version": "version: each tool names itself",
    "-m": "fail2ban-regex ignores -m for a log file; filterlint refuses an option that cannot apply (exit 2)",
    "--TZ": "1.0.2 refuses POSIX TZ strings with rules (CET-1CEST-2,M3.5.0,M10.5.0/3); filterlint reads them (master does too)",
    "-D": "-D: the text before each debuggex link is the line without its date; on some lines (ignored ones, "
          "multi-line buffers) fail2ban-regex 1.0.2 shows another state of its line buffer; the links open the same regexes",
    "-l": "-l info/debug makes fail2ban-regex print its logger's messages (time stamps, pids); filterlint has no such log",
}


# Filters whose verdicts differ because the corpus (master) filter needs master's engine; the corpus log's
# failJSON annotation gives master's verdict, which filterlint follows.
EXPLAINED_FILTERS = {
    "dovecot": "1.0.2's engine misses 'sql: Password mismatch' (line 143 of the corpus log, failJSON match: true, "
               "gh-4196, a master filter line); filterlint gives master's verdict",
}

# Lines where fail2ban-regex 1.0.2 and filterlint differ by design: (pattern on the 1.0.2 line, reason).
EXPLAINED_LINES = [
    (re.compile(r"^Real  filter options : "),
     "-vv: 1.0.2's reader adds the filter's [Init] options to the options dict it lists; filterlint lists "
     "logtype, datepattern and the options given with FILTER"),
    (re.compile(r"ExYearExMonthExDay\(\?:-\|T\|  \?\)Ex24hour:\?ExMinute:\?ExSecond|%ExY%Exm%Exd\(\?:-\|T|"
                r"\(\?P<d>\[1-2\]\\d\|0\[1-9\]\|3\[0-1\]\)\(\?:-\|T\|  \?\)|"
                r"ExYearExMonthExDay\(\?:T\|  \?\)Ex24hourExMinuteExSecond|%ExY%Exm%Exd\(\?:T\|  \?\)%ExH%ExM%ExS|"
                r"\(\?P<d>\[1-2\]\\d\|0\[1-9\]\|3\[0-1\]\)\(\?:T\|  \?\)"),
     "default date template #10 is master's ((?:-|T|  ?) and optional ':' separators), 1.0.2's is narrower: with -v (no hits), or lines dated by it (xrdp's '20140101-10:00:00') in the template hits"),
]


def run(cmd, env):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True, errors="replace")
    return p.returncode, p.stdout


SET_RE = re.compile(r"\{('[^'{}]*'(?:, '[^'{}]*')+)\}")


def normalize(text, ours):
    # A failure on a line without a date has the current time: the two runs are a second apart.
    now = time.time()
    today = re.compile(re.escape(time.strftime("%a %b %d ", time.gmtime(now))) + r"\d\d:\d\d:\d\d " + time.strftime("%Y", time.gmtime(now)))
    epoch = re.compile(r"\b(\d{10}\.\d+)\b")
    out = []
    skipping = False
    for line in text.splitlines():
        if line.startswith("[processed in "):
            continue
        if ours:
            if re.match(r"^\|      (line \d+, )?why: ", line):
                continue
            if re.match(r"^\|- First \d+ missed line\(s\), explained:$", line):
                skipping = True
                continue
            if skipping:
                if line == "`-":
                    skipping = False
                continue
        row = re.match(r"^(\[.*?,\t.*?,\t)\{(.*)\}\],$", line)
        if row:
            items = re.findall(r"'[^']*': (?:'[^']*'|\{[^{}]*\}|[^,{}]+)", row.group(2))
            line = row.group(1) + "{" + ", ".join(sorted(items)) + "}],"
        line = today.sub("<now>", line)
        line = epoch.sub(lambda m: "<now>" if abs(float(m.group(1)) - now) < 600 else m.group(1), line)
        line = SET_RE.sub(lambda m: "{" + ", ".join(sorted(m.group(1).split(", "))) + "}", line)
        out.append(line)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--filters", default="sshd postfix nginx-http-auth apache-auth dovecot exim named-refused")
    ap.add_argument("--all-logs", action="store_true")
    ap.add_argument("--corpus", default=os.environ.get("FAIL2BAN_CORPUS", os.path.join(ROOT, "..", "shared", "fail2ban-corpus")))
    ap.add_argument("--show", type=int, default=4, help="differing lines shown per case")
    args = ap.parse_args()

    ref = os.path.join(ROOT, ".f2b-ref", "pkg", "usr")
    if not os.path.isdir(ref):
        sys.exit("no Fail2Ban reference in .f2b-ref: run scripts/fetch-fail2ban-reference.sh")
    corpus = os.path.abspath(args.corpus)
    if not os.path.isdir(os.path.join(corpus, "filter.d")):
        sys.exit("no corpus at " + corpus)
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "FilterLint"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)
    ours = ["dotnet", os.path.join(ROOT, "src", "FilterLint", "bin", "Release", "net10.0", "filterlint.dll"), "regex"]
    theirs = ["python3", os.path.join(ref, "bin", "fail2ban-regex")]
    env = dict(os.environ, TZ="UTC", NO_COLOR="1",
               PYTHONPATH=os.path.join(ref, "lib", "python3", "dist-packages"))
    logs = os.path.join(corpus, "logs")
    cfg = ["-c", corpus]

    cases = []  # (label, explained-key, their args, our args)
    for name in args.filters.split():
        log = os.path.join(logs, name)
        if not os.path.isfile(log):
            continue
        options = [
            [], ["-v"], ["-vv"], ["--verbosity=1"], ["--verbose-date", "-v"], ["--VD"], ["-D"],
            ["--print-all-matched"], ["--print-all-missed"], ["--print-all-ignored"],
            ["--print-no-missed"], ["--print-no-ignored"], ["-L", "3"], ["--maxlines=5"],
            ["-d", "{^LN-BEG}"], ["--no-check-all"], ["-e", "latin1"], ["--encoding=utf-8"],
            ["--usedns", "no"], ["--usedns", "yes"], ["--timezone", "UTC"], ["--TZ", "CET-1CEST-2,M3.5.0,M10.5.0/3"],
            ["-t"], ["--full-traceback"], ["-l", "info"], ["--log-level=critical"],
            ["-o", "id"], ["-o", "fid"], ["-o", "ip"], ["-o", "msg"], ["-o", "row"], ["-o", "matches"],
            ["-o", "user"], ["-o", "host"], ["-o", "ip4"], ["-o", "dns"], ["--out", "<ip> <F-USER> <fid> <time>"],
            ["-m", "_SYSTEMD_UNIT=x.service"],
        ]
        for o in options:
            cases.append(("%s %s" % (name, " ".join(o) or "(defaults)"), o[0] if o else "", theirs + ["-r"] + cfg + o + [log, name],
                          ours + ["-r"] + cfg + o + [log, name]))
        # option order: options after the arguments
        cases.append(("%s LOG FILTER -r -v" % name, "", theirs + cfg + [log, name, "-r", "-v"], ours + cfg + [log, name, "-r", "-v"]))
        cases.append(("%s IGNOREREGEX" % name, "ignore", theirs + ["-r"] + cfg + [log, name, "Accepted|Connection closed"],
                      ours + ["-r"] + cfg + [log, name, "Accepted|Connection closed"]))
    line = "Jan 23 21:59:59 srv sshd[1234]: Failed password for root from 192.0.2.10 port 22 ssh2"
    cases.append(("literal line + literal regex", "", theirs + ["-r", line, r"for \S+ from <HOST>"], ours + ["-r", line, r"for \S+ from <HOST>"]))
    cases.append(("-V", "-V", theirs + ["-V"], ours + ["-V"]))
    if args.all_logs:
        for name in sorted(os.listdir(logs)):
            if os.path.isfile(os.path.join(logs, name)) and os.path.isfile(os.path.join(corpus, "filter.d", name + ".conf")):
                cases.append((name + " (defaults)", "", theirs + ["-r"] + cfg + [os.path.join(logs, name), name],
                              ours + ["-r"] + cfg + [os.path.join(logs, name), name]))

    same = explained = different = 0
    for label, key, t, o in cases:
        tc, tout = run(t, env)
        oc, oout = run(o, env)
        tn, on = normalize(tout, False), normalize(oout, True)
        # fail2ban-regex exits 255 on errors, filterlint 2
        codes_agree = (tc == 0) == (oc == 0)
        if tn == on and codes_agree:
            same += 1
            continue
        # lines only one tool printed (aligned with difflib, so that an extra line does not shift the rest)
        only = [(d[0], d[2:]) for d in difflib.ndiff(tn, on) if d[:2] in ("- ", "+ ")]
        reasons = set()
        for _, text in only:
            reason = next((r for pattern, r in EXPLAINED_LINES if pattern.search(text)), None)
            if reason is None:
                reasons = None
                break
            reasons.add(reason)
        if reasons and codes_agree:
            explained += 1
            print("EXPLAINED %s: %s" % (label, "; ".join(sorted(reasons))))
            continue
        if label.split(" ")[0] in EXPLAINED_FILTERS and codes_agree:
            explained += 1
            print("EXPLAINED %s: %s" % (label, EXPLAINED_FILTERS[label.split(" ")[0]]))
            continue
        if key in EXPLAINED:
            explained += 1
            print("EXPLAINED %s: %s" % (label, EXPLAINED[key]))
            continue
        different += 1
        print("DIFFERS   %s (exit %d vs %d)" % (label, tc, oc))
        for side, text in only[:args.show * 2]:
            print("      %s %s" % ("fail2ban-regex:" if side == "-" else "filterlint:    ", text[:160]))
    print("\n%d cases: %d identical, %d differ by design (explained above), %d differ" % (len(cases), same, explained, different))
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
