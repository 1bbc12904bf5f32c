import { Alert, Button, Card, FileInput, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ImportReport } from './ImportReport';
import { type ImportKind, KINDS, type Mapping, usePreview, useRunImport } from './imports';
import { MappingTable } from './MappingTable';
import { placeErrors } from './placeErrors';
import { SampleRows } from './SampleRows';

const fileKey = (kind: ImportKind, file: File | null) =>
  file ? [kind, file.name, file.size, file.lastModified].join('\u0000') : '';

/**
 * Kind and file → preview with the suggested mapping → dry run → import. What the user chose
 * (kind, file, mapping) stays as it is when the server refuses something; its message shows
 * beside the control it is about.
 */
export function ImportWizard() {
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const key = fileKey(kind, file);
  // The user's mapping belongs to one file read as one kind; another file starts from its suggestion.
  const [edited, setEdited] = useState<{ key: string; mapping: Mapping }>({ key: '', mapping: {} });
  const preview = usePreview(kind, file);
  const run = useRunImport();
  const suggested = preview.data?.suggestedMapping ?? {};
  const mapping: Mapping = { ...suggested, ...(edited.key === key ? edited.mapping : {}) };
  const setColumn = (header: string, field: string | null) => {
    run.reset();
    setEdited({ key, mapping: { ...(edited.key === key ? edited.mapping : {}), [header]: field } });
  };
  const start = (dryRun: boolean) => file && run.mutate({ kind, file, mapping, dryRun });
  const chooseKind = (value: string | null) => {
    if (!value) return;
    run.reset();
    setKind(value as ImportKind);
  };
  const chooseFile = (value: File | null) => {
    run.reset();
    setFile(value);
  };

  const previewErrors = placeErrors(preview.error);
  const runErrors = placeErrors(run.error);
  const fileError = previewErrors.file ?? runErrors.file;
  const other = previewErrors.other ?? runErrors.other;
  const ready = preview.data !== undefined && !preview.isFetching;
  const busy = run.isPending ? (run.variables?.dryRun ? 'dry' : 'real') : null;
  return (
    <Card withBorder component="section" aria-label="Import wizard">
      <Stack>
        <Group align="start" wrap="wrap">
          <Select
            label="What to import"
            allowDeselect={false}
            data={KINDS}
            value={kind}
            onChange={chooseKind}
            w={200}
          />
          <FileInput
            label="CSV or JSONL file"
            placeholder="Choose a .csv or .jsonl file"
            accept=".csv,.jsonl,.ndjson,text/csv,text/plain,application/x-ndjson"
            clearable
            value={file}
            onChange={chooseFile}
            error={fileError}
            w={360}
          />
          {preview.isFetching && <Loader size="sm" mt={30} aria-label="Reading the file" />}
        </Group>
        {!file && (
          <Text size="sm" c="dimmed">
            The first line of the file names the columns. UTF-8, comma, semicolon or tab separated. Or JSON
            lines: one object per line, with the columns as its keys.
          </Text>
        )}
        {other && (
          <Alert color="red" role="alert">
            {other}
          </Alert>
        )}
        {preview.data && file && (
          <>
            <MappingTable
              preview={preview.data}
              mapping={mapping}
              onChange={setColumn}
              columnErrors={runErrors.columns}
              mappingError={runErrors.mapping}
            />
            <SampleRows preview={preview.data} />
            <Group>
              <Button
                variant="default"
                onClick={() => start(true)}
                loading={busy === 'dry'}
                disabled={!ready || busy === 'real'}
              >
                Dry run
              </Button>
              <Button
                onClick={() => start(false)}
                loading={busy === 'real'}
                disabled={!ready || busy === 'dry'}
              >
                Import
              </Button>
              <Text size="sm" c="dimmed">
                A dry run checks every row and writes nothing.
              </Text>
            </Group>
          </>
        )}
        {run.data && <ImportReport run={run.data} />}
      </Stack>
    </Card>
  );
}
