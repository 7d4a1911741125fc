// Proves the CSP in a real Chromium (reliability item 5): a page served by the app:// handler, with its header, runs the
// bundle's own script but no injected inline script, inline handler, data: script, eval, or request off the origin.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveBundleFile } from '../../electron/main/bundleFiles';

vi.mock('electron', () => ({ protocol: {} }));

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// What a hostile document might smuggle into the page, next to the bundle's own script.
const INDEX = `<!doctype html><html><head><meta charset="utf-8"><script src="./app.js"></script></head><body>
<script>window.__inline = true;</script>
<img src="data:," onerror="window.__handler = true">
<script src="data:text/javascript,window.__dataScript=true"></script>
<div id="late"></div>
</body></html>`;
const APP_JS = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));
window.__self = true;
try { eval('window.__eval = true'); } catch { window.__evalBlocked = true; }
try { new Function('window.__function = true')(); } catch { window.__functionBlocked = true; }
window.__fetch = fetch('http://127.0.0.2:9/steal').then(() => 'sent', () => 'blocked');
window.addEventListener('DOMContentLoaded', () => {
  document.getElementById('late').innerHTML = '<img src="x" onerror="window.__injected = true">';
});
`;

describe.skipIf(!existsSync(chromiumPath))(`the CSP in Chromium (${chromiumPath})`, () => {
  let root: string;
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'rd-csp-'));
    writeFileSync(path.join(root, 'index.html'), INDEX);
    writeFileSync(path.join(root, 'app.js'), APP_JS);
    // Chromium cannot load app:// outside Electron: loopback HTTP carries the handler's exact responses instead.
    server = createServer(async (req, res) => {
      const response = await serveBundleFile(root, new Request(`app://bundle${req.url ?? '/'}`));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('runs the bundle’s script and nothing injected', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/index.html`, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    const seen = await page.evaluate(async () => {
      const w = globalThis as unknown as Record<string, unknown>; // the page's window (no DOM types in this project)
      return {
        self: w.__self,
        inline: w.__inline,
        handler: w.__handler,
        dataScript: w.__dataScript,
        injected: w.__injected,
        eval: w.__eval,
        evalBlocked: w.__evalBlocked,
        function: w.__function,
        functionBlocked: w.__functionBlocked,
        fetch: await (w.__fetch as Promise<string>),
        violations: w.__violations as string[],
      };
    });
    expect(seen).toMatchObject({
      self: true,
      inline: undefined,
      handler: undefined,
      dataScript: undefined,
      injected: undefined,
      eval: undefined,
      evalBlocked: true,
      function: undefined,
      functionBlocked: true,
      fetch: 'blocked',
    });
    expect(seen.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'connect-src']));
    await page.close();
  });
});
