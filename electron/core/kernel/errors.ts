// Owns the core's one error type: AppError carries the API code, the Chinese message the user reads and optional
// per-item problems. Every domain's own error extends it (PackageError, ProfileError, RubricError, SigningError, the
// stale-version errors of the store …), so the dispatcher turns any of them into an envelope without knowing the domain.
import type { ApiErrorBody, ApiErrorCode } from '../../../shared/api';

export class AppError extends Error {
  readonly code: ApiErrorCode;
  readonly problems?: ApiErrorBody['problems'];
  constructor(code: ApiErrorCode, message: string, problems?: ApiErrorBody['problems']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = problems;
  }
}
