import { ConfigValidationError, type Env, parseEnv } from './env.js';

/** Start-up guard for the processes: a bad variable ends the process with a message naming it, not a stack trace. */
export function parseEnvOrExit(processName: string): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(`Tilskud ${processName} cannot start. ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
}
