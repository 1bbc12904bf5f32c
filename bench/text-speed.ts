/**
 * Speed and size of Rapport's text analysis (issue 5):  npm run bench -- text-speed
 * - short texts per second on one core (this process, one thread): sentiment with its explanation,
 *   and with emotions too; targets 20,000 and 5,000. The texts: the VADER tweets and the UCI Amazon
 *   sentences (../shared/data), else Rapport's customer-service set; each pass analyses all of
 *   them, 5 timed passes after a warm-up, the median reported.
 * - size of everything that ships for text analysis (the model file and the code), target < 25 MB;
 * - load time of the model in a fresh process (import + read + decode), target < 500 ms, median of 5.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, MODEL_FILE, textModel } from '../packages/models/src/index.ts';
import { describeMachine } from './lib/machine.ts';
import { fmt, median } from './lib/stats.ts';
import { amazonSet, hasShared, serviceSet, vaderSet } from './lib/text-sets.ts';

const texts = hasShared()
  ? [...vaderSet('tweets').map((r) => r.text), ...amazonSet().map((r) => r.text)]
  : serviceSet().map((m) => m.text);
const model = textModel();

function rate(emotions: boolean): number {
  const runs: number[] = [];
  for (let pass = 0; pass < 6; pass++) {
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < 1500) {
      for (const text of texts) analyzeText(model, text, { emotions });
      n += texts.length;
    }
    if (pass > 0) runs.push(n / ((performance.now() - started) / 1000));
  }
  return median(runs);
}

function bytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += entry.name === 'fixtures' ? 0 : bytes(path);
    else if (!entry.name.endsWith('.test.ts')) total += statSync(path).size;
  }
  return total;
}

const sentiment = rate(false);
const emotions = rate(true);
const modelBytes = statSync(MODEL_FILE).size;
const codeBytes = bytes(join(import.meta.dirname, '../packages/models/src/text'));
const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'lib/text-load.ts')],
    {
      encoding: 'utf8',
    },
  );
  loads.push((JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number }).ms);
}
const load = median(loads);
const size = (modelBytes + codeBytes) / 1e6;

const m = describeMachine();
console.log(
  `machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}; ${texts.length.toLocaleString('en-US')} short texts (mean ${fmt(texts.reduce((s, t) => s + t.length, 0) / texts.length, 0)} characters)`,
);
console.log('| measure | figure | target | verdict |');
console.log('|---|---:|---:|---|');
const row = (name: string, value: string, target: string, pass: boolean) =>
  console.log(`| ${name} | ${value} | ${target} | ${pass ? 'PASS' : 'FAIL'} |`);
row('sentiment + explanation, texts/s (1 core)', fmt(sentiment, 0), '≥ 20,000', sentiment >= 20_000);
row('with emotions, texts/s (1 core)', fmt(emotions, 0), '≥ 5,000', emotions >= 5_000);
row('shipped size (model + code), MB', fmt(size, 2), '< 25', size < 25);
row('model load in a fresh process, ms', fmt(load, 0), '< 500', load < 500);
console.log(
  `(model file ${fmt(modelBytes / 1e6, 2)} MB, code ${fmt(codeBytes / 1e3, 0)} KB; loads ${loads.map((l) => fmt(l, 0)).join(', ')} ms)`,
);
