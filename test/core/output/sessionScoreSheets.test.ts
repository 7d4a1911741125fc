// The session's score summary as PDF (评审会评分汇总表) and each project's own score sheet (项目评分表, XLSX and CSV) on
// an expert's machine: the summary lists every project with its rank and in-force total, recomputed here from the
// expert's own totals (one-member panel: the in-force total is the expert's total); a project's sheet holds that
// project alone.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedJobs } from '../../../electron/core/output/batch';
import { PROJECT_SHEET_TEMPLATE_ID, resolveTemplate, SHEET_TEMPLATE_ID } from '../../../electron/core/output/catalog';
import { fillFor, makeDocument } from '../../../electron/core/output/generate';
import { renderPdf } from '../../../electron/core/output/pdf/render';
import { loadBuiltinTemplates } from '../../../electron/core/output/template/builtins';
import { reviewContext, reviewView } from '../../../electron/core/scoring/view';
import type { SessionDetail } from '../../../shared/domain';
import { sampleSession, type SampleSession } from '../sampleSession';
import { readPdf } from './pdf/pdfText';
import { sessionOrThrow } from '../../../electron/core/context/session';

const fixedNow = new Date('2027-03-18T09:00:00+08:00');
const strip = (s: string) => s.replace(/\s+/g, '');

let sample: SampleSession;
let session: SessionDetail;
const deps = () => ({ db: sample.store.db, now: () => fixedNow });

beforeAll(async () => {
  // The first project is left unscored, so its total (0) ranks below the others.
  let first = true;
  const complete = () => {
    const scored = !first;
    first = false;
    return scored;
  };
  sample = await sampleSession({ now: () => fixedNow, complete });
  session = sessionOrThrow(sample.store.db, sample.sessionId);
}, 120_000);

afterAll(() => sample?.close());

/** Every cell's text of a workbook, sheet by sheet. */
async function workbookText(bytes: Uint8Array): Promise<{ sheets: string[]; text: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
  return { sheets: book.worksheets.map((w) => w.name), text: cells.join('\n') };
}

describe('评审会评分汇总表 (session-score-summary)', () => {
  it('lists every project with its rank and in-force total, in rank order', async () => {
    const template = loadBuiltinTemplates().find((t) => t.id === 'session-score-summary')!;
    const read = await readPdf(await renderPdf(fillFor(deps(), template, sample.sessionId, null)));
    const text = strip(read.pages.flatMap((p) => p.items.map((i) => i.str)).join(''));
    // Independently of the aggregation: a one-member panel's in-force total is the expert's own total.
    const totals = session.projects.map((p) => ({
      name: p.name,
      total: reviewView(reviewContext(sample.store.db, session, p.id)).totals.total,
    }));
    expect(new Set(totals.map((t) => t.total)).size, 'the sample gives at least two different totals').toBeGreaterThan(1);
    const expected = totals
      .map((t) => ({ ...t, rank: 1 + totals.filter((o) => o.total > t.total).length }))
      .sort((a, b) => a.rank - b.rank);
    let from = 0;
    for (const p of expected) {
      const at = text.indexOf(strip(`${p.rank}${p.name}`), from);
      expect(at, `${p.rank} ${p.name} after position ${from}`).toBeGreaterThanOrEqual(0);
      const totalAt = text.indexOf(p.total.toFixed(2), at);
      expect(totalAt, `${p.name} total ${p.total.toFixed(2)}`).toBeGreaterThan(at);
      from = at + 1;
    }
    expect(text).toContain(strip('本表为周建国的个人评分'));
  });
});

describe('项目评分表 (project-score-sheet)', () => {
  it('is planned once per project and format, the session sheet once per format', () => {
    const resolved = [resolveTemplate(sample.store.db, SHEET_TEMPLATE_ID), resolveTemplate(sample.store.db, PROJECT_SHEET_TEMPLATE_ID)];
    const jobs = plannedJobs(session, resolved, ['xlsx', 'csv', 'pdf']);
    expect(jobs.filter((j) => j.projectId === null)).toHaveLength(2);
    expect(
      jobs
        .filter((j) => j.projectId !== null)
        .map((j) => `${j.projectId}.${j.format}`)
        .sort(),
    ).toEqual(session.projects.flatMap((p) => [`${p.id}.xlsx`, `${p.id}.csv`]).sort());
  });

  it.each([0, 1])('holds only project %i in its XLSX and CSV', async (i) => {
    const project = session.projects[i];
    const others = session.projects.filter((p) => p.id !== project!.id).map((p) => p.name);
    const resolved = resolveTemplate(sample.store.db, PROJECT_SHEET_TEMPLATE_ID);
    const xlsx = await makeDocument(deps(), session, { resolved, projectId: project!.id, format: 'xlsx' });
    expect(xlsx.name).toBe(`项目评分表-${project!.name}.xlsx`);
    const own = await workbookText(xlsx.bytes);
    expect(own.sheets).toHaveLength(1);
    expect(own.text).toContain(project!.name);
    for (const name of others) expect(own.text).not.toContain(name);
    // The same project's sheet as in the session workbook, which holds every project.
    const whole = await workbookText(
      (
        await makeDocument(deps(), session, {
          resolved: resolveTemplate(sample.store.db, SHEET_TEMPLATE_ID),
          projectId: null,
          format: 'xlsx',
        })
      ).bytes,
    );
    expect(whole.sheets).toHaveLength(session.projects.length + 1);
    for (const name of others) expect(whole.text).toContain(name);

    const csv = Buffer.from((await makeDocument(deps(), session, { resolved, projectId: project!.id, format: 'csv' })).bytes).toString(
      'utf8',
    );
    expect(csv).toContain(project!.name);
    for (const name of others) expect(csv).not.toContain(name);
  });

  it('refuses a project sheet without a project', async () => {
    const resolved = resolveTemplate(sample.store.db, PROJECT_SHEET_TEMPLATE_ID);
    await expect(makeDocument(deps(), session, { resolved, projectId: null, format: 'xlsx' })).rejects.toThrow(/请先选择一个项目/);
  });
});
