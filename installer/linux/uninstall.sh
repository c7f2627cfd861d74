#!/bin/sh
# Remove mktplanner installed by install.sh (same PREFIX / XDG_DATA_HOME rules).
#
#   ~/.local/lib/mktplanner/uninstall.sh
#
# Removes the program, the command, the menu entry, the icons and the plan file type: the
# files listed in installed-files.txt, nothing else. Your plans and the app's data folder
# (~/.local/share/mktplanner: backups, logs, settings) stay; delete that folder yourself if
# you want them gone too.
set -eu

APP=mktplanner
if [ -n "${PREFIX:-}" ]; then
    DATA_HOME="$PREFIX/share"
else
    PREFIX="$HOME/.local"
    case "${XDG_DATA_HOME:-}" in
        /*) DATA_HOME="$XDG_DATA_HOME" ;;
        *) DATA_HOME="$HOME/.local/share" ;;
    esac
fi
APP_DIR="$PREFIX/lib/$APP"
MANIFEST="$APP_DIR/installed-files.txt"

if [ ! -d "$APP_DIR" ]; then
    printf 'uninstall.sh: mktplanner is not installed in %s\n' "$APP_DIR" >&2
    exit 1
fi

if [ -f "$MANIFEST" ]; then
    while IFS= read -r path || [ -n "$path" ]; do
        case "$path" in
            "$PREFIX"/* | "$DATA_HOME"/*) ;;  # only what install.sh put there
            *) continue ;;
        esac
        if [ -L "$path" ] || [ -f "$path" ]; then
            rm -f "$path"
        fi
    done < "$MANIFEST"
fi
# Leave the hicolor/mime folders tidy: drop the folders install.sh filled, if now empty.
for dir in "$DATA_HOME/icons/hicolor" "$DATA_HOME/mime/packages"; do
    [ -d "$dir" ] && find "$dir" -depth -type d -empty -exec rmdir {} \; 2>/dev/null || true
done
rm -rf "$APP_DIR"

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA_HOME/mime" ]; then
    update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA_HOME/applications" ]; then
    update-desktop-database -q "$DATA_HOME/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA_HOME/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
fi

case "${XDG_DATA_HOME:-}" in
    /*) USER_DATA="$XDG_DATA_HOME/$APP" ;;
    *) USER_DATA="$HOME/.local/share/$APP" ;;
esac
printf 'mktplanner is uninstalled. Your plans and the data folder %s were kept.\n' "$USER_DATA"
