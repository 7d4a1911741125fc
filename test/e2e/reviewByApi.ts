// Test helper for the signing e2e tests: completes a project's review through the running web app's API (setting up what the test is not about).
import type { ReviewView } from '../../shared/scoring';
import { completedReview } from '../core/sampleSession';
import { callApi } from './harness';

/** Saves the review `completedReview` builds (overall opinion 同意该项目建设。) and completes it (完成评审). */
export async function completeByApi(url: string, sessionId: string, projectId: string): Promise<void> {
  const key = { sessionId, projectId };
  const view = await callApi<ReviewView>(url, 'review.get', key);
  const review = completedReview(view, { overall: '同意该项目建设。' });
  await callApi(url, 'review.save', { ...key, review, baseVersion: view.version });
  await callApi(url, 'review.complete', key);
}
