import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const EXTENSION_DIR = resolve('.output/firefox-mv2');
/** Where .ci/run unpacks Firefox builds that are not the system's (`.cache/firefox-esr-140/`). */
export const EXTRA_FIREFOX_DIR = resolve('.cache');
const SYSTEM_FIREFOX = '/usr/bin/firefox-esr';

export interface InstalledFirefox {
  executablePath: string;
  version: string;
}

/**
 * The Firefox builds to test with: `FIREFOX_PATH` or the system's firefox-esr, and every build
 * unpacked under `.cache/firefox-esr-*` (a Debian package extracted with `dpkg -x`). One per
 * version, newest first.
 */
export function installedFirefoxes(): InstalledFirefox[] {
  const candidates = [process.env.FIREFOX_PATH ?? SYSTEM_FIREFOX];
  if (existsSync(EXTRA_FIREFOX_DIR)) {
    for (const name of readdirSync(EXTRA_FIREFOX_DIR).filter((entry) => entry.startsWith('firefox-esr-'))) {
      candidates.push(join(EXTRA_FIREFOX_DIR, name, 'usr/lib/firefox-esr/firefox-esr'));
    }
  }
  const byVersion = new Map<string, InstalledFirefox>();
  for (const executablePath of candidates.filter((path) => existsSync(path))) {
    const version = firefoxVersion(executablePath);
    if (!byVersion.has(version)) byVersion.set(version, { executablePath, version });
  }
  return [...byVersion.values()].sort((a, b) => compareVersions(b.version, a.version));
}

export const NO_FIREFOX_MESSAGE =
  `No Firefox to test with: install it (apt-get install firefox-esr) or set FIREFOX_PATH. ` +
  `.ci/run also unpacks ESR 140 into .cache/firefox-esr-140/.`;

function firefoxVersion(executablePath: string): string {
  // application.ini sits next to the binary; reading it is instant, `--version` starts Firefox.
  const ini = join(dirname(realpathSync(executablePath)), 'application.ini');
  const fromIni = existsSync(ini) ? /^Version=(.+)$/m.exec(readFileSync(ini, 'utf8'))?.[1] : undefined;
  if (fromIni) return fromIni.trim();
  const output = execFileSync(executablePath, ['--version'], { encoding: 'utf8' });
  return /(\d+(\.\d+)+)/.exec(output)?.[1] ?? output.trim();
}

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((version) => version.split('.').map(Number));
  for (let i = 0; i < Math.max(pa!.length, pb!.length); i++) {
    const difference = (pa![i] ?? 0) - (pb![i] ?? 0);
    if (difference) return difference;
  }
  return 0;
}

export interface RunningFirefox {
  browser: Browser;
  /** Port of Firefox's own remote debugging protocol (see rdp-client.ts). */
  debuggerPort: number;
  close(): Promise<void>;
}

/**
 * Headless Firefox driven over WebDriver BiDi, in a fresh temporary profile, with its debugger
 * server listening too. Every host name resolves to `resolveAllHostsTo`; self-signed certificates
 * are accepted. `close()` always ends the process and deletes the profile.
 */
export async function launchFirefox(
  firefox: InstalledFirefox,
  { resolveAllHostsTo }: { resolveAllHostsTo: string },
): Promise<RunningFirefox> {
  const profile = mkdtempSync(join(tmpdir(), 'paperpulse-firefox-'));
  const debuggerPort = await freePort();
  let browser: Browser | undefined;
  const close = async () => {
    const firefoxProcess = browser?.process();
    // A Firefox that stopped answering cannot close itself: give it a moment, then kill it.
    await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]).catch(
      () => undefined,
    );
    if (firefoxProcess && firefoxProcess.exitCode === null && firefoxProcess.signalCode === null) {
      firefoxProcess.kill('SIGKILL');
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefox.executablePath,
      headless: true,
      userDataDir: profile,
      acceptInsecureCerts: true,
      timeout: 30_000,
      protocolTimeout: 30_000,
      args: ['--start-debugger-server', String(debuggerPort)],
      extraPrefsFirefox: {
        'devtools.debugger.remote-enabled': true,
        'devtools.chrome.enabled': true,
        'devtools.debugger.prompt-connection': false,
        'network.dns.forceResolve': resolveAllHostsTo,
      },
    });
    return { browser, debuggerPort, close };
  } catch (error) {
    await close();
    throw new Error(`Firefox ${firefox.version} (${firefox.executablePath}) did not start`, { cause: error });
  }
}

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
