import { z } from 'zod';
import { isoDateTime } from '../shared/fields.ts';

export const VIEW_KINDS = ['people', 'companies'] as const;
export const VIEW_VISIBILITIES = ['private', 'shared'] as const;

const kind = z.enum(VIEW_KINDS).describe('The list the view belongs to.');
const name = z.string().trim().min(1).max(100);
const visibility = z
  .enum(VIEW_VISIBILITIES)
  .describe('private: only the user who saved it sees it; shared: the whole workspace sees it.');
const position = z.number().int().min(0).max(10_000).describe('Order among the views of the list.');
const filters = z
  .record(z.string(), z.unknown())
  .describe(
    'What the view applies to its list: the query parameters of GET /people or GET /companies ' +
      '(q, relationshipType, ownerId, tag, companyId, level, industry, custom, sort, …) without ' +
      'cursor and limit, with custom as an object ({"segment": "pharma"}). Checked exactly as ' +
      'the list checks them; stored as the list parsed them.',
  );

export const savedViewCreate = z
  .strictObject({
    kind,
    name,
    filters: filters.default({}),
    visibility: visibility.default('private'),
    position: position.optional().describe('Default: after the last view of the list.'),
  })
  .meta({ id: 'SavedViewCreate' });

export const savedViewUpdate = z.strictObject({ name, filters, visibility, position }).partial().meta({
  id: 'SavedViewUpdate',
  description: 'Fields to change; `filters` replace the stored filters whole.',
});

export const savedView = z
  .object({
    id: z.string(),
    kind,
    name: z.string(),
    filters: z.record(z.string(), z.unknown()),
    visibility,
    position: z.number().int(),
    ownerId: z.string().describe('The user who saved the view; they (or an admin) may change it.'),
    ownerName: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'SavedView' });

export const savedViewsQuery = z
  .strictObject({ kind: kind.optional().describe('Only the views of this list.') })
  .meta({ id: 'SavedViewsQuery' });

export type SavedViewKind = (typeof VIEW_KINDS)[number];
export type SavedViewCreate = z.input<typeof savedViewCreate>;
export type SavedViewUpdate = z.input<typeof savedViewUpdate>;
export type SavedView = z.infer<typeof savedView>;
export type SavedViewsQuery = z.input<typeof savedViewsQuery>;
