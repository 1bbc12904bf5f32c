import { Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { FormButtons } from '../../shared/RecordFields';
import { FormAlert } from '../admin/FormAlert';
import { type Order, orderNumber, useUpdateOrder } from './order';

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Changes an order's number in the shop (external id) and its channel; the server's message sits by its field. */
export function OrderForm({
  order,
  opened,
  onClose,
}: {
  order: Order;
  opened: boolean;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState({ externalId: order.externalId ?? '', channel: order.channel ?? '' });
  const save = useUpdateOrder(order);
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { externalId: orNull(draft.externalId), channel: orNull(draft.channel) },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit order ${orderNumber(order)}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={save.error} fields={['externalId', 'channel']} />
          <TextInput
            label="Order number"
            description="Its number in the shop or ERP (external id)"
            data-autofocus
            value={draft.externalId}
            onChange={(e) => {
              const externalId = e.currentTarget.value;
              setDraft((d) => ({ ...d, externalId }));
            }}
            error={errors.externalId}
          />
          <TextInput
            label="Channel"
            description="Where it was bought: online, store, phone, sales_rep, …"
            value={draft.channel}
            onChange={(e) => {
              const channel = e.currentTarget.value;
              setDraft((d) => ({ ...d, channel }));
            }}
            error={errors.channel}
          />
          <FormButtons onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
