#!/usr/bin/env bash
# Install (or remove) CarInvoice Desk's menu entry, icon and "Open with" file types for the
# current user, following the XDG base directory and icon theme specifications:
#   $XDG_DATA_HOME/applications/car-invoice-desk.desktop
#   $XDG_DATA_HOME/icons/hicolor/scalable/apps/car-invoice-desk.svg
# (XDG_DATA_HOME defaults to ~/.local/share). No root needed; nothing outside that tree changes.
#
# Usage:
#   packaging/install-desktop-entry.sh                 # launcher found on PATH (pip install)
#   packaging/install-desktop-entry.sh --exec /opt/car-invoice-desk/car-invoice-desk   # frozen build
#   packaging/install-desktop-entry.sh --uninstall
# Works from the source tree and from a built folder (dist/car-invoice-desk/share/, where the
# default --exec is the car-invoice-desk binary of that folder).
set -euo pipefail

APP_ID=car-invoice-desk
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps_dir="$data_home/applications"
icon_dir="$data_home/icons/hicolor/scalable/apps"
exec_path=""
uninstall=0

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --exec) exec_path="${2:?--exec needs the path of the car-invoice-desk binary}"; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

# Source tree: packaging/../resources and packaging/../desktop_app/assets.
# Built folder: this script is share/install-desktop-entry.sh beside share/applications, share/icons.
find_first() { for f in "$@"; do [ -f "$f" ] && { echo "$f"; return 0; }; done; return 1; }
desktop_src="$(find_first "$here/../resources/$APP_ID.desktop" \
    "$here/applications/$APP_ID.desktop")" || { echo "error: $APP_ID.desktop not found" >&2; exit 1; }
icon_src="$(find_first "$here/../desktop_app/assets/icons/$APP_ID.svg" \
    "$here/icons/hicolor/scalable/apps/$APP_ID.svg")" || { echo "error: $APP_ID.svg not found" >&2; exit 1; }

refresh_caches() {
    # Optional helpers: menus pick the entry up without them, only later.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps_dir" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
    fi
}

if [ "$uninstall" = 1 ]; then
    rm -f "$apps_dir/$APP_ID.desktop" "$icon_dir/$APP_ID.svg"
    refresh_caches
    echo "removed $apps_dir/$APP_ID.desktop and $icon_dir/$APP_ID.svg"
    exit 0
fi

if [ -z "$exec_path" ] && [ -x "$here/../$APP_ID" ] && [ -d "$here/../_internal" ]; then
    exec_path="$here/../$APP_ID"  # the built folder's own binary
fi
if [ -z "$exec_path" ]; then
    exec_path="$(command -v "$APP_ID" || true)"
    if [ -z "$exec_path" ]; then
        echo "warning: $APP_ID is not on PATH; the entry runs '$APP_ID' and needs it there" >&2
        exec_path="$APP_ID"
    fi
fi
case "$exec_path" in
    */*)
        if [ ! -x "$exec_path" ] || [ -d "$exec_path" ]; then
            echo "error: $exec_path is not an executable file" >&2
            exit 1
        fi
        exec_path="$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")" ;;
esac

mkdir -p "$apps_dir" "$icon_dir"
install -m 0644 "$icon_src" "$icon_dir/$APP_ID.svg"
# Quote the path per the Desktop Entry spec if it holds spaces; keep %F (several files).
quoted="$exec_path"
case "$exec_path" in *" "*) quoted="\"$exec_path\"" ;; esac
tmp="$(mktemp "$apps_dir/.$APP_ID.XXXXXX")"
sed -e "s|^Exec=.*|Exec=$quoted %F|" -e "s|^TryExec=.*|TryExec=$exec_path|" "$desktop_src" >"$tmp"
chmod 0644 "$tmp"
mv -f "$tmp" "$apps_dir/$APP_ID.desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$apps_dir/$APP_ID.desktop"
fi
refresh_caches
echo "installed $apps_dir/$APP_ID.desktop (Exec=$exec_path) and $icon_dir/$APP_ID.svg"
