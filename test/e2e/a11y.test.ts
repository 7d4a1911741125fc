// E2E: axe-core (the accessibility engine Lighthouse and the browsers' tools use) on every main screen of both sides,
// injected into the page: no serious or critical violation (unlabelled controls, contrast, ARIA misuse, focusable
// hidden elements …). The walk is test/e2e/screens.ts; each screen's finding names the rule and the elements.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './harness';
import { openWalk, walkScreens, type Walk } from './screens';

/** Evaluated through the debugging protocol rather than added as a <script>: the app's CSP (script-src 'self') refuses inline scripts, as it should. */
const axeSource = readFileSync(createRequire(__filename).resolve('axe-core'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's serious and critical violations on the page as it is, one line each with up to three elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  if ((await page.evaluate('typeof window.axe')) !== 'object') await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    "window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

describe.skipIf(!existsSync(chromiumPath))('accessibility of every main screen (axe-core)', () => {
  let walk: Walk;
  beforeAll(async () => {
    walk = await openWalk();
  }, 120_000);
  afterAll(async () => {
    await walk?.close();
  });

  it('finds no serious or critical violation on any screen of either side', async () => {
    const found: Record<string, string[]> = {};
    const unreachable = await walkScreens(walk, async (page, screen) => {
      const violations = await seriousViolations(page);
      if (violations.length) found[screen] = violations;
    });
    expect(found).toEqual({});
    expect(unreachable).toEqual([]);
  }, 600_000);
});
