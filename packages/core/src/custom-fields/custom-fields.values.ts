import type { CustomFieldRow } from './custom-fields.repo.ts';

type Checked = { value: unknown } | { error: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string) {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * One custom value against its definition. Strings that clearly mean the type are accepted
 * ("42", "true", "2024-05-01"), so that CSV imports and JSON clients both work.
 */
export function checkValue(def: Pick<CustomFieldRow, 'type' | 'options'>, raw: unknown): Checked {
  switch (def.type) {
    case 'text':
      if (typeof raw !== 'string') return { error: 'must be text' };
      if (raw.length > 2000) return { error: 'must be at most 2000 characters' };
      return { value: raw };
    case 'number': {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'must be a number' };
      return { value };
    }
    case 'date':
      if (typeof raw !== 'string' || !isRealDate(raw)) return { error: 'must be a date as YYYY-MM-DD' };
      return { value: raw };
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      if (['true', 'yes', '1'].includes(text)) return { value: true };
      if (['false', 'no', '0'].includes(text)) return { value: false };
      return { error: 'must be true or false' };
    }
    case 'select':
      if (typeof raw !== 'string' || !def.options.includes(raw)) {
        return { error: `must be one of: ${def.options.join(', ')}` };
      }
      return { value: raw };
    case 'multi_select': {
      const list =
        typeof raw === 'string'
          ? raw
              .split('|')
              .map((part) => part.trim())
              .filter(Boolean)
          : raw;
      if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
        return { error: 'must be a list of options' };
      }
      const unknown = list.filter((item) => !def.options.includes(item));
      if (unknown.length)
        return { error: `unknown option ${unknown.join(', ')}; use: ${def.options.join(', ')}` };
      return { value: [...new Set(list)] };
    }
  }
}
