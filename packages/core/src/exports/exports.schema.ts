import { z } from 'zod';
import { IMPORT_KINDS } from '../imports/imports.schema.ts';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;

export const exportQuery = z
  .strictObject({
    format: z
      .enum(EXPORT_FORMATS)
      .default('csv')
      .describe('csv: the import format (round-trips); jsonl: one API record per line.'),
  })
  .meta({ id: 'ExportQuery' });

export const exportKind = z.enum(IMPORT_KINDS);
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
