import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { canWrite, useMe } from '../../session/session';
import { AnchorLink } from '../../shared/links';
import { DuplicateList } from './DuplicateList';
import type { Merged } from './duplicates';

/** Suggested duplicate people and companies: compare, merge or dismiss. */
export function DuplicatesPage() {
  const writable = canWrite(useMe().data);
  const [merged, setMerged] = useState<Merged | null>(null);
  return (
    <Stack>
      <Title order={1} size="h2">
        Duplicates
      </Title>
      <Text c="dimmed">Records that look like the same person or company.</Text>
      {merged && (
        <Alert color="green" role="status" title="Merged" withCloseButton onClose={() => setMerged(null)}>
          Everything now belongs to{' '}
          {merged.kind === 'people' ? (
            <AnchorLink to="/people/$personId" params={{ personId: merged.id }}>
              {merged.name}
            </AnchorLink>
          ) : (
            <AnchorLink to="/companies/$companyId" params={{ companyId: merged.id }}>
              {merged.name}
            </AnchorLink>
          )}
          .
        </Alert>
      )}
      <Tabs defaultValue="people" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="people">People</Tabs.Tab>
          <Tabs.Tab value="companies">Companies</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="people" pt="md">
          <DuplicateList kind="people" writable={writable} onMerged={setMerged} />
        </Tabs.Panel>
        <Tabs.Panel value="companies" pt="md">
          <DuplicateList kind="companies" writable={writable} onMerged={setMerged} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
