// Owns the one entry point both transports call: validate the input against the contract, run the handler, never throw across.
import { chineseMessages } from '../kernel/zodMessages';
import { api, isMethodName, type ApiErrorBody, type Envelope } from '../../../shared/api';
import { AppError } from '../kernel/errors';
import { storageError } from '../kernel/storage';
import type { Handlers } from '../kernel/handlers';

export type Dispatch = (name: string, input: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: Handlers, log: (err: unknown) => void = console.error): Dispatch {
  return async (name, input) => {
    if (!isMethodName(name)) {
      return fail({ code: 'unknown-method', message: `未知的操作：${String(name).slice(0, 80)}` });
    }
    const parsed = api[name].input.safeParse(input, chineseMessages);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? first.path.join('.') : '(input)';
      // The call and the field are for the log; the user reads what was wrong in their words, never `expert.save`.
      log(`invalid input for ${name} at ${where}: ${first?.message ?? ''}`);
      // The field's path travels beside the message, so a form can show the message at its field.
      const message = `请求参数有误：${first?.message ?? '格式不对'}。请检查填写的内容后重试。`;
      return fail({
        code: 'invalid-input',
        message,
        problems: [{ code: 'invalid-input', message: first?.message ?? '格式不对', path: where }],
      });
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      return fail(toErrorBody(err, log));
    }
  };
}

function fail(error: ApiErrorBody): Envelope<never> {
  return { ok: false, error };
}

export function toErrorBody(err: unknown, log: (err: unknown) => void): ApiErrorBody {
  // Every domain's error extends AppError with its code and Chinese message; anything else is a bug, logged, never shown.
  if (err instanceof AppError) return { code: err.code, message: err.message, problems: err.problems };
  log(err);
  // A full or read-only disk, from any writer (a save, an export): what to do, not "internal" or the raw EACCES line.
  const disk = storageError(err, '本次操作');
  if (disk) return { code: disk.code, message: disk.message };
  return { code: 'internal', message: '操作失败：程序内部错误。请重试；如果问题持续，请把日志发给技术支持。' };
}
