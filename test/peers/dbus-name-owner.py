"""
Owns a well-known name on a D-Bus bus and sends signals from it, as logind sends its session signals
from org.freedesktop.login1 (for test/peers/dbus.ts; Debian's python3-gi). `gdbus emit` cannot do
this: a listener that follows a name hears only the name's owner.

Usage: dbus-name-owner.py ADDRESS NAME
Prints "owned" once NAME is held, then reads one JSON object a line on stdin,
{"path": ..., "interface": ..., "member": ..., "args": "<GVariant text of a tuple, or empty>"},
sends that signal and prints "sent". Ends (and so gives the name up) when stdin closes.
"""
import json
import sys

from gi.repository import Gio, GLib

address, name = sys.argv[1], sys.argv[2]
connection = Gio.DBusConnection.new_for_address_sync(
    address,
    Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
    None,
    None,
)
# 4: DBUS_NAME_FLAG_DO_NOT_QUEUE; 1 back means this connection is the primary owner.
(reply,) = connection.call_sync(
    "org.freedesktop.DBus",
    "/org/freedesktop/DBus",
    "org.freedesktop.DBus",
    "RequestName",
    GLib.Variant("(su)", (name, 4)),
    GLib.VariantType("(u)"),
    Gio.DBusCallFlags.NONE,
    -1,
    None,
).unpack()
if reply != 1:
    sys.exit(f"could not own {name} (RequestName answered {reply})")
print("owned", flush=True)

for line in sys.stdin:
    signal = json.loads(line)
    args = GLib.Variant.parse(None, signal["args"], None, None) if signal.get("args") else None
    connection.emit_signal(None, signal["path"], signal["interface"], signal["member"], args)
    connection.flush_sync(None)
    print("sent", flush=True)
