import type { z } from 'zod';
import { fromZod } from './errors.ts';

/** Parses input with a zod schema; a failure becomes a validation_failed AppError with field paths. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, prefix?: string): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZod(result.error, prefix);
  return result.data;
}
