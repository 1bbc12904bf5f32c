// Run in a fresh process by bench/text-speed.ts: how long the text model takes to load.
const started = performance.now();
const { textModel } = await import('../../packages/models/src/index.ts');
const model = textModel();
console.log(JSON.stringify({ ms: performance.now() - started, features: model.linear.vocab.size }));

export {};
