import { Button, Group } from '@mantine/core';

/** "More" under a list read a page at a time, while there is more. */
export function MoreButton({
  list,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  if (!list.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
        More
      </Button>
    </Group>
  );
}
