import { z } from 'zod';

/** Path parameter schemas and the list envelope, shared by the route files. */
export const idParam = z.object({ id: z.string().min(1).max(100) });

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}

export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item) }).meta({ id });
}
