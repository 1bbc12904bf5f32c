import { describe, expect, it } from 'vitest';
import { findThemes, type ThemeText } from './themes.ts';

const feelings = new Set(['terrible', 'great', 'love', 'late', 'good', 'bad', 'happy', 'slow']);

function corpus(): ThemeText[] {
  const previous = [
    'The oat milk latte was great, love the oat milk here',
    'Great coffee and friendly barista',
    'The app crashed when I paid',
    'Coffee was good but the queue was long',
    'Love the oat milk flat white',
    'Friendly barista, good coffee',
  ];
  const current = [
    'My delivery was late again, the delivery driver left it in the rain',
    'Late delivery, second time this month',
    'Deliveries are always late now',
    'The delivery driver was rude and the coffee was cold',
    'Still waiting for my delivery',
    'The app crashed again at checkout',
    'Oat milk latte as good as ever',
    'Terrible delivery experience',
  ];
  // Each text five times (as many customers write alike): enough texts for an interval to mean something.
  const times = (list: string[], period: 'current' | 'previous') =>
    [0, 1, 2, 3, 4].flatMap((k) =>
      list.map((text, i) => ({
        id: `${period[0]}${k}-${i}`,
        text,
        score: period === 'previous' || text.includes('good') ? 0.5 : -0.6,
        period,
      })),
    );
  return [...times(previous, 'previous'), ...times(current, 'current')];
}

describe('findThemes', () => {
  it('finds what the texts are about, named by their phrases, not by their feelings', () => {
    const themes = findThemes(corpus(), { feelings, minTexts: 4 });
    const names = themes.map((t) => t.name);
    expect(names[0]).toBe('delivery');
    expect(names).toContain('oat milk');
    expect(names).toContain('coffee');
    expect(names).not.toContain('late');
    expect(names).not.toContain('great');
    const delivery = themes.find((t) => t.name === 'delivery')!;
    expect(delivery.count).toBe(30); // "deliveries" folds onto "delivery"
    expect(delivery.phrases[0]).toEqual({ text: 'delivery driver', count: 10 });
    expect(delivery.textIds.slice(0, 6)).toEqual(['c0-0', 'c0-1', 'c0-2', 'c0-3', 'c0-4', 'c0-7']);
  });

  it('says which themes rise against the previous period, with their sentiment', () => {
    const themes = findThemes(corpus(), { feelings, minTexts: 4 });
    const delivery = themes.find((t) => t.name === 'delivery')!;
    expect(delivery.current).toBe(30);
    expect(delivery.previous).toBe(0);
    expect(delivery.change!.trend).toBe('rising');
    expect(delivery.change!.low).toBeGreaterThan(1);
    expect(delivery.sentiment!.negativeShare).toBe(1);
    const oat = themes.find((t) => t.name === 'oat milk')!;
    expect(oat.change!.trend).toBe('steady');
    expect(oat.sentiment!.mean).toBeGreaterThan(0);
  });

  it('answers nothing for nothing, and no change without two periods', () => {
    expect(findThemes([])).toEqual([]);
    const one = findThemes(
      ['a copy of the invoice', 'the invoice is missing', 'wrong invoice'].map((text, i) => ({
        id: String(i),
        text,
      })),
      { minTexts: 2 },
    );
    expect(one[0]!.name).toBe('invoice');
    expect(one[0]!.change).toBeNull();
    expect(one[0]!.sentiment).toBeNull();
  });
});
