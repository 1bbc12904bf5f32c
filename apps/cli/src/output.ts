// Only the light modules of core and db: this file loads with every command, even `--help`.
import { AppError } from '@rapport/core/errors';
import { DataDirInUseError } from '@rapport/db/lock';

const DATABASE_UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  '28P01', // wrong password
  '28000', // no pg_hba.conf entry, unknown role
  '3D000', // no such database
  '57P03', // the server is starting up or shutting down
]);

/** Prints what went wrong (and where) to stderr; the caller exits non-zero. */
export function report(error: unknown): void {
  if (error instanceof AppError) {
    process.stderr.write(`error: ${error.message}\n`);
    // A single detail is often the message itself ("email: must be …"): no need to say it twice.
    const details = error.details.filter((d) => !error.message.includes(`${d.path}: ${d.message}`));
    for (const detail of details.slice(0, 20)) process.stderr.write(`  ${detail.path}: ${detail.message}\n`);
    if (details.length > 20) process.stderr.write(`  … and ${details.length - 20} more\n`);
    return;
  }
  if (error instanceof DataDirInUseError) {
    process.stderr.write(`error: ${error.message}\n`);
    return;
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return;
  }
  if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL') {
    const { address, port } = error as { address?: string; port?: number };
    const where = port === undefined ? '' : ` ${address ?? ''}:${port}`;
    process.stderr.write(
      `error: cannot listen on${where} (${code === 'EADDRINUSE' ? 'address in use' : 'address not available'}); ` +
        'choose another --port or --host\n',
    );
    return;
  }
  if (code && DATABASE_UNREACHABLE.has(code)) {
    const message = (error as Error).message || (error as AggregateError).errors?.[0]?.message || code;
    process.stderr.write(`error: cannot use the database: ${message}\n`);
    return;
  }
  process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
}

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Messages for the person at the terminal that are not the command's result (stderr). */
export function note(line = ''): void {
  process.stderr.write(`${line}\n`);
}
