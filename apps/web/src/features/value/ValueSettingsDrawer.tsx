import { Alert, Button, Drawer, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { label } from '../../shared/format';
import { useUpdateValueSettings, type ValueSettings, type ValueSettingsUpdate } from './value';

/** An admin's value settings: who a customer is, the model, the CLV horizon and discount rate. */
export function ValueSettingsDrawer(props: {
  settings: ValueSettings;
  opened: boolean;
  onClose: () => void;
}) {
  const { settings, opened, onClose } = props;
  const update = useUpdateValueSettings();
  const [draft, setDraft] = useState<ValueSettingsUpdate>({});
  const value = { ...settings, ...draft };
  const set = (patch: ValueSettingsUpdate) => setDraft((d) => ({ ...d, ...patch }));
  const save = () =>
    update.mutate(draft, {
      onSuccess: () => {
        setDraft({});
        onClose();
      },
    });
  return (
    <Drawer opened={opened} onClose={onClose} title="Value settings" position="right">
      <Stack>
        <Select
          label="A customer is"
          data={[
            { value: 'person', label: 'A person (B2C)' },
            { value: 'company', label: 'A company (B2B)' },
          ]}
          value={value.customerUnit}
          onChange={(v) => v && set({ customerUnit: v as ValueSettings['customerUnit'] })}
          allowDeselect={false}
        />
        <Select
          label="Purchase model"
          data={[
            { value: 'bgnbd', label: 'BG/NBD' },
            { value: 'paretoNbd', label: 'Pareto/NBD' },
          ]}
          value={value.model}
          onChange={(v) => v && set({ model: v as ValueSettings['model'] })}
          allowDeselect={false}
        />
        <NumberInput
          label="CLV horizon (weeks)"
          min={1}
          max={520}
          value={value.horizonWeeks}
          onChange={(v) => typeof v === 'number' && set({ horizonWeeks: v })}
        />
        <NumberInput
          label="Annual discount rate (%)"
          min={0}
          max={100}
          decimalScale={2}
          value={Math.round((value.annualDiscountRate ?? 0) * 10000) / 100}
          onChange={(v) => typeof v === 'number' && set({ annualDiscountRate: v / 100 })}
        />
        <NumberInput
          label="Margin (%)"
          description="Empty: lifetime value is revenue"
          min={1}
          max={100}
          value={value.margin === null || value.margin === undefined ? '' : Math.round(value.margin * 100)}
          onChange={(v) => set({ margin: typeof v === 'number' ? v / 100 : null })}
        />
        <TextInput
          label="Currency"
          description="Only orders in this currency count; empty: the most used one"
          value={value.currency ?? ''}
          onChange={(e) => set({ currency: e.currentTarget.value.trim().toUpperCase() || null })}
          maxLength={3}
        />
        {update.error && (
          <Alert color="red" role="alert">
            {update.error.message}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          Saving recomputes every customer's figures ({label(value.customerUnit)} as the customer).
        </Text>
        <Button onClick={save} loading={update.isPending} disabled={Object.keys(draft).length === 0}>
          Save
        </Button>
      </Stack>
    </Drawer>
  );
}
