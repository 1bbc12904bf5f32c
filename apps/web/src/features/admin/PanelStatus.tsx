import { Alert, Loader, Text } from '@mantine/core';

/** What a list panel shows above its table: what went wrong, a loader, or that it is empty. */
export function PanelStatus({
  error,
  pending,
  empty,
}: {
  error: Error | null;
  pending: boolean;
  /** The text for an empty list, when the list is empty. */
  empty?: string | false | undefined;
}) {
  return (
    <>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      {pending && <Loader aria-label="Loading" />}
      {empty && <Text c="dimmed">{empty}</Text>}
    </>
  );
}
