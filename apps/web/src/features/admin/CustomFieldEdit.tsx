import { Checkbox, Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorFor, fieldErrors, type Schemas } from '../../api/client';
import { FormButtons } from '../../shared/RecordFields';
import { useUpdateCustomField } from './admin';
import { selects } from './CustomFieldCreate';
import { FormAlert } from './FormAlert';

type Field = Schemas['CustomField'];

/** Changes a field's label, options or requiredness (its key and type stay). */
export function CustomFieldEdit(props: {
  field: Field;
  opened: boolean;
  onClose: () => void;
  onExited: () => void;
}) {
  const { field, opened, onClose, onExited } = props;
  const [draft, setDraft] = useState({
    label: field.label,
    options: field.options,
    required: field.required,
  });
  const update = useUpdateCustomField();
  const errors = fieldErrors(update.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = selects(field.type) ? draft : { label: draft.label, required: draft.required };
    update.mutate({ id: field.id, body }, { onSuccess: onClose });
  };
  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={onExited} title={`Edit ${field.label}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <FormAlert error={update.error} fields={['label', 'options', 'required']} />
          <TextInput
            label="Label"
            data-autofocus
            value={draft.label}
            onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })}
            error={errors.label}
          />
          {selects(field.type) && (
            <TagsInput
              label="Options"
              value={draft.options}
              onChange={(options) => setDraft({ ...draft, options })}
              error={errorFor(errors, 'options')}
            />
          )}
          <Checkbox
            label="Required"
            checked={draft.required}
            onChange={(e) => setDraft({ ...draft, required: e.currentTarget.checked })}
          />
          <FormButtons onCancel={onClose} saving={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
