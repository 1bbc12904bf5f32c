import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { formatDateTime } from '../../shared/format';
import { FormAlert } from '../admin/FormAlert';
import {
  type EmailSettings,
  type EmailSettingsInput,
  SECURITY,
  type Security,
  useSaveEmailSettings,
} from './email';

const FIELDS = [
  'enabled',
  'host',
  'port',
  'security',
  'username',
  'password',
  'fromAddress',
  'fromName',
  'replyTo',
];

interface Draft {
  enabled: boolean;
  host: string;
  port: number | string;
  security: Security;
  username: string;
  password: string;
  forgetPassword: boolean;
  fromAddress: string;
  fromName: string;
  replyTo: string;
}

const draftOf = (s: EmailSettings): Draft => ({
  enabled: s.configured ? s.enabled : true,
  host: s.host ?? '',
  port: s.port ?? 587,
  security: s.security ?? 'starttls',
  username: s.username ?? '',
  password: '',
  forgetPassword: false,
  fromAddress: s.fromAddress ?? '',
  fromName: s.fromName ?? '',
  replyTo: s.replyTo ?? '',
});

/** What the form sends: empty optional fields as null; no `password` when left empty (the stored one stays). */
function toBody(d: Draft): EmailSettingsInput {
  const orNull = (value: string) => value.trim() || null;
  const password = d.forgetPassword ? { password: null } : d.password ? { password: d.password } : {};
  return {
    enabled: d.enabled,
    host: d.host.trim(),
    port: typeof d.port === 'number' ? d.port : Number(d.port),
    security: d.security,
    username: orNull(d.username),
    ...password,
    fromAddress: d.fromAddress.trim(),
    fromName: orNull(d.fromName),
    replyTo: orNull(d.replyTo),
  };
}

/** The SMTP server the workspace sends through, and who the emails come from. */
export function EmailSettingsForm({ settings }: { settings: EmailSettings }) {
  const [draft, setDraft] = useState(() => draftOf(settings));
  const save = useSaveEmailSettings();
  const errors = fieldErrors(save.error);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const pickSecurity = (value: string | null) => {
    const next = SECURITY.find((s) => s.value === value);
    if (!next) return;
    // A port that went with the old choice follows the new one; a port typed by hand stays.
    const usual = SECURITY.some((s) => s.port === draft.port);
    set({ security: next.value, ...(usual ? { port: next.port } : {}) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(toBody(draft), {
      onSuccess: (saved) => setDraft(draftOf(saved)),
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="SMTP server">
      <Stack gap="xs">
        <Title order={3} size="h5">
          SMTP server
        </Title>
        {save.isSuccess && (
          <Alert color="green" role="status" withCloseButton onClose={save.reset}>
            Email settings saved
            {save.data.updatedAt ? ` (${formatDateTime(save.data.updatedAt)})` : ''}.
            {save.data.enabled ? ' Rapport sends email through this server.' : ' Sending is off.'}
          </Alert>
        )}
        <FormAlert error={save.error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label="SMTP host"
            placeholder="smtp.example.com"
            required
            value={draft.host}
            onChange={(e) => set({ host: e.currentTarget.value })}
            error={errors.host}
          />
          <Group gap="xs" grow align="start">
            <NumberInput
              label="Port"
              required
              allowDecimal={false}
              allowNegative={false}
              value={draft.port}
              onChange={(port) => set({ port })}
              error={errors.port}
            />
            <Select
              label="Security"
              allowDeselect={false}
              data={SECURITY.map(({ value, label }) => ({ value, label }))}
              value={draft.security}
              onChange={pickSecurity}
              error={errors.security}
            />
          </Group>
          <TextInput
            label="User name"
            autoComplete="off"
            value={draft.username}
            onChange={(e) => set({ username: e.currentTarget.value })}
            error={errors.username}
          />
          <Stack gap={4}>
            <PasswordInput
              label="Password"
              autoComplete="new-password"
              description={settings.passwordSet ? 'A password is stored; leave empty to keep it' : undefined}
              disabled={draft.forgetPassword}
              value={draft.password}
              onChange={(e) => set({ password: e.currentTarget.value })}
              error={errors.password}
            />
            {settings.passwordSet && (
              <Checkbox
                size="xs"
                label="Remove the stored password"
                checked={draft.forgetPassword}
                onChange={(e) => set({ forgetPassword: e.currentTarget.checked, password: '' })}
              />
            )}
          </Stack>
          <TextInput
            label="From address"
            placeholder="care@example.com"
            type="email"
            required
            value={draft.fromAddress}
            onChange={(e) => set({ fromAddress: e.currentTarget.value })}
            error={errors.fromAddress}
          />
          <TextInput
            label="From name"
            placeholder="Example Care"
            value={draft.fromName}
            onChange={(e) => set({ fromName: e.currentTarget.value })}
            error={errors.fromName}
          />
          <TextInput
            label="Reply-to"
            type="email"
            description="Where customers' answers go, when not the from address"
            value={draft.replyTo}
            onChange={(e) => set({ replyTo: e.currentTarget.value })}
            error={errors.replyTo}
          />
        </SimpleGrid>
        <Switch
          label="Send email"
          description="Off: nothing is sent, and emails still waiting are cancelled."
          checked={draft.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
          error={errors.enabled}
        />
        <Group justify="end">
          <Button type="submit" loading={save.isPending}>
            Save email settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
