import { Alert, Stack, Title } from '@mantine/core';
import { canWrite, useMe } from '../../session/session';
import { ImportWizard } from './ImportWizard';
import { RecentImports } from './RecentImports';

/** The import wizard (for those who may write) and the recent imports (for everyone). */
export function ImportPage() {
  const me = useMe();
  return (
    <Stack>
      <Title order={1} size="h2">
        Import
      </Title>
      {canWrite(me.data) ? (
        <ImportWizard />
      ) : (
        <Alert color="gray">Your role can see past imports but not import files.</Alert>
      )}
      <RecentImports />
    </Stack>
  );
}
