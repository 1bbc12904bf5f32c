import { z } from 'zod';
import { isoDateTime } from '../shared/fields.ts';

export const IMPORT_KINDS = ['people', 'companies', 'orders', 'interactions', 'reviews'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

/** How an import file is written: CSV, or JSON lines (one object per line, the CSV header's fields). */
export const IMPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const rowError = z.object({ line: z.number().int(), column: z.string(), message: z.string() });

export const importRun = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string().nullable(),
    dryRun: z.boolean(),
    totalRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    errors: z
      .array(rowError)
      .describe('Every rejected row: its line in the file, the column and the reason.'),
    mapping: z.record(z.string(), z.string().nullable()).describe('CSV header → field, as used.'),
    hasErrorCsv: z.boolean(),
    createdBy: z.string(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'ImportRun' });

export const importPreview = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    format: z.enum(IMPORT_FORMATS).describe('How the file was read.'),
    delimiter: z.string(),
    headers: z.array(z.string()),
    fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
    suggestedMapping: z.record(z.string(), z.string().nullable()),
    sample: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
    totalRows: z.number().int(),
  })
  .meta({ id: 'ImportPreview' });

export type ImportRun = z.infer<typeof importRun>;
export type ImportPreview = z.infer<typeof importPreview>;
