// The par-survey command. Errors print a message a person can act on.
import { CommanderError } from 'commander';
import { reportCliError } from './cli/context.js';
import { buildProgram } from './cli/program.js';
import { useVietnameseValidation } from './cli/zod-vi.js';

useVietnameseValidation();
try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = error instanceof CommanderError ? error.exitCode : reportCliError(error);
  // A command that failed half-way (a server that could not listen) may leave
  // timers or sockets behind; the process must still end with its error code.
  setTimeout(() => process.exit(), 3000).unref();
}
