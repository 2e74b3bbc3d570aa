#!/usr/bin/env python3
"""Benchmark of `filterlint lsp` as an editor uses it (docs/editors.md, "Performance").

Starts the server (the Release build unless --cli is given), opens filters and edits them as a user types
(full-text didChange, each edit a new text), and measures, per edit, the time from sending the change to
receiving the diagnostics for that version (the server's debounce included), and the server's resident
memory (VmRSS) every 100 edits over a long run of edits.

  scripts/bench-lsp.py [--cli PATH] [--edits 30] [--memory-edits 1000] [--debounce MS] [--pause S] [--filters a,b]
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "fail2ban-corpus", "filter.d")
SEED_COMMON = "[DEFAULT]\n_pref = ^\\S+ postfix/smtpd\\[\\d+\\]: NOQUEUE: reject:\n"
SEED = ("[INCLUDES]\nbefore = common.conf\n\n[Definition]\n"
        "failregex = %(_pref)s [A-Z]{4} from \\S+\\[<HOST>\\]: 554 5\\.7\\.1 .*$\n")


class Server:
    def __init__(self, cli, debounce):
        cmd = [cli, "lsp"] if not cli.endswith(".dll") else ["dotnet", cli, "lsp"]
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0
        self.request("initialize", {"processId": None, "rootUri": None, "capabilities": {},
                                    "initializationOptions": {"debounceMilliseconds": debounce}})
        self.notify("initialized", {})

    def send(self, message):
        body = json.dumps(message).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def receive(self):
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            c = self.p.stdout.read(1)
            if not c:
                raise EOFError("server closed its output")
            header += c
        length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
        return json.loads(self.p.stdout.read(length))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            m = self.receive()
            if m.get("id") == self.next_id and "method" not in m:
                return m

    def diagnostics(self, uri, version):
        while True:
            m = self.receive()
            p = m.get("params") or {}
            if m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri and p.get("version") == version:
                return p["diagnostics"]

    def rss_mb(self):
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.p.wait(timeout=30)


def edit(text, n):
    # A user typing: a comment line that changes on every edit (the filter is linted again each time).
    return text + "# edit %d\n" % n


def latency(server, uri, text, edits, pause):
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "fail2ban-filter", "version": 1, "text": text}})
    first = server.diagnostics(uri, 1)
    times, counts = [], set()
    for n in range(edits):
        time.sleep(pause)
        start = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": n + 2},
                                                 "contentChanges": [{"text": edit(text, n)}]})
        counts.add(len(server.diagnostics(uri, n + 2)))
        times.append((time.perf_counter() - start) * 1000)
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    return len(first), times, counts


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--cli", default=os.path.join(ROOT, "src/FilterLint/bin/Release/net10.0/filterlint"))
    a.add_argument("--edits", type=int, default=30)
    a.add_argument("--memory-edits", type=int, default=1000)
    a.add_argument("--debounce", type=int, default=150)
    a.add_argument("--filters", default="sshd,postfix,nginx-http-auth,apache-auth")
    a.add_argument("--memory-filter", default="seed (postfix-like, [A-Z]{4})", help="the filter edited for the memory run (a corpus name such as sshd)")
    a.add_argument("--pause", type=float, default=0.0,
                   help="seconds between edits (a typist's pause: a full pass still running from the edit before competes for the CPU)")
    args = a.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-lsp-")
    os.makedirs(os.path.join(tmp, "filter.d"))
    with open(os.path.join(tmp, "filter.d", "common.conf"), "w") as f:
        f.write(SEED_COMMON)
    seed_path = os.path.join(tmp, "filter.d", "postfix-seed.conf")
    with open(seed_path, "w") as f:
        f.write(SEED)
    targets = [("seed (postfix-like, [A-Z]{4})", seed_path, SEED)]
    for name in args.filters.split(","):
        path = os.path.join(CORPUS, name + ".conf")
        if os.path.exists(path):
            targets.append((name, os.path.abspath(path), open(path, encoding="utf-8").read()))

    server = Server(args.cli, args.debounce)
    print("| filter | findings on open | findings after each edit | edits | median ms | p90 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, path, text in targets:
        count, times, counts = latency(server, "file://" + path, text, args.edits, args.pause)
        times.sort()
        print("| %s | %d | %s | %d | %.0f | %.0f | %.0f |" % (label, count, ",".join(map(str, sorted(counts))), len(times), statistics.median(times),
                                                       times[int(len(times) * 0.9) - 1], times[-1]))
        sys.stdout.flush()

    memory_label, memory_path, memory_text = next((t for t in targets if t[0] == args.memory_filter), targets[0])
    uri = "file://" + memory_path
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "fail2ban-filter", "version": 1, "text": memory_text}})
    server.diagnostics(uri, 1)
    print("\nmemory over %d edits of %s (VmRSS, MB, every 100 edits):" % (args.memory_edits, memory_label))
    samples = []
    for n in range(args.memory_edits):
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": n + 2},
                                                 "contentChanges": [{"text": edit(memory_text, n)}]})
        server.diagnostics(uri, n + 2)
        if (n + 1) % 100 == 0:
            samples.append(server.rss_mb())
    print("  " + " ".join("%.0f" % s for s in samples), flush=True)
    print("  growth from edit 100 to edit %d: %+.1f MB" % (args.memory_edits, samples[-1] - samples[0]))
    print("exit code after shutdown/exit: %d" % server.close())


if __name__ == "__main__":
    main()
