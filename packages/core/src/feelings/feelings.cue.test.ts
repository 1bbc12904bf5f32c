import { describe, expect, it } from 'vitest';
import { empathyCue } from './feelings.cue.ts';
import type { FeelingRow } from './feelings.repo.ts';

const now = new Date('2026-06-20T12:00:00Z');
let serial = 0;
function felt(
  daysAgo: number,
  label: FeelingRow['label'],
  top: string,
  topic: string | null,
  score = 0,
): FeelingRow {
  return {
    id: `fel_${serial++}`,
    workspace_id: 'wsp',
    subject_type: 'interaction',
    subject_id: `int_${serial}`,
    person_id: 'per',
    company_id: null,
    occurred_at: new Date(now.getTime() - daysAgo * 86_400_000),
    label,
    score: score || (label === 'negative' ? -0.7 : label === 'positive' ? 0.8 : 0),
    intensity: 0.8,
    emotions: {},
    top_emotion: top,
    explanation: { sentiment: [] },
    topic,
    moment: '…',
    model: 'm',
    analysed_at: now,
  };
}

describe('the empathy cue', () => {
  it('names the emotion, the topic and the date, or how often this month', () => {
    expect(empathyCue([felt(17, 'negative', 'anger', 'billing')], now)).toBe(
      'Angry about a billing error on 3 June: apologise and say what was fixed.',
    );
    expect(
      empathyCue(
        [felt(20, 'negative', 'frustration', 'delivery'), felt(2, 'negative', 'sadness', 'delivery')],
        now,
      ),
    ).toBe('Frustrated about a late delivery twice this month: acknowledge it before anything else.');
    expect(empathyCue([felt(1, 'negative', 'fear', null)], now)).toBe(
      'Worried on 19 June: reassure them and say what happens next.',
    );
  });

  it('says thank you after trouble, and nothing for plain pleasure, neutral texts or old news', () => {
    expect(
      empathyCue([felt(10, 'negative', 'anger', 'quality'), felt(3, 'positive', 'gratitude', null)], now),
    ).toBe('Grateful on 17 June after a quality problem: thank them for their patience.');
    expect(empathyCue([felt(3, 'positive', 'gratitude', 'delivery')], now)).toBe(
      'Grateful about the delivery on 17 June: thank them and build on it.',
    );
    expect(empathyCue([felt(3, 'positive', 'joy', 'product')], now)).toBeNull();
    expect(empathyCue([felt(3, 'neutral', 'neutral', 'product')], now)).toBeNull();
    expect(empathyCue([felt(90, 'negative', 'anger', 'billing')], now)).toBeNull();
    expect(empathyCue([], now)).toBeNull();
  });
});
