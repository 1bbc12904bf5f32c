import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';

/** A red button that asks before doing something that cannot be undone. */
export function ConfirmButton({
  label,
  title,
  question,
  loading,
  onConfirm,
}: {
  label: string;
  title: string;
  question: string;
  loading: boolean;
  onConfirm: (done: () => void) => void;
}) {
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={open} aria-label={title}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title}>
        <Stack>
          <Text>{question}</Text>
          <Group justify="end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={loading} onClick={() => onConfirm(close)}>
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
