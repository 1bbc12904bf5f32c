import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Field } from '../../shared/Field';
import { formatDate, label } from '../../shared/format';
import type { PersonView } from './person';

const CONSENT_COLOR = { granted: 'green', denied: 'red', unknown: 'gray' } as Record<string, string>;

/** Contact details, custom fields, traits from tracking, consent and channel preferences. */
export function PersonProfile({ person: p }: { person: PersonView }) {
  const address = p.address
    ? [
        p.address.street,
        [p.address.postalCode, p.address.city].filter(Boolean).join(' '),
        p.address.region,
        p.address.country,
      ]
        .filter(Boolean)
        .join(', ')
    : null;
  const custom = Object.entries(p.custom);
  // What a tracking SDK's identify said that is neither a field nor a custom field.
  const traits = Object.entries(p.traits);
  const consent = Object.entries(
    p.consent as Record<string, { status: string; at?: string; source?: string }>,
  );
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h5">
          Profile
        </Title>
        <SimpleGrid cols={2} spacing="xs">
          <Field name="Email">{p.email ?? '—'}</Field>
          <Field name="Phone">{p.phone ?? '—'}</Field>
          {p.additionalEmails.length > 0 && (
            <Field name="Other emails">{p.additionalEmails.join(', ')}</Field>
          )}
          {p.timezone && <Field name="Time zone">{p.timezone}</Field>}
          {p.locale && <Field name="Language">{p.locale}</Field>}
          {p.birthday && <Field name="Birthday">{formatDate(p.birthday)}</Field>}
          {address && <Field name="Address">{address}</Field>}
          {p.externalId && <Field name="External id">{p.externalId}</Field>}
          {Object.keys(p.socialHandles).length > 0 && (
            <Field name="Social">
              {Object.entries(p.socialHandles)
                .map(([network, handle]) => `${label(network)} @${handle}`)
                .join(', ')}
            </Field>
          )}
          {custom.map(([key, value]) => (
            <Field key={key} name={label(key)}>
              {Array.isArray(value)
                ? value.join(', ')
                : typeof value === 'boolean'
                  ? value
                    ? 'Yes'
                    : 'No'
                  : String(value)}
            </Field>
          ))}
        </SimpleGrid>
        {traits.length > 0 && (
          <>
            <Title order={3} size="h6">
              Traits from tracking
            </Title>
            <SimpleGrid cols={2} spacing="xs">
              {traits.map(([key, value]) => (
                <Field key={key} name={key}>
                  {typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}
                </Field>
              ))}
            </SimpleGrid>
          </>
        )}
        <Title order={3} size="h6">
          Consent and channels
        </Title>
        <Text size="sm">Prefers: {p.preferredChannel ? label(p.preferredChannel) : 'no preference'}</Text>
        <Group gap={6}>
          {consent.length === 0 && (
            <Text size="sm" c="dimmed">
              No consent recorded.
            </Text>
          )}
          {consent.map(([channel, c]) => (
            <Badge
              key={channel}
              color={CONSENT_COLOR[c.status] ?? 'gray'}
              variant="light"
              title={[c.at && formatDate(c.at), c.source].filter(Boolean).join(' · ')}
            >
              {label(channel)}: {c.status}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
