import { AppError } from '@rapport/core/errors';

export interface PasswordOptions {
  password?: string;
  passwordStdin?: boolean;
}

/** The password from --password-stdin, --password or RAPPORT_PASSWORD, in that order. Never printed. */
export async function readPassword(options: PasswordOptions, stdin: NodeJS.ReadStream = process.stdin) {
  if (options.passwordStdin) {
    if (stdin.isTTY) {
      throw new AppError(
        'validation_failed',
        '--password-stdin reads the password from a pipe, e.g. printf %s "$PASSWORD" | rapport user create … --password-stdin.',
        [{ path: '--password-stdin', message: 'standard input is a terminal' }],
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
    // One trailing newline is the pipe's, not the password's (echo adds it).
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const password = options.password ?? process.env.RAPPORT_PASSWORD;
  if (password === undefined || password === '') {
    throw new AppError(
      'validation_failed',
      'Give the password with --password-stdin (recommended), the RAPPORT_PASSWORD environment variable, or --password.',
      [{ path: 'password', message: 'required' }],
    );
  }
  return password;
}
