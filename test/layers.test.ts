import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const isTest = (file: string) => file.endsWith('.test.ts') || file.endsWith('/testing.ts');

describe('the dependency rule', () => {
  it('db imports no other Rapport package', () => {
    for (const file of files(join(root, 'packages/db/src'))) {
      for (const spec of imports(file))
        expect(spec.startsWith('@rapport/'), `${relative(root, file)} → ${spec}`).toBe(false);
    }
  });

  it('models is pure: no other Rapport package, no I/O but the model file it loads', () => {
    for (const file of files(join(root, 'packages/models/src'))) {
      if (isTest(file)) continue;
      for (const spec of imports(file)) {
        const where = `${relative(root, file)} → ${spec}`;
        expect(spec.startsWith('@rapport/'), where).toBe(false);
        if (spec.startsWith('node:'))
          expect(relative(root, file), where).toBe('packages/models/src/text/load.ts');
      }
    }
  });

  it('core knows no HTTP and no app; a domain reaches another only through its service or schema', () => {
    const coreSrc = join(root, 'packages/core/src');
    for (const file of files(coreSrc)) {
      const domain = relative(coreSrc, file).split('/')[0]!;
      if (!relative(coreSrc, file).includes('/')) continue; // the package's index and test helpers
      for (const spec of imports(file)) {
        const where = `${relative(root, file)} → ${spec}`;
        expect(/^(hono|@hono\/|@rapport\/(server|cli))/.test(spec), where).toBe(false);
        if (!spec.startsWith('.')) continue;
        const target = relative(coreSrc, join(dirname(file), spec));
        const other = target.split('/')[0]!;
        if (other === 'shared' || other === domain || isTest(file) || !target.includes('/')) continue;
        expect(
          /\.(service|schema)\.ts$/.test(target),
          `${where}: use ${other}'s service, not ${target}`,
        ).toBe(true);
      }
    }
  });

  it('the server reaches the database only through core', () => {
    for (const file of files(join(root, 'apps/server/src'))) {
      if (isTest(file)) continue;
      for (const spec of imports(file)) {
        expect(spec.startsWith('@rapport/db') || spec === 'kysely', `${relative(root, file)} → ${spec}`).toBe(
          false,
        );
      }
    }
  });
});
