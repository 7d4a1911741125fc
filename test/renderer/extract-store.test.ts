// The extraction job as the renderer holds it (renderer/kernel/extract.ts) under Node with a fake client: while OCR moves
// from one scanned file to the next the revision goes up (the pre-check asks again for the file just recognised), and
// text-extraction progress alone does not bump it.
import { describe, expect, it, vi } from 'vitest';
import type { MethodName } from '../../shared/api';
import type { JobProgress } from '../../shared/domain';

type Call = (name: MethodName, input: unknown) => Promise<unknown>;
const fake = vi.hoisted(() => ({
  call: vi.fn<Call>(),
  listeners: [] as ((p: JobProgress) => void)[],
}));

vi.mock('../../renderer/api', async () => {
  const { ApiError } = await import('../../shared/client');
  return {
    client: {
      call: fake.call,
      on: (_event: string, fn: (p: JobProgress) => void) => {
        fake.listeners.push(fn);
        return () => undefined;
      },
    },
    ApiError,
  };
});
vi.stubGlobal('crypto', { randomUUID: () => 'job-1' });

describe('useExtract', () => {
  it('bumps the revision when recognition moves to the next file, not on text progress', async () => {
    const { useExtract } = await import('../../renderer/kernel/extract');
    let finish: (v: unknown) => void = () => undefined;
    fake.call.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const running = useExtract.getState().run('s1');
    const emit = (p: Omit<JobProgress, 'jobId'>) => fake.listeners.forEach((fn) => fn({ jobId: 'job-1', ...p }));
    const revisions: number[] = [];
    for (const p of [
      { phase: 'extract', done: 1, total: 2, current: 'a.pdf' },
      { phase: 'extract', done: 2, total: 2, current: 'b.pdf' },
      { phase: 'ocr', done: 1, total: 3, current: 'a.pdf' },
      { phase: 'ocr', done: 2, total: 3, current: 'a.pdf' },
      { phase: 'ocr', done: 3, total: 3, current: 'b.pdf' },
    ] as const) {
      emit(p);
      revisions.push(useExtract.getState().revision);
    }
    expect(revisions).toEqual([0, 0, 0, 0, 1]);
    finish({ extracted: 2, failed: 0 });
    await running;
    expect(useExtract.getState()).toMatchObject({ revision: 2, complete: true, jobId: null });
  });
});
