#!/usr/bin/env python3
"""Generates tests/Fail2Ban.Core.Tests/Hardening/ipv6-verdicts.tsv: IPv6 address forms judged by Fail2Ban itself.

Each form is written into a log line, run through Fail2Ban's own Filter (failregex with <ADDR>, no date), and
the verdict recorded: "-" when no failure is found, else the failure id as Fail2Ban prints it and whether it is a
valid address; context "ipaddr" is IPAddr(form) itself. The table is our own generated data (forms chosen here, verdicts computed by Fail2Ban 1.0.2).

Usage (Fail2Ban 1.0.2 importable, e.g. the reference package):
  PYTHONPATH=.f2b-ref/pkg/usr/lib/python3/dist-packages python3 scripts/ipv6_verdicts.py > tests/Fail2Ban.Core.Tests/Hardening/ipv6-verdicts.tsv
"""
import random
import sys

from fail2ban.server.filter import Filter
from fail2ban.server.ipdns import IPAddr

CONTEXTS = [
    # (name, failregex, line template)
    ("port", r"^auth failure from <ADDR> port 22$", "auth failure from {} port 22"),
    ("end", r"^auth failure from <ADDR>(?::\d+)?$", "auth failure from {}"),
]


def groups_forms(rng):
    """Textual forms of addresses: every compression of a zero run, at either end, one-group ::, embedded IPv4."""
    forms = set()
    values = [0, 1, 0xffff, 0x2001, 0xdb8, 0xfe80, 0xa, 0x1234]
    for _ in range(260):
        words = [rng.choice(values) if rng.random() < 0.6 else 0 for _ in range(8)]
        full = [format(w, rng.choice(["x", "x", "04x", "X"])) for w in words]
        forms.add(":".join(full))
        # compress each run of zero words (also single ones, which Fail2Ban's regex handles on its own way)
        for i in range(8):
            for j in range(i + 1, 9):
                if all(w == 0 for w in words[i:j]):
                    forms.add(":".join(full[:i]) + "::" + ":".join(full[j:]))
    fixed = [
        "::", "::1", "1::", "::0", "0::", ":::", "::::", "[::]", "[::1]", "::ffff:192.0.2.1", "::FFFF:192.0.2.1",
        "::192.0.2.1", "::ffff:0:192.0.2.1", "64:ff9b::192.0.2.1", "1:2:3:4:5:6:192.0.2.1", "1:2:3:4:5:192.0.2.1",
        "::2:3:4:5:6:7:8", "1::3:4:5:6:7:8", "1:2:3:4:5:6:7::", "1:2:3:4:5:6::8", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7", "1::2::3", "12345::1", "fe80::1%eth0", "fe80::1%1", "[fe80::1]", "2001:db8::/32",
        "::ffff:1.2.3", "::ffff:1.2.3.4.5", "::ffff:256.1.1.1", "::ffff:01.2.3.4", "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8", ":1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:", "g::1", "2001:db8::g", "2001:DB8::A",
    ]
    forms.update(fixed)
    return sorted(forms)


def decorate(forms, rng):
    """Brackets and ports, as logs write them."""
    out = []
    for f in forms:
        out.append(f)
        if rng.random() < 0.35:
            out.append("[" + f + "]")
        if rng.random() < 0.35:
            out.append("[" + f + "]:22")
        if rng.random() < 0.2:
            out.append(f + ":22")
    return out


def verdict(flt, line):
    found = flt.processLine(line)
    if not found:
        return "-"
    fid = found[0][1]
    return str(fid) + "\t" + ("valid" if getattr(fid, "isValid", False) else "raw")


def main():
    rng = random.Random(20261205)
    forms = decorate(groups_forms(rng), rng)
    filters = []
    for name, regex, template in CONTEXTS:
        flt = Filter(None)
        flt.setDatePattern("{NONE}")
        flt.addFailRegex(regex)
        filters.append((name, regex, template, flt))
    out = sys.stdout
    out.write("# context\tform\tverdict (failure id, valid|raw; - when no failure)\n")
    for name, regex, template, flt in filters:
        out.write("#regex " + name + "\t" + regex + "\t" + template + "\n")
    for form in forms:
        for name, regex, template, flt in filters:
            out.write(name + "\t" + form + "\t" + verdict(flt, template.format(form)) + "\n")
        # The address value alone, as IPAddr(text) parses and prints it (brackets, masks).
        ip = IPAddr(form)
        out.write("ipaddr\t" + form + "\t" + str(ip) + "\t" + ("valid" if ip.isValid else "raw") + "\n")


if __name__ == "__main__":
    main()
