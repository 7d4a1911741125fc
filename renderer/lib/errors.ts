// Owns turning anything thrown into the Chinese message a user sees (ApiError messages are already written for users).
import { ApiError } from '../api';
import { t } from '../locale/zh-CN';

export function userMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return t.errors.unexpected;
}
