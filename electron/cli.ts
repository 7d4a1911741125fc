// Owns the `review-desk` command line's dispatch: one module per command under electron/cli/.
import { check } from './cli/check';
import { demo } from './cli/demo';
import { profile } from './cli/profile';
import { text } from './cli/text';
import { usageError } from './cli/usage';
import { verify } from './cli/verify';

type Command = (argv: string[], out: (line: string) => void) => Promise<number>;

const commands: Record<string, Command> = { check, demo, profile, text, verify };

export async function run(argv: string[], out: (line: string) => void): Promise<number> {
  const [name, ...rest] = argv;
  // Own keys only: `review-desk constructor` or `__proto__` must be a usage error, not Object.prototype's members.
  const command = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command || rest.includes('--help')) return usageError(out);
  return command(rest, out);
}
