import { describe, expect, it } from 'vitest';
import { parseMessages } from './tracking.parse.ts';

const receivedAt = new Date('2026-01-10T12:00:00.000Z');

describe('parsing Segment messages', () => {
  it('takes an explicit timestamp as sent, and corrects originalTimestamp for the sender’s clock', () => {
    const { messages } = parseMessages(
      [
        { type: 'track', userId: 'u', event: 'A', timestamp: '2026-01-10T11:00:00Z' },
        // The device's clock is 10 minutes fast: sentAt says 12:10 when the server says 12:00.
        {
          type: 'track',
          userId: 'u',
          event: 'B',
          originalTimestamp: '2026-01-10T12:05:00Z',
          sentAt: '2026-01-10T12:10:00Z',
        },
        { type: 'track', userId: 'u', event: 'C' },
      ],
      { receivedAt, prefix: 'batch' },
    );
    expect(messages.map((m) => m.occurredAt)).toEqual([
      '2026-01-10T11:00:00.000Z',
      '2026-01-10T11:55:00.000Z',
      '2026-01-10T12:00:00.000Z',
    ]);
  });

  it('makes number ids strings, gives a messageId to a message without one, and merges the batch context', () => {
    const { messages } = parseMessages(
      [{ type: 'identify', userId: 42, traits: { email: 'a@b.example' }, context: { ip: '1.2.3.4' } }],
      { receivedAt, prefix: 'batch', context: { library: { name: 'x' }, ip: '0.0.0.0' } },
    );
    expect(messages[0]).toMatchObject({
      userId: '42',
      anonymousId: null,
      messageId: expect.stringMatching(/^rapport-/),
      properties: { email: 'a@b.example' },
      context: { library: { name: 'x' }, ip: '1.2.3.4' },
    });
    expect(JSON.parse(messages[0]!.contextJson)).toEqual({ library: { name: 'x' }, ip: '1.2.3.4' });
  });

  it('rejects what the spec requires with the path of the problem', () => {
    const { messages, rejected } = parseMessages(
      [
        { type: 'track', userId: 'u', event: 'ok', messageId: 'm0' },
        'nope',
        { type: 'group', userId: 'u', messageId: 'm2' },
        { type: 'alias', userId: 'u', messageId: 'm3' },
        { type: 'page', anonymousId: 'a', timestamp: 'yesterday', messageId: 'm4' },
        { type: 'track', userId: { id: 1 }, event: 'x', messageId: 'm5' },
        { type: 'track', userId: 'u', event: 'x', properties: [1, 2], messageId: 'm6' },
      ],
      { receivedAt, prefix: 'batch' },
    );
    expect(messages.map((m) => m.messageId)).toEqual(['m0']);
    expect(rejected.map((r) => `${r.path}: ${r.message}`)).toEqual([
      'batch.1: must be an object (a message)',
      'batch.2.groupId: is required for a group',
      'batch.3.previousId: is required for an alias',
      'batch.4.timestamp: must be an ISO 8601 date-time like 2024-05-01T09:30:00Z',
      'batch.5.userId: must be a string or a number',
      'batch.6.properties: must be an object',
    ]);
  });

  it('names a message over 32 KB instead of checking it', () => {
    const { oversize, messages } = parseMessages(
      [
        {
          type: 'track',
          userId: 'u',
          event: 'big',
          messageId: 'big',
          properties: { text: 'é'.repeat(17_000) },
        },
      ],
      { receivedAt, type: 'track', prefix: '' },
    );
    expect(messages).toEqual([]);
    expect(oversize).toEqual([{ index: 0, messageId: 'big', bytes: expect.any(Number) }]);
    expect(oversize[0]!.bytes).toBeGreaterThan(32 * 1024);
  });
});
