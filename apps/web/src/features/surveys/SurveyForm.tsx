import { Button, Group, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client';
import { SURVEY_KINDS } from '../../api/enums';
import { FormAlert } from '../admin/FormAlert';
import { fromDrafts, QuestionBuilder, type QuestionDraft, toDraft } from './QuestionBuilder';
import {
  KIND_HELP,
  KIND_LABEL,
  type Survey,
  type SurveyKind,
  useCreateSurvey,
  useUpdateSurvey,
} from './surveys';

const FIELDS = [
  'name',
  'kind',
  'questions',
  'scoreLabel',
  'commentLabel',
  'intro',
  'thankYou',
  'minDaysBetween',
];

/**
 * A new survey, or changes to one. Its questions (a custom survey's own, or the wording of the
 * standard question) change only while it is a draft; names, texts and the frequency limit always.
 */
export function SurveyForm({ survey, onDone }: { survey?: Survey; onDone: (survey?: Survey) => void }) {
  const [kind, setKind] = useState<SurveyKind>(survey?.kind ?? 'nps');
  const [name, setName] = useState(survey?.name ?? '');
  const standard = survey?.kind !== 'custom' ? survey?.questions : undefined;
  const [scoreLabel, setScoreLabel] = useState(standard?.[0]?.label ?? '');
  const [commentLabel, setCommentLabel] = useState(standard?.[1]?.label ?? '');
  const [drafts, setDrafts] = useState<QuestionDraft[]>(
    survey?.kind === 'custom' ? survey.questions.map(toDraft) : [],
  );
  const [intro, setIntro] = useState(survey?.intro ?? '');
  const [thankYou, setThankYou] = useState(survey?.thankYou ?? '');
  const [minDays, setMinDays] = useState<number | string>(survey?.minDaysBetween ?? 90);
  const create = useCreateSurvey();
  const update = useUpdateSurvey();
  const saving = survey ? update : create;
  const errors = fieldErrors(saving.error);
  const locked = !!survey && survey.status !== 'draft';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const texts = {
      name,
      intro: intro.trim() || null,
      thankYou: thankYou.trim() || null,
      minDaysBetween: Number(minDays),
    };
    const asks =
      kind === 'custom'
        ? { questions: fromDrafts(drafts) }
        : {
            ...(scoreLabel.trim() ? { scoreLabel: scoreLabel.trim() } : {}),
            ...(commentLabel.trim() ? { commentLabel: commentLabel.trim() } : {}),
          };
    if (!survey) {
      create.mutate({ ...texts, kind, ...asks }, { onSuccess: (created) => onDone(created) });
    } else {
      const body = locked ? texts : { ...texts, ...asks };
      update.mutate({ id: survey.id, body }, { onSuccess: (saved) => onDone(saved) });
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={survey ? 'Edit survey' : 'New survey'}>
      <Stack gap="sm">
        <FormAlert error={saving.error} fields={FIELDS} />
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        {!survey && (
          <Radio.Group
            label="Kind"
            value={kind}
            onChange={(value) => setKind(value as SurveyKind)}
            error={errors.kind}
          >
            <Stack gap={6} mt={4}>
              {SURVEY_KINDS.map((k) => (
                <Radio key={k} value={k} label={KIND_LABEL[k]} description={KIND_HELP[k]} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {locked && (
          <Text size="sm" c="dimmed">
            The questions are fixed once a survey has been active, so that answers keep their meaning.
          </Text>
        )}
        {kind !== 'custom' && (
          <>
            <TextInput
              label="The question"
              description={`Leave empty for the standard wording (${KIND_HELP[kind].split(':')[1]?.trim()})`}
              value={scoreLabel}
              onChange={(e) => setScoreLabel(e.currentTarget.value)}
              error={errors.scoreLabel}
              disabled={locked}
            />
            <TextInput
              label="The comment question"
              description="Optional to answer; leave empty for the standard wording."
              value={commentLabel}
              onChange={(e) => setCommentLabel(e.currentTarget.value)}
              error={errors.commentLabel}
              disabled={locked}
            />
          </>
        )}
        {kind === 'custom' && (
          <QuestionBuilder drafts={drafts} onChange={setDrafts} errors={errors} disabled={locked} />
        )}
        <Textarea
          label="Introduction"
          description="Shown above the questions."
          autosize
          minRows={2}
          value={intro}
          onChange={(e) => setIntro(e.currentTarget.value)}
          error={errors.intro}
        />
        <Textarea
          label="Thank-you text"
          description="Shown once the answers are recorded."
          autosize
          minRows={2}
          value={thankYou}
          onChange={(e) => setThankYou(e.currentTarget.value)}
          error={errors.thankYou}
        />
        <NumberInput
          label="Days between surveys of one person"
          description="People invited to or answering any survey within this many days are not invited (0: no limit)."
          min={0}
          max={3650}
          value={minDays}
          onChange={setMinDays}
          error={errors.minDaysBetween}
        />
        <Group justify="end">
          <Button variant="default" onClick={() => onDone()}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.isPending}>
            {survey ? 'Save' : 'Create survey'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
