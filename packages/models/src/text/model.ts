/**
 * Rapport's text model: VADER's lexicons (words and emoji, with Rapport's customer-service
 * additions) and the learned linear model (fine emotions, Ekman emotions, sentiment), in one
 * binary file (data/text-model.bin). Encoding and decoding are pure; load.ts reads the file.
 *
 * Layout: "RAPTXT1\n", a u32 header length, the JSON header, the vocabulary (UTF-8, one feature
 * per line), the int8 weights.
 */
import type { LinearModel } from './learned/linear.ts';
import type { VaderLexicon } from './vader/vader.lexicon.ts';

export interface ModelAbout {
  built: string;
  /** The data sets and lexicons the model was made from (credited in the README). */
  sources: string[];
  /** Figures measured when it was built (held-out training texts). */
  figures: Record<string, number>;
}

export interface TextModel {
  linear: LinearModel;
  lexicon: VaderLexicon;
  about: ModelAbout;
  /** The Ekman emotion (or neutral) each fine output belongs to: `{ annoyance: 'anger', … }`. */
  groups: Record<string, string>;
}

const MAGIC = 'RAPTXT1\n';

interface Header {
  about: ModelAbout;
  outputs: string[];
  thresholds: number[];
  scales: number[];
  bias: number[];
  vocabBytes: number;
  words: [string, number][];
  emoji: [string, string][];
  groups: Record<string, string>;
}

export function encodeModel(model: TextModel): Buffer {
  const { linear } = model;
  const vocab = Buffer.from([...linear.vocab.keys()].join('\n'), 'utf8');
  const header: Header = {
    about: model.about,
    outputs: [...linear.outputs],
    thresholds: [...linear.thresholds],
    scales: [...linear.scales],
    bias: [...linear.bias],
    vocabBytes: vocab.length,
    words: [...model.lexicon.words],
    emoji: [...model.lexicon.emoji],
    groups: model.groups,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const weights = Buffer.from(linear.weights.buffer, linear.weights.byteOffset, linear.weights.byteLength);
  return Buffer.concat([Buffer.from(MAGIC), length, json, vocab, weights]);
}

export function decodeModel(bytes: Buffer): TextModel {
  if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC)
    throw new Error('not a Rapport text model (the file does not start with RAPTXT1)');
  let at = MAGIC.length;
  const headerLength = bytes.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(bytes.subarray(at, at + headerLength).toString('utf8')) as Header;
  at += headerLength;
  const features = bytes
    .subarray(at, at + header.vocabBytes)
    .toString('utf8')
    .split('\n');
  at += header.vocabBytes;
  const vocab = new Map<string, number>();
  for (let i = 0; i < features.length; i++) vocab.set(features[i]!, i);
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at, bytes.length - at);
  if (weights.length !== vocab.size * header.outputs.length)
    throw new Error(`the text model is damaged: ${weights.length} weights for ${vocab.size} features`);
  return {
    about: header.about,
    groups: header.groups ?? {},
    lexicon: { words: new Map(header.words), emoji: new Map(header.emoji) },
    linear: {
      outputs: header.outputs,
      vocab,
      weights,
      scales: Float32Array.from(header.scales),
      bias: Float32Array.from(header.bias),
      thresholds: Float32Array.from(header.thresholds),
    },
  };
}
