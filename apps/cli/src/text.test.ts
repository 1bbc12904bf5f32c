import { describe, expect, it } from 'vitest';
import { rapport } from './testing.ts';

describe('rapport text analyze', () => {
  it('answers one JSON object per input line, in order', async () => {
    const result = await rapport(['text', 'analyze'], {
      input: 'My order never arrived and nobody answers my emails.\n\nThank you, that was quick!\n',
    });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.sentiment.label)).toEqual(['negative', 'neutral', 'positive']);
    expect(lines[0].emotions.frustration).toBeGreaterThanOrEqual(0.5);
    expect(lines[0].explanation.sentiment.length).toBeGreaterThan(0);
  });

  it('reads emails as JSON lines, and names the line that is not JSON', async () => {
    const email = JSON.stringify({ text: 'Hi,\n\nThe parcel arrived damaged again.\n\nKind regards,\nAnna' });
    const result = await rapport(['text', 'analyze', '--jsonl', '--no-emotions'], {
      input: `${email}\n{oops\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2: .*JSON/);
    const [first, second] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(first.sentiment.label).toBe('negative');
    expect(first.emotions).toBeUndefined();
    expect(second.error).toMatch(/^line 2:/);
  });
});
