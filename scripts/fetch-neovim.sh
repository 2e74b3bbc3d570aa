#!/usr/bin/env bash
# Downloads Debian's Neovim (and the libraries it links) and extracts it into .nvim/ at the repository root,
# with a wrapper .nvim/nvim that finds them: the real LSP client the editor test drives. Nothing is installed
# system-wide. Idempotent; prints the wrapper's path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/.nvim"
if [ -x "$dest/nvim" ]; then echo "$dest/nvim"; exit 0; fi
if command -v nvim >/dev/null; then command -v nvim; exit 0; fi
mkdir -p "$dest/debs"
cd "$dest/debs"
if ! ls neovim_*.deb >/dev/null 2>&1; then
  (apt-get update -qq || true) >/dev/null 2>&1
  # Neovim, its runtime and its direct dependencies (first alternative of each; libc is there already).
  deps=$(apt-cache depends neovim | awk '/^ *Depends:/ {print $2}' | grep -v '^libc6$' | sort -u)
  apt-get download neovim neovim-runtime $deps libluajit-5.1-common >/dev/null 2>&1
fi
rm -rf "$dest/root"
for deb in *.deb; do dpkg-deb -x "$deb" "$dest/root"; done
cat > "$dest/nvim" <<WRAP
#!/bin/sh
export LD_LIBRARY_PATH="$dest/root/usr/lib/x86_64-linux-gnu:$dest/root/usr/lib/aarch64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export VIMRUNTIME="$dest/root/usr/share/nvim/runtime"
exec "$dest/root/usr/bin/nvim" "\$@"
WRAP
chmod +x "$dest/nvim"
"$dest/nvim" --version | head -1 >&2
echo "$dest/nvim"
