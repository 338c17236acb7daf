/**
 * Real headless Chromium for tests (Debian's /usr/bin/chromium through playwright-core; its own
 * browser download cannot work here). Opens an HTML string as a file:// page and records what a
 * self-contained report must never do: console errors, uncaught exceptions, Content-Security-
 * Policy violations and requests for anything but the page itself. CI installs chromium
 * (.ci/run), so a missing browser fails the test rather than skipping it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** No sandbox (tests run as root in CI), and nothing that phones home on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenedPage {
  page: Page;
  url: string;
  /** Console messages of type error, and any console message about the CSP. */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** securitypolicyviolation events: "directive blocked-uri". */
  cspViolations: string[];
  /** Requests other than the page itself, about:blank and data: URLs; all are aborted. */
  foreignRequests: string[];
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/** Writes the HTML to a fresh temporary folder and opens it; close() removes both. */
export async function openHtml(
  browser: Browser,
  html: string,
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'exzt-browser-'));
  const file = path.join(folder, 'report.html');
  await writeFile(file, html);
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const opened = await watchPage(page, url);
  await page.goto(url, { waitUntil: 'load' });
  return {
    ...opened,
    close: async () => {
      await context.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function watchPage(page: Page, url: string): Promise<Omit<OpenedPage, 'close'>> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const foreignRequests: string[] = [];
  const allowed = (requested: string) =>
    requested === url || requested === 'about:blank' || requested.startsWith('data:');

  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('request', (request) => {
    if (!allowed(request.url())) foreignRequests.push(request.url());
  });
  await page.route('**', (route) =>
    allowed(route.request().url()) ? route.continue() : route.abort(),
  );
  // The listener is installed by the browser before the page's own script, outside its CSP.
  await page.exposeFunction('__exztCspViolation', (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __exztCspViolation(text: string): void })
        .__exztCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, url, consoleErrors, pageErrors, cspViolations, foreignRequests };
}
