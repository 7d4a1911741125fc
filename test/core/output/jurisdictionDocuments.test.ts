// Every built-in template, filled for a session of each of the five districts (the Wulong sample re-issued under each,
// reviews completed), cites only that district's regulation: no other district's 办法 appears in the document's text —
// neither in the resolved document model that both renderers lay out nor in the rendered DOCX — and its own does. The
// profile in force (id, version, fingerprint) is recorded with every review and every generated document.
import mammoth from 'mammoth';
import { openCore } from '../../../electron/core/app';
import { loadProfile, profileInForce } from '../../../electron/core/precheck/profiles';
import { reviewProfile } from '../../../electron/core/store/profilesInForce';
import type { GeneratedDocument, OutputResult } from '../../../shared/output';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/core/output/docx/render';
import { fillFor } from '../../../electron/core/output/generate';
import type { RenderDoc } from '../../../electron/core/output/model';
import { builtinTemplateIds, loadBuiltinTemplates } from '../../../electron/core/output/template/builtins';
import { quietHost } from '../../helpers/core';
import { districts, regulations, type District } from '../../helpers/regulations';
import { ok, sampleSession, type SampleSession } from '../sampleSession';

const fixedNow = new Date('2027-03-18T09:00:00+08:00');

/** Every text of a document model, in block order. */
function modelText(doc: RenderDoc): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(doc.blocks);
  return out.join('\n');
}

const others = (own: District) => districts.filter((d) => d !== own).map((d) => regulations[d].citeAs);

describe.each(districts)('documents of a %s session', (district) => {
  let sample: SampleSession;
  const docs = new Map<string, { model: string; docx: string }>();

  beforeAll(async () => {
    sample = await sampleSession({ now: () => fixedNow, jurisdiction: district });
    const deps = { db: sample.store.db, now: () => fixedNow };
    for (const template of loadBuiltinTemplates()) {
      const doc = fillFor(deps, template, sample.sessionId, template.kind === 'session' ? null : sample.projectIds[0]!);
      const docx = (await mammoth.extractRawText({ buffer: await renderDocx(doc) })).value;
      docs.set(template.id, { model: modelText(doc), docx });
    }
  }, 120_000);
  afterAll(() => sample?.close());

  it.each([...builtinTemplateIds])('%s names no other district’s regulation', (id) => {
    const { model, docx } = docs.get(id)!;
    expect(model.length).toBeGreaterThan(50);
    for (const name of others(district)) {
      expect(model.includes(name), `${id}: ${name}`).toBe(false);
      expect(docx.includes(name), `${id} (DOCX): ${name}`).toBe(false);
    }
  });

  it('the expert’s opinion cites the district’s own regulation', () => {
    expect(docs.get('expert-opinion')!.model).toContain(regulations[district].citeAs);
  });

  it('every review and every generated document records the profile in force', async () => {
    const inForce = profileInForce(loadProfile(district));
    for (const projectId of sample.projectIds) expect(reviewProfile(sample.store.db, sample.sessionId, projectId)).toEqual(inForce);
    // One writer per data folder: the sample's own store lets go before the app opens the folder (the last use of it).
    sample.close();
    const core = await openCore(quietHost(sample.dataDir), () => fixedNow);
    try {
      const made = await ok<OutputResult>(core, 'output.generate', {
        sessionId: sample.sessionId,
        projectId: sample.projectIds[0],
        templateId: 'expert-opinion',
        format: 'docx',
        destination: 'default',
      });
      expect(made.files.map((f) => f.profile)).toEqual([inForce]);
      expect((await ok<GeneratedDocument[]>(core, 'output.list', { sessionId: sample.sessionId })).map((d) => d.profile)).toEqual([
        inForce,
      ]);
    } finally {
      core.close();
    }
  });
});
