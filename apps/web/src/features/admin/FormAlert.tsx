import { Alert } from '@mantine/core';
import { fieldErrors } from '../../api/client';

/** The server's message when none of its field paths belongs to a field of the form. */
export function FormAlert({ error, fields }: { error: Error | null; fields: string[] }) {
  if (!error) return null;
  const paths = Object.keys(fieldErrors(error));
  if (paths.some((path) => fields.some((field) => path === field || path.startsWith(`${field}.`))))
    return null;
  return (
    <Alert color="red" role="alert">
      {error.message}
    </Alert>
  );
}
