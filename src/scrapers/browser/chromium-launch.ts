import type { Browser, BrowserServer } from 'playwright-core';

/** Flags every trawl Chromium runs with: headless, no sandbox (containers), no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // WebRTC could otherwise reach hosts over UDP, around the policy proxy.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
]);

/** How to start Chromium. */
export interface ChromiumLaunchOptions {
  executablePath: string;
  /** Appended to CHROMIUM_ARGS. */
  extraArgs: readonly string[];
  /** `http://127.0.0.1:port` of the policy proxy all traffic must go through, if any. */
  proxyServer?: string;
  launchTimeoutMs: number;
}

/** A running Chromium: the Playwright connection and the process behind it. */
export interface LaunchedChromium {
  browser: Browser;
  /** The main browser process; it leads its own process group. Undefined if Playwright did not expose it. */
  pid: number | undefined;
  /** Kills the whole process tree and waits for the main process to exit. Never throws. */
  kill(): Promise<void>;
}

/**
 * Launches one headless Chromium with a fresh temporary user-data-dir
 * (Playwright creates and removes it). The browser server is used so the
 * process id is known (crash tests, process accounting). Signal handling is
 * left to the entrypoint.
 */
export async function launchChromium(options: ChromiumLaunchOptions): Promise<LaunchedChromium> {
  // Loaded on the first launch: Playwright weighs ~85 MB of memory in a worker that never renders a page.
  const { chromium } = await import('playwright-core');
  const server = await chromium.launchServer({
    executablePath: options.executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...options.extraArgs],
    timeout: options.launchTimeoutMs,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    ...(options.proxyServer ? { proxy: { server: options.proxyServer } } : {}),
  });
  const pid = server.process().pid;
  try {
    const browser = await chromium.connect(server.wsEndpoint(), { timeout: options.launchTimeoutMs });
    return { browser, pid, kill: () => killServer(server, pid) };
  } catch (error) {
    await killServer(server, pid);
    throw error;
  }
}

async function killServer(server: BrowserServer, pid: number | undefined): Promise<void> {
  killGroup(pid);
  await server.kill().catch(() => undefined);
  killGroup(pid);
}

/** SIGKILLs the process group Playwright started Chromium in (zygote, renderers, utilities). */
function killGroup(pid: number | undefined): void {
  if (pid === undefined || process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
