import { AppError } from '@rapport/core';
import { DataDirInUseError } from '@rapport/db';

/** Prints what went wrong (and where) to stderr; the caller exits non-zero. */
export function report(error: unknown): void {
  if (error instanceof AppError) {
    process.stderr.write(`error: ${error.message}\n`);
    for (const detail of error.details.slice(0, 20))
      process.stderr.write(`  ${detail.path}: ${detail.message}\n`);
    if (error.details.length > 20) process.stderr.write(`  … and ${error.details.length - 20} more\n`);
    return;
  }
  if (error instanceof DataDirInUseError) {
    process.stderr.write(`error: ${error.message}\n`);
    return;
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return;
  }
  if (code === 'ECONNREFUSED' || code === '28P01' || code === '3D000') {
    process.stderr.write(`error: cannot use the database: ${(error as Error).message}\n`);
    return;
  }
  process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
}

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}
