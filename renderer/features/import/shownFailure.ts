// Owns what the import-error dialog says about a refused package: the headline, and the list of problems below it.
/**
 * The headline is the first problem's message; the list follows only when it adds something (a single problem that is
 * the headline would only repeat it). Each problem is its message alone: its `path` is for `review-desk check --json`
 * and the organiser's tools, never shown (the message names the file as the user knows it).
 */
export function shownFailure(failure: { message: string; problems: { message: string }[] }): { headline: string; problems: string[] } {
  const { message, problems } = failure;
  const repeatsHeadline = problems.length === 1 && problems[0]!.message === message;
  return { headline: message, problems: repeatsHeadline ? [] : problems.map((p) => p.message) };
}
