// Owns the core's typed error: handlers throw AppError with a Chinese message; the dispatcher turns it into an envelope.
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
