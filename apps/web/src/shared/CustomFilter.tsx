import { Button, MultiSelect, NumberInput, Popover, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Schemas } from '../api/client';
import { useCustomFields } from '../features/admin/admin';

type Definition = Schemas['CustomField'];

const YES_NO = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/** A custom filter's value as people read it: yes/no, a list of options. */
export function customValueLabel(def: Definition | undefined, value: string): string {
  if (def?.type === 'boolean') return value === 'true' ? 'Yes' : 'No';
  if (def?.type === 'multi_select') return value.split('|').join(', ');
  return value;
}

/** The value input that suits a field's type; the value is what the API takes (`true`, `a|b`). */
function ValueInput(props: { def: Definition; value: string; onChange: (value: string) => void }) {
  const { def, value, onChange } = props;
  const common = { label: def.label, comboboxProps: { withinPortal: false } };
  switch (def.type) {
    case 'select':
    case 'boolean':
      return (
        <Select
          {...common}
          data={def.type === 'boolean' ? YES_NO : def.options}
          value={value || null}
          onChange={(v) => onChange(v ?? '')}
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...common}
          description="Records with all of these"
          data={def.options}
          value={value ? value.split('|') : []}
          onChange={(v) => onChange(v.join('|'))}
        />
      );
    case 'number':
      return <NumberInput label={def.label} value={value} onChange={(v) => onChange(String(v))} />;
    default:
      return (
        <TextInput
          label={def.label}
          type={def.type === 'date' ? 'date' : 'text'}
          description={def.type === 'text' ? 'The whole value; case is ignored' : undefined}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

/** "Custom field filter": choose one of the workspace's fields for this list, then its value. */
export function CustomFilter(props: {
  entity: 'person' | 'company';
  onAdd: (key: string, value: string) => void;
}) {
  const defs = (useCustomFields().data ?? []).filter((def) => def.entity === props.entity);
  const [opened, setOpened] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const def = defs.find((d) => d.key === key);
  if (defs.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!def || value.trim() === '') return;
    props.onAdd(def.key, value.trim());
    setOpened(false);
    setKey(null);
    setValue('');
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Button variant="default" onClick={() => setOpened((open) => !open)} aria-expanded={opened}>
          Custom field filter
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit} aria-label="Custom field filter">
          <Stack w={260}>
            <Select
              label="Field"
              placeholder="Choose a field"
              data={defs.map((d) => ({ value: d.key, label: d.label }))}
              value={key}
              onChange={(k) => {
                setKey(k);
                setValue('');
              }}
              comboboxProps={{ withinPortal: false }}
            />
            {def && <ValueInput key={def.key} def={def} value={value} onChange={setValue} />}
            <Button type="submit" disabled={!def || value.trim() === ''}>
              Add filter
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
