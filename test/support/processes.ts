import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The compiled apps, as `npm start` runs them (`npm test` builds first). */
export const API_MAIN = fileURLToPath(new URL('../../dist/apps/api/src/main.js', import.meta.url));
export const WORKER_MAIN = fileURLToPath(new URL('../../dist/apps/worker/src/main.js', import.meta.url));

export interface RunningProcess {
  child: ChildProcess;
  /** Everything it has printed so far. */
  output(): string;
  /** Signals it and resolves with its exit code once it has gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a compiled app with extra environment variables and resolves once it prints `ready`. */
export function startProcess(main: string, env: Record<string, string>, ready: string, timeoutMs = 20_000): Promise<RunningProcess> {
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running: RunningProcess = {
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => (child.kill('SIGKILL'), reject(new Error(`${main} did not print "${ready}" within ${timeoutMs} ms:\n${output}`))),
      timeoutMs,
    );
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve(running);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    void exited.then((code) => (clearTimeout(timer), reject(new Error(`${main} exited with ${code} before it was ready:\n${output}`))));
  });
}
