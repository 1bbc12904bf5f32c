import { z } from 'zod';

export const ENTITIES = ['person', 'company'] as const;
export const FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'select', 'multi_select'] as const;

const options = z.array(z.string().trim().min(1).max(100)).max(200);

export const customFieldCreate = z
  .strictObject({
    entity: z.enum(ENTITIES),
    key: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,62}$/,
        'use lowercase letters, digits and _; start with a letter (e.g. "industry")',
      ),
    label: z.string().trim().min(1).max(100),
    type: z.enum(FIELD_TYPES),
    options: options.default([]),
    required: z.boolean().default(false),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .superRefine((value, ctx) => {
    const selects = value.type === 'select' || value.type === 'multi_select';
    if (selects && value.options.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a ${value.type} field needs at least one option`,
      });
    }
    if (!selects && value.options.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `only select and multi_select fields take options`,
      });
    }
    if (new Set(value.options).size !== value.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must be unique' });
    }
  })
  .meta({ id: 'CustomFieldCreate' });

export const customFieldUpdate = z
  .strictObject({
    label: z.string().trim().min(1).max(100),
    options,
    required: z.boolean(),
    position: z.number().int().min(0).max(10_000),
  })
  .partial()
  .meta({ id: 'CustomFieldUpdate' });

export const customField = z
  .object({
    id: z.string(),
    entity: z.enum(ENTITIES),
    key: z.string(),
    label: z.string(),
    type: z.enum(FIELD_TYPES),
    options: z.array(z.string()),
    required: z.boolean(),
    position: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CustomField' });

export type CustomFieldCreate = z.input<typeof customFieldCreate>;
export type CustomFieldUpdate = z.infer<typeof customFieldUpdate>;
export type CustomField = z.infer<typeof customField>;
export type CustomFieldEntity = (typeof ENTITIES)[number];
