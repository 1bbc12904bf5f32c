import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorFor, fieldErrors } from '../../api/client';
import { CHANNELS, DIRECTIONS } from '../../api/enums';
import { label } from '../../shared/format';
import { FormAlert } from '../admin/FormAlert';
import { type InteractionEventRule, type Source, useUpdateSource } from './sources';

/** Which track events of a source also go onto the person's timeline, and as what. */
export function InteractionRules({ source, onClose }: { source: Source; onClose: () => void }) {
  const [rules, setRules] = useState<InteractionEventRule[]>(source.interactionEvents);
  const update = useUpdateSource();
  const errors = fieldErrors(update.error);
  const change = (index: number, patch: Partial<InteractionEventRule>) =>
    setRules((all) => all.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  const save = () =>
    update.mutate({ id: source.id, body: { interactionEvents: rules } }, { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={`Timeline events of ${source.name}`} size="lg">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          A track event named here is also logged as an interaction on the sender’s timeline.
        </Text>
        <FormAlert error={update.error} fields={['interactionEvents']} />
        {rules.map((rule, index) => (
          <Group key={index} align="start" grow>
            <TextInput
              label={`Event name ${index + 1}`}
              value={rule.event}
              onChange={(e) => {
                const event = e.currentTarget.value;
                change(index, { event });
              }}
              error={
                errorFor(errors, `interactionEvents.${index}.event`) ?? errorFor(errors, 'interactionEvents')
              }
            />
            <Select
              label={`Channel ${index + 1}`}
              allowDeselect={false}
              data={CHANNELS.map((c) => ({ value: c, label: label(c) }))}
              value={rule.channel}
              onChange={(value) =>
                value && change(index, { channel: value as InteractionEventRule['channel'] })
              }
            />
            <Select
              label={`Direction ${index + 1}`}
              allowDeselect={false}
              data={DIRECTIONS.map((d) => ({ value: d, label: label(d) }))}
              value={rule.direction}
              onChange={(value) =>
                value && change(index, { direction: value as InteractionEventRule['direction'] })
              }
            />
            <Button
              variant="subtle"
              color="red"
              mt={24}
              style={{ flexGrow: 0 }}
              onClick={() => setRules((all) => all.filter((_, i) => i !== index))}
              aria-label={`Remove event ${index + 1}`}
            >
              Remove
            </Button>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            onClick={() => setRules((all) => [...all, { event: '', channel: 'web', direction: 'inbound' }])}
          >
            Add an event
          </Button>
          <Button onClick={save} loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
