import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { ConfirmButton } from '../admin/ConfirmButton';
import { SecretOnce } from '../admin/SecretOnce';
import { type Case, useRevokeStatusLink, useStatusLink } from './cases';

/**
 * The customer's status page of the case (/c/<token>, no sign-in): make a link (shown once, it
 * replaces an earlier one), copy it, email it to the case's person, or turn it off.
 */
export function CaseStatusLink({ c, writable }: { c: Case; writable: boolean }) {
  const make = useStatusLink(c.id);
  const revoke = useRevokeStatusLink(c.id);
  const made = make.data;
  const emailing = make.isPending && make.variables?.email;
  return (
    <Card withBorder component="section" aria-label="Status link">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Status link
        </Title>
        <Badge variant="light" color={c.statusLink === 'active' ? 'teal' : 'gray'}>
          {c.statusLink === 'active' ? 'Active' : c.statusLink === 'revoked' ? 'Turned off' : 'None'}
        </Badge>
      </Group>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          A page for the customer, without sign-in: the honest status, the target date and the promises made.
          Internal notes never show.
        </Text>
        {made && (
          <SecretOnce
            title={`Status link, valid until ${formatDate(made.expiresAt)}`}
            label="Status link"
            secret={made.link}
            onClose={() => make.reset()}
          />
        )}
        {made?.emailId && (
          <Text size="sm" c="teal.9" role="status">
            Emailed to {c.personName ?? 'the customer'}: it goes out in a moment (see Emails).
          </Text>
        )}
        {(make.error ?? revoke.error) && (
          <Alert color="red" role="alert">
            {(make.error ?? revoke.error)?.message}
          </Alert>
        )}
        {writable && (
          <Group gap="xs">
            <Button
              size="sm"
              variant="light"
              loading={make.isPending && !emailing}
              disabled={emailing}
              onClick={() => make.mutate({ email: false })}
            >
              {c.statusLink === 'active' ? 'Make a new link' : 'Make a status link'}
            </Button>
            {c.personId && (
              <Button
                size="sm"
                variant="light"
                loading={emailing}
                disabled={make.isPending && !emailing}
                onClick={() => make.mutate({ email: true })}
              >
                Email the link to {c.personName ?? 'the customer'}
              </Button>
            )}
            {c.statusLink === 'active' && (
              <ConfirmButton
                label="Turn off"
                title="Turn off the status link"
                question="The customer's link stops working (it answers that the page is gone)."
                loading={revoke.isPending}
                onConfirm={(done) =>
                  revoke.mutate(undefined, {
                    onSuccess: () => {
                      make.reset();
                      done();
                    },
                  })
                }
              />
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
