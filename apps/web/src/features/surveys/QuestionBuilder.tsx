import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { errorFor } from '../../api/client';
import type { SurveyQuestion } from './surveys';

/** A question as the form edits it: options as lines of text, numbers possibly empty. */
export interface QuestionDraft {
  id: string;
  type: SurveyQuestion['type'];
  label: string;
  required: boolean;
  min: number | string;
  max: number | string;
  minLabel: string;
  maxLabel: string;
  options: string;
  multiple: boolean;
}

const TYPES = [
  { value: 'scale', label: 'Scale' },
  { value: 'choice', label: 'Choice' },
  { value: 'text', label: 'Free text' },
];

/** A key from a question's words: "Value for money" → value_for_money. */
export function keyOf(label: string, taken: string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 36) || 'question';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}

export function newQuestion(): QuestionDraft {
  return {
    id: '',
    type: 'scale',
    label: '',
    required: true,
    min: 1,
    max: 5,
    minLabel: '',
    maxLabel: '',
    options: '',
    multiple: false,
  };
}

export function toDraft(q: SurveyQuestion): QuestionDraft {
  return {
    ...newQuestion(),
    id: q.id,
    type: q.type,
    label: q.label,
    required: q.required,
    ...(q.type === 'scale'
      ? { min: q.min, max: q.max, minLabel: q.minLabel ?? '', maxLabel: q.maxLabel ?? '' }
      : {}),
    ...(q.type === 'choice' ? { options: q.options.join('\n'), multiple: q.multiple } : {}),
  };
}

/** The questions as the API takes them; a question without a key gets one from its words. */
export function fromDrafts(drafts: QuestionDraft[]): SurveyQuestion[] {
  const keys: string[] = [];
  return drafts.map((d) => {
    const id = d.id.trim() || keyOf(d.label, keys);
    keys.push(id);
    const base = { id, label: d.label, required: d.required };
    if (d.type === 'text') return { ...base, type: 'text', maxLength: 2000 };
    if (d.type === 'choice') {
      const options = d.options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
      return { ...base, type: 'choice', options, multiple: d.multiple };
    }
    return {
      ...base,
      type: 'scale',
      min: Number(d.min),
      max: Number(d.max),
      ...(d.minLabel.trim() ? { minLabel: d.minLabel.trim() } : {}),
      ...(d.maxLabel.trim() ? { maxLabel: d.maxLabel.trim() } : {}),
    };
  });
}

/** The questions of a custom survey: add, edit, move, remove; the server's messages by field. */
export function QuestionBuilder(props: {
  drafts: QuestionDraft[];
  onChange: (drafts: QuestionDraft[]) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const { drafts, onChange, errors, disabled } = props;
  const set = (index: number, patch: Partial<QuestionDraft>) =>
    onChange(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const move = (index: number, by: number) => {
    const next = [...drafts];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Questions
      </Text>
      {errorFor(errors, 'questions') && !drafts.length && (
        <Text c="red" size="sm" role="alert">
          {errorFor(errors, 'questions')}
        </Text>
      )}
      {drafts.map((d, i) => {
        const at = (field: string) => errors[`questions.${i}.${field}`];
        const n = i + 1;
        return (
          <Paper key={i} withBorder p="sm" role="group" aria-label={`Question ${n}`}>
            <Stack gap="xs">
              <Group gap="xs" align="end" wrap="wrap">
                <Select
                  label={`Question ${n}: type`}
                  data={TYPES}
                  value={d.type}
                  allowDeselect={false}
                  onChange={(type) => type && set(i, { type: type as QuestionDraft['type'] })}
                  disabled={disabled}
                  w={150}
                />
                <Checkbox
                  label="Required"
                  checked={d.required}
                  onChange={(e) => set(i, { required: e.currentTarget.checked })}
                  disabled={disabled}
                  mb={8}
                />
                <Group gap={4} ml="auto" mb={4}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move question ${n} up`}
                    disabled={disabled || i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move question ${n} down`}
                    disabled={disabled || i === drafts.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </ActionIcon>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={disabled}
                    onClick={() => onChange(drafts.filter((_, j) => j !== i))}
                  >
                    Remove
                  </Button>
                </Group>
              </Group>
              <TextInput
                label={`Question ${n}: wording`}
                value={d.label}
                onChange={(e) => set(i, { label: e.currentTarget.value })}
                error={at('label')}
                disabled={disabled}
              />
              <TextInput
                label={`Question ${n}: key`}
                description="Names the answers in results and exports; made from the wording when empty."
                value={d.id}
                onChange={(e) => set(i, { id: e.currentTarget.value })}
                error={at('id')}
                disabled={disabled}
              />
              {d.type === 'scale' && (
                <Group gap="xs" grow>
                  <NumberInput
                    label="From"
                    min={0}
                    max={10}
                    value={d.min}
                    onChange={(min) => set(i, { min })}
                    error={at('min')}
                    disabled={disabled}
                  />
                  <NumberInput
                    label="To"
                    min={1}
                    max={10}
                    value={d.max}
                    onChange={(max) => set(i, { max })}
                    error={at('max')}
                    disabled={disabled}
                  />
                  <TextInput
                    label="Lowest means"
                    value={d.minLabel}
                    onChange={(e) => set(i, { minLabel: e.currentTarget.value })}
                    error={at('minLabel')}
                    disabled={disabled}
                  />
                  <TextInput
                    label="Highest means"
                    value={d.maxLabel}
                    onChange={(e) => set(i, { maxLabel: e.currentTarget.value })}
                    error={at('maxLabel')}
                    disabled={disabled}
                  />
                </Group>
              )}
              {d.type === 'choice' && (
                <>
                  <Textarea
                    label={`Question ${n}: options, one per line`}
                    autosize
                    minRows={3}
                    value={d.options}
                    onChange={(e) => set(i, { options: e.currentTarget.value })}
                    error={errorFor(errors, `questions.${i}.options`)}
                    disabled={disabled}
                  />
                  <Checkbox
                    label="Several options may be ticked"
                    checked={d.multiple}
                    onChange={(e) => set(i, { multiple: e.currentTarget.checked })}
                    disabled={disabled}
                  />
                </>
              )}
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="xs"
          disabled={disabled}
          onClick={() => onChange([...drafts, newQuestion()])}
        >
          Add a question
        </Button>
      </Group>
    </Stack>
  );
}
