#!/bin/sh
# Install mktplanner for the current user: no root password, nothing outside your home folder.
#
#   ./install.sh            (from the unpacked mktplanner-*-linux-*.tar.gz)
#
# Puts the program in ~/.local/lib/mktplanner, a command in ~/.local/bin/mktplanner, the
# menu entry, the icons and the plan file type (*.mktplan opens with mktplanner) under
# ~/.local/share (or $XDG_DATA_HOME). Run it again to upgrade; ~/.local/lib/mktplanner/uninstall.sh
# removes it all again. Your plans and the app's data folder (~/.local/share/mktplanner:
# backups, logs, settings) are never touched.
#
# PREFIX=/some/dir ./install.sh installs under /some/dir/{bin,lib,share} instead.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
APP=mktplanner

if [ -n "${PREFIX:-}" ]; then
    DATA_HOME="$PREFIX/share"
else
    PREFIX="$HOME/.local"
    case "${XDG_DATA_HOME:-}" in
        /*) DATA_HOME="$XDG_DATA_HOME" ;;  # a relative value is invalid per the XDG spec
        *) DATA_HOME="$HOME/.local/share" ;;
    esac
fi
APP_DIR="$PREFIX/lib/$APP"
BIN_DIR="$PREFIX/bin"
EXE="$APP_DIR/$APP"
MANIFEST="$APP_DIR/installed-files.txt"

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

[ -x "$HERE/$APP/$APP" ] || fail "$HERE/$APP/$APP is missing: run install.sh from the unpacked archive."
case "$APP_DIR" in
    *[\"\`\$\\%]*) fail "the folder $APP_DIR has a character (\" \` \$ \\ %) a menu entry cannot hold; set PREFIX to another folder." ;;
esac

# 1. The program: copied next to the old one, then swapped, so a failed copy leaves the old
#    version working.
mkdir -p "$PREFIX/lib" "$BIN_DIR"
rm -rf "$APP_DIR.new"
cp -R "$HERE/$APP" "$APP_DIR.new"
cp "$HERE/uninstall.sh" "$APP_DIR.new/uninstall.sh"
chmod +x "$APP_DIR.new/uninstall.sh"
rm -rf "$APP_DIR"
mv "$APP_DIR.new" "$APP_DIR"
: > "$MANIFEST"

record() { printf '%s\n' "$1" >> "$MANIFEST"; }

# 2. The command.
ln -sfn "$EXE" "$BIN_DIR/$APP"
record "$BIN_DIR/$APP"

# 3. Icons (app and plan-file icons, every size) and the plan file type.
(cd "$HERE/share" && find icons mime -type f) | while IFS= read -r rel; do
    mkdir -p "$(dirname "$DATA_HOME/$rel")"
    cp "$HERE/share/$rel" "$DATA_HOME/$rel"
    record "$DATA_HOME/$rel"
done

# 4. The menu entry, pointing at the installed program.
mkdir -p "$DATA_HOME/applications"
DESKTOP="$DATA_HOME/applications/$APP.desktop"
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        TryExec=*) printf 'TryExec=%s\n' "$EXE" ;;
        Exec=*) printf 'Exec="%s" %%f\n' "$EXE" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$HERE/share/applications/$APP.desktop" > "$DESKTOP"
chmod 644 "$DESKTOP"
record "$DESKTOP"

# 5. Tell the desktop about them (each tool is optional; a missing one only delays the
#    menu entry or the file association until the next log-in).
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || say "note: update-mime-database failed"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA_HOME/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA_HOME/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
fi
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$APP.desktop" application/x-mktplan >/dev/null 2>&1 || true
fi

say "mktplanner is installed: find it in your applications menu, or double-click a .mktplan file."
say "  program:   $APP_DIR"
say "  command:   $BIN_DIR/$APP"
say "  uninstall: $APP_DIR/uninstall.sh"
case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) say "note: $BIN_DIR is not on your PATH; the menu entry works anyway, and in a terminal run $EXE" ;;
esac
