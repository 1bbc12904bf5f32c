import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value on a record's page: the name small and dimmed, the value below it. */
export function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
