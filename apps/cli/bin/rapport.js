#!/usr/bin/env node
// Rapport is TypeScript with no build step to run by hand. Node 20 cannot strip types, so this
// launcher bundles the TypeScript of apps/* and packages/* with esbuild whenever one of those
// files changed (a fraction of a second), keeps the result in a cache, and runs it with Node's
// own loader. Packages from node_modules stay outside the bundle and load natively.
//
// Why not tsx's loader? Node 20 runs loader hooks on a separate thread, and every module then
// crosses it, node_modules included: `rapport serve` loads about 500 modules, and the hooks
// took its cold start from 1.0 s to 1.7 s or more (bench/cold-start.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const KEEP = 3; // bundles kept in the cache (other checkouts or versions of the sources)

/** The .ts files (tests aside) and package.json files the bundle is made of, with their mtime and size. */
function fingerprint() {
  const hash = createHash('sha256');
  hash.update(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json')));
  hash.update(readFileSync(new URL(import.meta.url)));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const { mtimeMs, size } = statSync(path);
        hash.update(`${path}\0${mtimeMs}\0${size}\n`);
      }
    }
  };
  for (const group of ['apps', 'packages']) {
    for (const name of readdirSync(join(root, group)).sort()) {
      const dir = join(root, group, name);
      hash.update(readFileSync(join(dir, 'package.json')));
      walk(join(dir, 'src'));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function cacheDir() {
  for (const dir of [
    join(root, 'node_modules', '.cache', 'rapport-cli'),
    join(tmpdir(), 'rapport-cli-cache'),
  ]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // not writable: try the next place
    }
  }
  throw new Error('rapport: no writable cache directory for the compiled CLI');
}

async function compile(outdir) {
  const { build } = await import('esbuild');
  const staging = `${outdir}.${process.pid}.tmp`;
  const result = await build({
    entryPoints: { main: entry },
    outdir: staging,
    bundle: true,
    splitting: true, // dynamic imports stay lazy: `--help` loads neither PGlite nor the server
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'error',
    plugins: [
      {
        name: 'rapport-sources',
        setup(esbuild) {
          // Only Rapport's own packages are bundled; everything else loads from node_modules.
          esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@rapport/') ? undefined : { path: args.path, external: true },
          );
          // import.meta.url keeps meaning the source file (migrations, package.json are found from it).
          esbuild.onLoad({ filter: /\.ts$/ }, (args) => ({
            loader: 'ts',
            contents: readFileSync(args.path, 'utf8').replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(args.path).href),
            ),
          }));
        },
      },
    ],
  }).catch(() => null); // esbuild has printed the errors
  if (!result) {
    rmSync(staging, { recursive: true, force: true });
    process.exit(1);
  }
  try {
    renameSync(staging, outdir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process published the same bundle first
  }
}

function prune(cache, current) {
  const bundles = readdirSync(cache, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== current && !entry.name.endsWith('.tmp'))
    .map((entry) => ({ path: join(cache, entry.name), mtime: statSync(join(cache, entry.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of bundles.slice(KEEP - 1)) rmSync(old.path, { recursive: true, force: true });
}

const cache = cacheDir();
const name = fingerprint();
const outdir = join(cache, name);
const main = join(outdir, 'main.js');
let fresh = false;
try {
  statSync(main);
} catch {
  await compile(outdir);
  fresh = true;
}
if (fresh) prune(cache, name);
process.setSourceMapsEnabled(true); // stack traces name the .ts files
await import(pathToFileURL(main).href);
