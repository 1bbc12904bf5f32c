import { ApiError } from '../../api/client';

/** Where an API error belongs on the wizard's controls. */
export interface PlacedErrors {
  /** About the file itself (empty, not UTF-8, bad header, too large, not CSV). */
  file?: string;
  /** About the mapping as a whole (a required field without a column). */
  mapping?: string;
  /** About one column's mapping, by CSV header. */
  columns: Record<string, string>;
  /** Anything else (no permission, the server is down). */
  other?: string;
}

/** `mapping."E-mail"` → `E-mail`; null for any other path. */
function headerOf(path: string): string | null {
  if (!path.startsWith('mapping.')) return null;
  try {
    const header = JSON.parse(path.slice('mapping.'.length));
    return typeof header === 'string' ? header : null;
  } catch {
    return null;
  }
}

const isFilePath = (path: string) => path === 'file' || path === 'Content-Type' || /^line \d+$/.test(path);

/** Sorts an error's details by the control they name, so each message shows beside it. */
export function placeErrors(error: unknown): PlacedErrors {
  const placed: PlacedErrors = { columns: {} };
  if (!error) return placed;
  if (!(error instanceof ApiError)) {
    placed.other = error instanceof Error ? error.message : String(error);
    return placed;
  }
  const mapping: string[] = [];
  for (const detail of error.details) {
    const header = headerOf(detail.path);
    if (header !== null) placed.columns[header] = detail.message;
    else if (detail.path === 'mapping') mapping.push(detail.message);
    else if (isFilePath(detail.path)) placed.file = error.message;
  }
  if (mapping.length > 0) placed.mapping = mapping.join('; ');
  const placedAny = placed.file || placed.mapping || Object.keys(placed.columns).length > 0;
  if (!placedAny) placed.other = error.message;
  return placed;
}
