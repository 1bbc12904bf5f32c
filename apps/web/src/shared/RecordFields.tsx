import { Button, Group, Select, TagsInput } from '@mantine/core';
import { errorFor } from '../api/client';
import { RELATIONSHIP_TYPES } from '../api/enums';
import { useUsers } from '../features/users/users';
import { label } from './format';

type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface RecordDraft {
  relationshipType: RelationshipType;
  ownerId: string | null;
  tags: string[];
}

/** What people and companies share in their forms: relationship type, owner and tags. */
export function RecordFields<D extends RecordDraft>(props: {
  draft: D;
  set: (patch: Partial<RecordDraft>) => void;
  errors: Record<string, string>;
}) {
  const { draft, set, errors } = props;
  const users = useUsers();
  return (
    <>
      <Group grow>
        <Select
          label="Relationship"
          allowDeselect={false}
          data={RELATIONSHIP_TYPES.map((t) => ({ value: t, label: label(t) }))}
          value={draft.relationshipType}
          onChange={(value) => {
            const type = RELATIONSHIP_TYPES.find((t) => t === value);
            if (type) set({ relationshipType: type });
          }}
          error={errors.relationshipType}
        />
        <Select
          label="Owner"
          clearable
          searchable
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={draft.ownerId}
          onChange={(value) => set({ ownerId: value })}
          error={errors.ownerId}
        />
      </Group>
      <TagsInput
        label="Tags"
        value={draft.tags}
        onChange={(tags) => set({ tags })}
        error={errorFor(errors, 'tags')}
      />
    </>
  );
}

export function FormButtons({ onCancel, saving }: { onCancel: () => void; saving: boolean }) {
  return (
    <Group justify="end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={saving}>
        Save
      </Button>
    </Group>
  );
}
