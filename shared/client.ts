// Owns the renderer-side typed client: turns a transport Bridge into `call(name, input)` that returns typed results or throws ApiError.
import type { ApiErrorBody, Bridge, EventName, EventPayload, Input, MethodName, Output } from './api';

export class ApiError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly problems: NonNullable<ApiErrorBody['problems']>;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.problems = body.problems ?? [];
  }
}

export interface Client {
  call<K extends MethodName>(name: K, input: Input<K>): Promise<Output<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(bridge: Bridge): Client {
  return {
    async call(name, input) {
      const envelope = await bridge.call(name, input);
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value as never;
    },
    on(event, listener) {
      return bridge.on((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}
