import { z } from 'zod';
import { IMPORT_KINDS } from '../imports/imports.schema.ts';
import { selectionInput } from '../shared/selection.ts';

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

export const exportSelection = selectionInput(
  z
    .record(z.string(), z.unknown())
    .describe("The list's filters: PeopleFilter for people, CompaniesFilter for companies."),
  {},
  'ExportSelection',
  'The people or companies to export: the ticked ids, or all that the list filters match.',
);
export type ExportSelection = z.input<typeof exportSelection>;
