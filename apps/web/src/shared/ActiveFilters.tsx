import { Badge, Button, CloseButton, Group, Text } from '@mantine/core';
import { useCustomFields } from '../features/admin/admin';
import { useUserNames } from '../features/users/users';
import { useCompanyName } from './CompanyFilter';
import { customValueLabel } from './CustomFilter';
import type { ListKind } from './filters';
import { label } from './format';
import type { ListSearch } from './list';

/** Every filter in force, each with a way to remove it, and "Clear all" (the sort stays). */
export function ActiveFilters(props: {
  kind: ListKind;
  search: ListSearch;
  set: (patch: Partial<ListSearch>) => void;
}) {
  const { kind, search, set } = props;
  const names = useUserNames();
  const company = useCompanyName(kind === 'people' ? search.company : undefined);
  const defs = (useCustomFields().data ?? []).filter(
    (def) => def.entity === (kind === 'people' ? 'person' : 'company'),
  );
  const chips: { text: string; clear: Partial<ListSearch> }[] = [];
  const add = (name: string, value: string | undefined, clear: Partial<ListSearch>) => {
    if (value) chips.push({ text: `${name}: ${value}`, clear });
  };
  add('Search', search.q && `“${search.q}”`, { q: undefined });
  add('Relationship', search.type && label(search.type), { type: undefined });
  add('Owner', search.owner && (names.get(search.owner) ?? search.owner), { owner: undefined });
  add('Tag', search.tag, { tag: undefined });
  if (kind === 'people') {
    add('Company', search.company && (company.data ?? '…'), { company: undefined });
    add('Level', search.level && label(search.level), { level: undefined });
  } else {
    add('Industry', search.industry, { industry: undefined });
  }
  add('Health', search.health && label(search.health), { health: undefined });
  add('Churn risk', search.churn && label(search.churn), { churn: undefined });
  for (const [key, value] of Object.entries(search.custom ?? {})) {
    const def = defs.find((d) => d.key === key);
    const rest = Object.fromEntries(Object.entries(search.custom ?? {}).filter(([k]) => k !== key));
    add(def?.label ?? key, customValueLabel(def, value), {
      custom: Object.keys(rest).length ? rest : undefined,
    });
  }
  if (chips.length === 0) return null;
  const clearAll = Object.fromEntries(
    chips.flatMap((chip) => Object.keys(chip.clear)).map((key) => [key, undefined]),
  );
  return (
    <Group gap="xs" aria-label="Active filters" role="group">
      <Text size="sm" c="dimmed">
        Filtered by
      </Text>
      {chips.map((chip) => (
        <Badge
          key={chip.text}
          variant="light"
          size="lg"
          tt="none"
          rightSection={
            <CloseButton
              size="xs"
              aria-label={`Remove filter ${chip.text}`}
              onClick={() => set(chip.clear)}
            />
          }
        >
          {chip.text}
        </Badge>
      ))}
      <Button size="compact-sm" variant="subtle" onClick={() => set(clearAll)}>
        Clear all
      </Button>
    </Group>
  );
}
