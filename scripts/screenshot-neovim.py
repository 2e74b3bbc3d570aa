#!/usr/bin/env python3
"""Takes docs/images/neovim-diagnostic.png: Neovim (scripts/fetch-neovim.sh) with the set-up of docs/editors.md,
run in a detached tmux pane on the seed filter, its screen captured (tmux capture-pane -e) once filterlint's
diagnostic is shown, and drawn to a PNG with Pillow (Debian's python3-pil) in DejaVu Sans Mono.

  scripts/screenshot-neovim.py [--cli PATH/filterlint.dll] [--out docs/images/neovim-diagnostic.png]
"""
import argparse, os, re, shutil, subprocess, tempfile, time
from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
COLS, ROWS = 112, 18
COMMON = "[DEFAULT]\n_pref = ^\\S+ postfix/smtpd\\[\\d+\\]: NOQUEUE: reject:\n"
FILTER = ("# postfix-like seed filter\n[INCLUDES]\nbefore = common.conf\n\n[Definition]\n"
          "failregex = %(_pref)s [A-Z]{4} from \\S+\\[<HOST>\\]: 554 5\\.7\\.1 .*$\n")
# xterm's 16 colours, then the 6x6x6 cube and the grey ramp of the 256-colour palette.
BASE16 = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
          (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]


def palette(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        return tuple(0 if c == 0 else 55 + 40 * c for c in (n // 36, (n // 6) % 6, n % 6))
    g = 8 + 10 * (n - 232)
    return (g, g, g)


def parse(ansi):
    """Cells (char, fg, bg, bold) per row from tmux's escaped capture."""
    default_fg, default_bg = (220, 220, 220), (24, 24, 24)
    rows = []
    for line in ansi.split("\n")[:ROWS]:
        fg, bg, bold, reverse = default_fg, default_bg, False, False
        cells = []
        for part in re.split(r"(\x1b\[[0-9;]*m)", line):
            if part.startswith("\x1b["):
                codes = [int(c) if c else 0 for c in part[2:-1].split(";")]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0: fg, bg, bold, reverse = default_fg, default_bg, False, False
                    elif c == 1: bold = True
                    elif c == 7: reverse = True
                    elif c == 22: bold = False
                    elif c == 27: reverse = False
                    elif 30 <= c <= 37: fg = BASE16[c - 30]
                    elif 90 <= c <= 97: fg = BASE16[c - 90 + 8]
                    elif 40 <= c <= 47: bg = BASE16[c - 40]
                    elif 100 <= c <= 107: bg = BASE16[c - 100 + 8]
                    elif c == 39: fg = default_fg
                    elif c == 49: bg = default_bg
                    elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                        if c == 38: fg = palette(codes[i + 2])
                        else: bg = palette(codes[i + 2])
                        i += 2
                    elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                        rgb = tuple(codes[i + 2:i + 5])
                        if c == 38: fg = rgb
                        else: bg = rgb
                        i += 4
                    i += 1
                continue
            for ch in part:
                cells.append((ch, bg if reverse else fg, fg if reverse else bg, bold))
        while len(cells) < COLS:
            cells.append((" ", default_fg, default_bg, False))
        rows.append(cells[:COLS])
    return rows, default_bg


def render(rows, background, out):
    font, bold = ImageFont.truetype(FONT, 15), ImageFont.truetype(FONT_BOLD, 15)
    w, h = 9, 19
    image = Image.new("RGB", (COLS * w + 16, len(rows) * h + 16), background)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(rows):
        for x, (ch, fg, bg, is_bold) in enumerate(row):
            left, top = 8 + x * w, 8 + y * h
            if bg != background:
                draw.rectangle([left, top, left + w - 1, top + h - 1], fill=bg)
            if ch != " ":
                draw.text((left, top), ch, font=bold if is_bold else font, fill=fg)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    image.save(out, optimize=True)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--cli", default=os.path.join(ROOT, "src/FilterLint/bin/Release/net10.0/filterlint.dll"))
    a.add_argument("--nvim", default=os.path.join(ROOT, ".nvim", "nvim"))
    a.add_argument("--out", default=os.path.join(ROOT, "docs", "images", "neovim-diagnostic.png"))
    args = a.parse_args()
    doc = open(os.path.join(ROOT, "docs", "editors.md"), encoding="utf-8").read()
    setup = re.search(r"<!-- nvim-setup:start -->\s*```lua\n(.*?)```", doc, re.S).group(1)
    setup = setup.replace("{ 'filterlint', 'lsp' }", "{ 'dotnet', '%s', 'lsp' }" % args.cli)
    tmp = tempfile.mkdtemp(prefix="nvim-shot-")
    os.makedirs(os.path.join(tmp, "filter.d"))
    open(os.path.join(tmp, "filter.d", "common.conf"), "w").write(COMMON)
    filter_path = os.path.join(tmp, "filter.d", "postfix-seed.conf")
    open(filter_path, "w").write(FILTER)
    init = os.path.join(tmp, "init.lua")
    # The documented set-up, then what a user sees: line numbers, the diagnostic's float at its place.
    open(init, "w").write(setup + "\nvim.o.number = true\nvim.o.signcolumn = 'yes'\nvim.o.shortmess = vim.o.shortmess .. 'I'\n")
    show = ("lua vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50); "
            "vim.api.nvim_win_set_cursor(0, {6, 22}); vim.diagnostic.open_float(nil, {scope = 'cursor'})")
    session = "filterlint-shot"
    subprocess.run(["tmux", "kill-session", "-t", session], stderr=subprocess.DEVNULL)
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(COLS), "-y", str(ROWS), "-c", tmp,
                    "TERM=xterm-256color %s -n -i NONE -u %s -c \"%s\" filter.d/postfix-seed.conf" % (args.nvim, init, show)], check=True)
    try:
        time.sleep(8)
        ansi = subprocess.run(["tmux", "capture-pane", "-e", "-p", "-t", session], capture_output=True, text=True, check=True).stdout
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)
    assert "F2B2001" in ansi or "[A-Z]{4}" in ansi.split("failregex", 1)[-1], "no diagnostic on screen:\n" + ansi
    rows, background = parse(ansi)
    render(rows, background, args.out)
    print(args.out)


if __name__ == "__main__":
    main()
