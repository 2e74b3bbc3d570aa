#!/usr/bin/env python3
"""Times CPython's re.search on pump strings, for F2B4001's steps-per-second constant.

The same patterns and strings are counted by BacktrackingCounter in the test
BacktrackingCounterTests.Calibration_patterns (it prints the steps; run it with
CALIBRATE_REDOS=1 and --logger "console;verbosity=detailed" for all the counts); steps / seconds
here fit the three speeds of BacktrackingGrowth (PythonOpsPerSecond and the two after it). Usage: python3 scripts/calibrate-redos.py
"""
import re
import sys
import time

# (pattern, prefix, unit, suffix, pump counts): keep in sync with BacktrackingCounterTests.Calibration.
CASES = [
    (r'(a+)+$', '', 'a', '!', [18, 20, 22]),
    (r'^(\w+\s?)*$', '', 'ab ', '!', [14, 16, 18]),
    (r'^x="(?:"+[^"]*)*"$', 'x="', '"', 'y', [18, 20, 22]),
    (r'.*.*=.*', '', 'a', '', [200, 400, 800]),
    (r'\s*\s*\s*x', '', ' ', '!', [50, 100, 200]),
    (r'^user (?:[^(]+ )*x$', 'user ', 'a ', '!', [18, 20, 22]),
    (r'^\s*(?:\w+[\w.-]*\s+)?x', '', 'a', '!', [1000, 2000, 4000]),
    (r'^a=(\S+)\S*=', 'a=', 'b', '!', [1000, 2000, 4000]),
    (r'^in "x(?:"+[^"]*(?="))*?" [a-z]+ at the end of the line$', 'in "x', '"', '\x01' * 30, [16, 18, 20]),
]


def best_time(regex, line, repeat=3):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        regex.search(line)
        t = time.perf_counter() - t
        best = t if best is None else min(best, t)
    return best


def main():
    for pattern, prefix, unit, suffix, counts in CASES:
        regex = re.compile(pattern)
        for n in counts:
            line = prefix + unit * n + suffix
            print("%s\t%d\t%.6f" % (pattern, n, best_time(regex, line)))
            sys.stdout.flush()


if __name__ == '__main__':
    main()
