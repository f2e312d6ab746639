#!/usr/bin/env bash
# A desktop for the screen-reader test, all in this process group: Xvfb, a
# session D-Bus, the AT-SPI bus, the Openbox window manager (so the browser's
# window is activated and focused, which Orca needs to present it) and Orca,
# speaking into $IOF_SR_TRANSCRIPT through transcript_speech.py and logging
# every event it gets into WORKDIR/orca-debug.log (the test quotes it). Prints
# "ready DISPLAY DBUS_SESSION_BUS_ADDRESS" once Orca has said "Screen reader on."
# Usage: session.sh WORKDIR   (WORKDIR: an empty folder for HOME and logs)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$1"
mkdir -p "$WORK/home" "$WORK/runtime" "$WORK/orca-prefs"
chmod 700 "$WORK/runtime"
export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/runtime" XDG_CONFIG_HOME="$WORK/home/.config" \
  XDG_DATA_HOME="$WORK/home/.local/share" XDG_CACHE_HOME="$WORK/home/.cache"
export GNOME_ACCESSIBILITY=1 NO_AT_BRIDGE=0
: > "$IOF_SR_TRANSCRIPT"
cp "$HERE/user-settings.conf" "$WORK/orca-prefs/user-settings.conf"

exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$WORK/display")"

dbus-daemon --session --nofork --print-address=4 4>"$WORK/bus" >"$WORK/dbus.log" 2>&1 &
for _ in $(seq 100); do [ -s "$WORK/bus" ] && break; sleep 0.1; done
export DBUS_SESSION_BUS_ADDRESS="$(head -1 "$WORK/bus")"

/usr/libexec/at-spi-bus-launcher --launch-immediately >"$WORK/at-spi.log" 2>&1 &
openbox --sm-disable >"$WORK/openbox.log" 2>&1 &
sleep 1
PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}" /usr/bin/python3 "$HERE/orca_launch.py" --user-prefs "$WORK/orca-prefs" \
  --debug-file "$WORK/orca-debug.log" >"$WORK/orca.log" 2>&1 &
for _ in $(seq 300); do grep -q 'Screen reader on' "$IOF_SR_TRANSCRIPT" 2>/dev/null && break; sleep 0.1; done
grep -q 'Screen reader on' "$IOF_SR_TRANSCRIPT" || { echo "Orca did not start; see $WORK/orca.log" >&2; exit 1; }
echo "ready $DISPLAY $DBUS_SESSION_BUS_ADDRESS"
wait
