import { describe, expect, it } from 'vitest';
import { checkLiteralHost, isPrivateAddress } from './webhooks.guard.ts';

describe('the private address guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['93.184.216.34', false],
    ['172.32.0.1', false],
    ['2606:4700::1111', false],
    ['::ffff:93.184.216.34', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('refuses private IP literals in URLs, and leaves names to the lookup', () => {
    expect(() => checkLiteralHost(new URL('http://127.0.0.1:8080/x'))).toThrow(
      'is the private address 127.0.0.1',
    );
    expect(() => checkLiteralHost(new URL('http://[::1]/x'))).toThrow('private address ::1');
    expect(() => checkLiteralHost(new URL('https://93.184.216.34/x'))).not.toThrow();
    expect(() => checkLiteralHost(new URL('https://example.com/x'))).not.toThrow();
  });
});
