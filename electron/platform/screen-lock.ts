/**
 * The screen lock, seen from the main process: admin access is forgotten when the person leaves.
 *
 * - macOS and Windows: Electron's powerMonitor emits 'lock-screen'. Listened to everywhere (it costs
 *   nothing where it never comes).
 * - Linux: Electron emits no 'lock-screen'. The desktops say it on D-Bus instead, and we listen while
 *   admin access is open (`start`/`stop`), with the command-line tools D-Bus and GLib ship:
 *   - session bus, `dbus-monitor`: a screen saver's `ActiveChanged(true)`, under the freedesktop name
 *     (KDE, Xfce and others), GNOME's, Cinnamon's and MATE's. One process hears all four; it may
 *     become a monitor of the person's own session bus, and never starts a screen saver by asking.
 *     The sender is not checked: a signal from something else can only make us forget early.
 *   - system bus, `gdbus monitor --dest org.freedesktop.login1`: logind's `Lock` for this session
 *     (`loginctl lock-session`, which lockers such as swayidle's act on) and its `LockedHint` turning
 *     true (set by GNOME and KDE once locked). dbus-monitor cannot do this part: on the system bus an
 *     ordinary user may neither become a monitor nor eavesdrop, while gdbus subscribes as any client
 *     does, to logind's own signals. The session is ours from XDG_SESSION_ID; without it, any
 *     session's lock counts.
 *   Why these tools rather than a D-Bus client from npm: they come with D-Bus and GLib on every
 *   desktop, need no native module and nothing to bundle, and their text for a signal has stayed the
 *   same for years; the one npm client that fits (dbus-next) has had no release since 2021.
 *   And a fallback for what those miss (a locker that says nothing on D-Bus, such as i3lock, or the
 *   tools missing): Electron's idle state, polled every 30 s while admin access is open. 'locked'
 *   (where Chromium can tell) is a lock; no keyboard or mouse input for {@link AWAY_AFTER_S} (5
 *   minutes, the usual time after which a desktop locks) is 'away'.
 * Where none of these works, the admin session's own 15-minute idle limit still ends it.
 */
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { PowerMonitor } from 'electron';
import type { Log } from '../core/log';

/** No input for this long (seconds) counts as away on Linux, in case a lock went unseen. */
export const AWAY_AFTER_S = 5 * 60;
/** How often the idle state is asked for on Linux (a cheap local query). */
export const IDLE_POLL_MS = 30_000;

export type LockReason = 'screen-locked' | 'away';

export interface ScreenLockDeps {
  platform: NodeJS.Platform;
  /** Electron's powerMonitor: the two things asked of it. */
  powerMonitor: {
    on(event: 'lock-screen', listener: () => void): unknown;
    getSystemIdleState: PowerMonitor['getSystemIdleState'];
  };
  /** For the buses' addresses (DBUS_SESSION_BUS_ADDRESS, DBUS_SYSTEM_BUS_ADDRESS) and XDG_SESSION_ID. */
  env: NodeJS.ProcessEnv;
  log: Log;
  /** The screen locked, or the person is away: `how` names the signal, for the log. */
  onLocked(reason: LockReason, how: string): void;
  /** The programs, `dbus-monitor` and `gdbus` on the PATH by default. */
  dbusMonitor?: string;
  gdbus?: string;
  spawn?: typeof nodeSpawn;
}

export interface ScreenLockWatch {
  /** Starts the Linux watches (safe to call when running). */
  start(): void;
  /** Stops them (safe to call at any time). */
  stop(): void;
}

const SCREEN_SAVERS = [
  'org.freedesktop.ScreenSaver',
  'org.gnome.ScreenSaver',
  'org.cinnamon.ScreenSaver',
  'org.mate.ScreenSaver',
];
const LOGIN_SESSION = 'org.freedesktop.login1.Session';

/** A logind session's object path, escaped as systemd does (a leading digit and non-letters as _xx). */
export function sessionObjectPath(id: string): string {
  const escaped = [...id]
    .map((c, i) =>
      /[A-Za-z]/.test(c) || (i > 0 && /[0-9]/.test(c))
        ? c
        : `_${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
    )
    .join('');
  return `/org/freedesktop/login1/session/${escaped}`;
}

/**
 * Reads a line of `gdbus monitor` on logind ("<path>: <interface>.<member> <arguments as GVariant
 * text>") and names the lock it says, if any.
 */
export function loginSignal(line: string): string | null {
  const signal = /^(\/\S*): ([\w.]+)\.(\w+) (.*)$/.exec(line);
  if (!signal) return null;
  const [, path = '', iface, member, args = ''] = signal;
  if (!path.startsWith('/org/freedesktop/login1/session/')) return null;
  if (iface === LOGIN_SESSION && member === 'Lock') return `${LOGIN_SESSION}.Lock`;
  if (
    iface === 'org.freedesktop.DBus.Properties' &&
    member === 'PropertiesChanged' &&
    args.startsWith(`('${LOGIN_SESSION}', {`) &&
    /'LockedHint': <true>/.test(args)
  )
    return `${LOGIN_SESSION}.LockedHint=true`;
  return null;
}

/**
 * Reads dbus-monitor's text line by line and names a screen saver turning on, as soon as its line
 * comes: a header line starts each message ("signal … path=…; interface=…; member=…"), its
 * arguments follow, one an indented line (ActiveChanged has one: "   boolean true").
 */
export function screenSaverReader(): (line: string) => string | null {
  let screenSaver: string | null = null;
  return (line) => {
    if (/^\S/.test(line)) {
      const name = /^signal .*\binterface=([^;\s]+); member=ActiveChanged$/.exec(line)?.[1];
      screenSaver = name && SCREEN_SAVERS.includes(name) ? name : null;
      return null;
    }
    const name = screenSaver;
    screenSaver = null;
    return name && /^\s+boolean true\s*$/.test(line) ? `${name}.ActiveChanged(true)` : null;
  };
}

export function watchScreenLock(deps: ScreenLockDeps): ScreenLockWatch {
  const spawn = deps.spawn ?? nodeSpawn;
  deps.powerMonitor.on('lock-screen', () => deps.onLocked('screen-locked', 'lock-screen'));

  let listeners: ChildProcess[] = [];
  const stopped = new WeakSet<ChildProcess>();
  let poll: ReturnType<typeof setInterval> | null = null;

  /** Runs a listening tool; each line it prints goes through `read`, and a lock it names is said. */
  function listen(
    what: string,
    command: string,
    args: string[],
    read: (line: string) => string | null,
  ): ChildProcess | null {
    let child: ChildProcess;
    try {
      child = spawn(command, args, { env: deps.env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      deps.log.error('screen lock: a listener could not run', { what, error: (err as Error).message });
      return null;
    }
    child.on('error', (err: NodeJS.ErrnoException) =>
      deps.log.error('screen lock: a listener could not run', { what, error: err.code ?? err.message }),
    );
    let complaint = '';
    child.stderr?.on('data', (d: Buffer) => (complaint = (complaint + d.toString()).slice(-300)));
    child.on('exit', (code) => {
      // No such bus (no system bus in a container, say): what is left still works.
      if (!stopped.has(child))
        deps.log.info('screen lock: a listener ended', { what, code, said: complaint.trim() });
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const how = read(line);
      if (how) deps.onLocked('screen-locked', how);
    });
    return child;
  }

  function listenToBuses(): ChildProcess[] {
    const sessionId = deps.env.XDG_SESSION_ID;
    const screenSavers = listen(
      'screen savers (session bus)',
      deps.dbusMonitor ?? 'dbus-monitor',
      [
        '--session',
        ...SCREEN_SAVERS.map((name) => `type='signal',interface='${name}',member='ActiveChanged'`),
      ],
      screenSaverReader(),
    );
    const logind = listen(
      'logind (system bus)',
      deps.gdbus ?? 'gdbus',
      [
        'monitor',
        '--system',
        '--dest',
        'org.freedesktop.login1',
        ...(sessionId ? ['--object-path', sessionObjectPath(sessionId)] : []),
      ],
      loginSignal,
    );
    return [screenSavers, logind].filter((c): c is ChildProcess => c !== null);
  }

  function checkIdle() {
    const state = deps.powerMonitor.getSystemIdleState(AWAY_AFTER_S);
    if (state === 'locked') deps.onLocked('screen-locked', 'idle state: locked');
    else if (state === 'idle') deps.onLocked('away', `idle state: no input for ${AWAY_AFTER_S / 60} minutes`);
  }

  return {
    start() {
      if (deps.platform !== 'linux' || poll) return;
      poll = setInterval(checkIdle, IDLE_POLL_MS);
      listeners = listenToBuses();
    },
    stop() {
      if (poll) clearInterval(poll);
      poll = null;
      for (const child of listeners) {
        stopped.add(child);
        child.kill();
      }
      listeners = [];
    },
  };
}
