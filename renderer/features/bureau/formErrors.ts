// Owns turning a zod failure of a bureau form into messages by field path ("experts.0.name"), to show beside each field.
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    out[key] ??= issue.message;
  }
  return out;
}

/** The id of a field's message, for aria-describedby. */
export const errorId = (form: string, path: string) => `${form}-${path.replace(/\./g, '-')}-error`;
