#!/usr/bin/env bash
# Installs what the test suite talks to: Chromium (e2e), gnome-keyring + D-Bus (keychain, screen lock),
# libsecret headers (to build keytar), nsd (DNS), pyspf (the SPF evaluator the app's is compared
# with), and moto (the AWS emulator).
# Debian/Ubuntu; run as root or with sudo. Safe to run again: it installs only what is missing.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v gnome-keyring-daemon >/dev/null || need+=(gnome-keyring)
command -v dbus-run-session >/dev/null || need+=(dbus dbus-x11)
# The screen-lock tests: dbus-monitor and gdbus listen, python3-gi sends as logind would.
command -v dbus-monitor >/dev/null || need+=(dbus-bin)
command -v gdbus >/dev/null || need+=(libglib2.0-bin)
/usr/bin/python3 -c 'import gi' 2>/dev/null || need+=(python3-gi)
[ -f /usr/include/libsecret-1/libsecret/secret.h ] || need+=(libsecret-1-dev)
command -v secret-tool >/dev/null || need+=(libsecret-tools)
command -v nsd >/dev/null || need+=(nsd)
# Debian's own python3, where apt puts python3-spf (a pyenv python3 earlier on PATH would not see it).
/usr/bin/python3 -c 'import spf, dns.resolver' 2>/dev/null || need+=(python3-spf python3-dnspython)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! command -v moto_server >/dev/null && [ ! -x .venv-moto/bin/moto_server ]; then
  echo "Installing moto into .venv-moto"
  python3 -m venv .venv-moto
  .venv-moto/bin/pip install -q "moto[server]"
fi
echo "Test peers ready."
