// The par-survey command. Errors print a message a person can act on.
import { CommanderError } from 'commander';
import { reportCliError } from './cli/context.js';
import { buildProgram } from './cli/program.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = error instanceof CommanderError ? error.exitCode : reportCliError(error);
}
