import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type ImportKind = Schemas['ImportRun']['kind'];
export type ImportRun = Schemas['ImportRun'];
export type ImportPreview = Schemas['ImportPreview'];
/** CSV header → field key, or null to skip the column. */
export type Mapping = Record<string, string | null>;

export const KINDS: { value: ImportKind; label: string }[] = [
  { value: 'people', label: 'People' },
  { value: 'companies', label: 'Companies' },
  { value: 'orders', label: 'Orders' },
  { value: 'interactions', label: 'Interactions' },
  { value: 'reviews', label: 'Reviews and mentions' },
];

type UploadBody = { file: string; mapping?: string };

/**
 * The upload as the multipart form the server reads. The body keeps the schema's field names
 * (checked); the file itself travels as a File, which the generated type calls a binary string.
 */
function upload(file: File, mapping?: Mapping) {
  const body: UploadBody = { file: file as unknown as string };
  if (mapping) body.mapping = JSON.stringify(mapping);
  const bodySerializer = (content: string | UploadBody) => {
    if (typeof content === 'string') return content;
    const form = new FormData();
    form.append('file', file, file.name);
    if (content.mapping) form.append('mapping', content.mapping);
    return form;
  };
  return { body, bodySerializer };
}

/** Columns, suggested mapping and first rows of a file, read as the given kind. */
export function usePreview(kind: ImportKind, file: File | null) {
  return useQuery({
    queryKey: ['import-preview', kind, file?.name, file?.size, file?.lastModified],
    enabled: file !== null,
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    queryFn: () =>
      call(
        api.POST('/api/v1/imports/{kind}/preview', {
          params: { path: { kind } },
          ...upload(file as File),
        }),
      ),
  });
}

export interface RunInput {
  kind: ImportKind;
  file: File;
  mapping: Mapping;
  dryRun: boolean;
}

/** A dry run or a real import; either lands in the recent imports list. */
export function useRunImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, mapping, dryRun }: RunInput) =>
      call(
        api.POST('/api/v1/imports/{kind}', {
          params: { path: { kind }, query: { dryRun: dryRun ? 'true' : 'false' } },
          ...upload(file, mapping),
        }),
      ),
    onSuccess: async (run) => {
      await client.invalidateQueries({ queryKey: ['imports'] });
      if (!run.dryRun) await client.invalidateQueries({ queryKey: [run.kind] });
    },
  });
}

export function useImports() {
  return useQuery({
    queryKey: ['imports'],
    queryFn: () => call(api.GET('/api/v1/imports')),
  });
}

/** Where the rejected rows of a run download as CSV (same origin, the session cookie). */
export const errorCsvHref = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/errors.csv`;
