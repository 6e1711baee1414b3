/**
 * The real Secret Service (gnome-keyring) the vault tests run against. npm test starts it inside
 * dbus-run-session; without a session bus these tests fail and say so, they never skip.
 */
export function requireSecretService(): void {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'No D-Bus session: the keychain tests need a Secret Service. Run them through "npm test" (it starts dbus-run-session and gnome-keyring), and install the packages with: apt-get install -y gnome-keyring dbus-x11 libsecret-1-dev',
    );
  }
}
