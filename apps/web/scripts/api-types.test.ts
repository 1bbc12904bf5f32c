import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiEnums, apiTypes } from './api-types-source.ts';

const read = (name: string) => readFileSync(new URL(`../src/api/${name}`, import.meta.url), 'utf8');

describe('the web app is typed against the API as it is', () => {
  it('src/api/schema.d.ts matches the OpenAPI document (npm run api-types -w @rapport/web)', async () => {
    expect(read('schema.d.ts')).toBe(await apiTypes());
  });
  it('src/api/enums.ts matches the value lists of core', () => {
    expect(read('enums.ts')).toBe(apiEnums());
  });
});
