import { Badge, Group } from '@mantine/core';

export function Tags({ tags }: { tags: string[] }) {
  return (
    <Group gap={4}>
      {tags.map((t) => (
        <Badge key={t} size="sm" variant="light">
          {t}
        </Badge>
      ))}
    </Group>
  );
}
