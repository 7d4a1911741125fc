// Owns calling the core in-process (the CLI demo, benches, tests): the dispatcher's envelope unwrapped, a refusal thrown as ApiError.
import type { Envelope } from '../../../shared/api';
import { ApiError } from '../../../shared/client';
import type { Dispatch } from './dispatch';

export async function callCore<T>(dispatch: Dispatch, name: string, input: unknown): Promise<T> {
  const res = (await dispatch(name, input)) as Envelope<T>;
  if (!res.ok) throw new ApiError(res.error);
  return res.value;
}
