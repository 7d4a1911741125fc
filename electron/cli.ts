// Owns the `review-desk` command line's dispatch: one module per command under electron/cli/.
import { check } from './cli/check';
import { demo } from './cli/demo';
import { usageError } from './cli/usage';
import { verify } from './cli/verify';

type Command = (argv: string[], out: (line: string) => void) => Promise<number>;

const commands: Record<string, Command> = { check, demo, verify };

export async function run(argv: string[], out: (line: string) => void): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command || rest.includes('--help')) return usageError(out);
  return command(rest, out);
}
