import { z } from 'zod';
import { company } from '../companies/companies.schema.ts';
import { person } from '../people/people.schema.ts';

export const PERSON_REASONS = ['email', 'phone', 'name_and_company'] as const;
export const COMPANY_REASONS = ['name', 'domain_name'] as const;

export const personDuplicate = z
  .object({
    first: person,
    second: person,
    reasons: z
      .array(z.enum(PERSON_REASONS))
      .describe(
        'What they share: an email (ignoring case, +tags and Gmail dots), a phone, or a name at the same company.',
      ),
  })
  .meta({ id: 'PersonDuplicate' });

export const companyDuplicate = z
  .object({
    first: company,
    second: company,
    reasons: z
      .array(z.enum(COMPANY_REASONS))
      .describe(
        'What they share: a name (ignoring case, punctuation and legal form) or a domain name under another ending.',
      ),
  })
  .meta({ id: 'CompanyDuplicate' });

export const duplicatesQuery = z
  .strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) })
  .meta({ id: 'DuplicatesQuery' });

export const mergeInput = z
  .strictObject({
    survivorId: z.string().describe('The record that stays.'),
    mergedId: z
      .string()
      .describe('The record folded into it; it then answers with a pointer to the survivor.'),
  })
  .refine((value) => value.survivorId !== value.mergedId, {
    message: 'cannot merge a record into itself',
    path: ['mergedId'],
  })
  .meta({ id: 'MergeInput' });

export const dismissInput = z
  .strictObject({ firstId: z.string(), secondId: z.string() })
  .refine((value) => value.firstId !== value.secondId, {
    message: 'two different records',
    path: ['secondId'],
  })
  .meta({ id: 'DismissDuplicate' });

export type PersonDuplicate = z.infer<typeof personDuplicate>;
export type CompanyDuplicate = z.infer<typeof companyDuplicate>;
export type MergeInput = z.input<typeof mergeInput>;
export type DismissInput = z.input<typeof dismissInput>;
