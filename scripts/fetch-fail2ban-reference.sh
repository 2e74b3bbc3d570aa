#!/usr/bin/env bash
# Downloads Debian's fail2ban package and extracts it into .f2b-ref/ at the repository root.
# Used as the reference implementation (fail2ban-regex) by the benchmark and as a fallback source
# of test data when ../shared/fail2ban-corpus is missing. Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/.f2b-ref"
if [ -x "$dest/pkg/usr/bin/fail2ban-regex" ]; then echo "$dest/pkg"; exit 0; fi
mkdir -p "$dest"
cd "$dest"
if ! ls fail2ban_*.deb >/dev/null 2>&1; then
  (apt-get update -qq || true) >/dev/null 2>&1
  apt-get download fail2ban >/dev/null 2>&1
fi
rm -rf pkg && dpkg -x fail2ban_*.deb pkg
echo "$dest/pkg"
