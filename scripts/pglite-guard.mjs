// Runs pglite-server (argv: its binary, then its arguments) and ends it when the process that
// started us goes away, however it went: lib/bootstrap/embedded.ts holds our stdin open, so a
// parent killed outright (SIGKILL, or tsx's relay ending a start script whose event loop was busy
// generating demo data) closes the pipe and the database stops instead of running on orphaned.
// pglite-server stops cleanly on SIGINT (it flushes and closes its data directory) and ignores
// SIGTERM, so every stop is a SIGINT, then SIGKILL after 15 s.
import { spawn } from 'node:child_process';

const [bin, ...args] = process.argv.slice(2);
const child = spawn(bin, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  child.kill('SIGINT');
  setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
}
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, stop);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
