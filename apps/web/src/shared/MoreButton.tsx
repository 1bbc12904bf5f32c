import { Button, Group } from '@mantine/core';

/** "More" (or `label`) under a list read a page at a time, while there is more. */
export function MoreButton({
  list,
  label = 'More',
  size,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
  size?: 'xs' | 'sm';
}) {
  if (!list.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button
        variant="default"
        size={size}
        onClick={() => list.fetchNextPage()}
        loading={list.isFetchingNextPage}
      >
        {label}
      </Button>
    </Group>
  );
}
