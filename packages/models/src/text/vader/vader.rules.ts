// Constants of VADER (Hutto & Gilbert 2014), ported from vaderSentiment/vaderSentiment.py at
// cjhutto/vaderSentiment@44fc044 (MIT). Values and lists are copied exactly; see vader.ts for the rules.

/** Empirically derived mean intensity increase of a booster word ("very good"). */
export const B_INCR = 0.293;
/** ...and decrease of a dampener ("kind of good"). */
export const B_DECR = -0.293;
/** Increase for an ALL-CAPS word when the text mixes case. */
export const C_INCR = 0.733;
/** Factor applied by a negation ("not good"). */
export const N_SCALAR = -0.74;
/** Per "!" (at most 4 count). */
export const EXCLAMATION_INCR = 0.292;
/** Per "?" when there are 2 or 3 of them; 4 or more give QUESTION_MAX. */
export const QUESTION_INCR = 0.18;
export const QUESTION_MAX = 0.96;
/** alpha of normalize(): score / sqrt(score² + alpha). */
export const NORMALIZE_ALPHA = 15;

// biome-ignore format: keep the Python layout
export const NEGATE: ReadonlySet<string> = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt',
  "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
  'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt', 'neither',
  "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
  'neednt', "needn't", 'never', 'none', 'nope', 'nor', 'not', 'nothing', 'nowhere',
  'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent',
  "oughtn't", "shan't", "shouldn't", 'uh-uh', "wasn't", "weren't",
  'without', 'wont', 'wouldnt', "won't", "wouldn't", 'rarely', 'seldom', 'despite',
]);

// biome-ignore format: keep the Python layout
const boosters = [
  'absolutely', 'amazingly', 'awfully', 'completely', 'considerable', 'considerably',
  'decidedly', 'deeply', 'effing', 'enormous', 'enormously', 'entirely', 'especially', 'exceptional',
  'exceptionally', 'extreme', 'extremely', 'fabulously', 'flipping', 'flippin', 'frackin', 'fracking',
  'fricking', 'frickin', 'frigging', 'friggin', 'fully', 'fuckin', 'fucking', 'fuggin', 'fugging',
  'greatly', 'hella', 'highly', 'hugely', 'incredible', 'incredibly', 'intensely',
  'major', 'majorly', 'more', 'most', 'particularly', 'purely', 'quite', 'really', 'remarkably',
  'so', 'substantially', 'thoroughly', 'total', 'totally', 'tremendous', 'tremendously',
  'uber', 'unbelievably', 'unusually', 'utter', 'utterly', 'very',
];
// biome-ignore format: keep the Python layout
const dampeners = [
  'almost', 'barely', 'hardly', 'just enough', 'kind of', 'kinda', 'kindof', 'kind-of',
  'less', 'little', 'marginal', 'marginally', 'occasional', 'occasionally', 'partly',
  'scarce', 'scarcely', 'slight', 'slightly', 'somewhat', 'sort of', 'sorta', 'sortof', 'sort-of',
];

/** BOOSTER_DICT: booster/dampener intensifiers ("degree adverbs"). */
export const BOOSTER: ReadonlyMap<string, number> = new Map([
  ...boosters.map((w) => [w, B_INCR] as const),
  ...dampeners.map((w) => [w, B_DECR] as const),
]);

/** SPECIAL_CASES: idioms and phrases containing lexicon words; they replace the valence. */
export const SPECIAL_CASES: ReadonlyMap<string, number> = new Map([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['badass', 1.5],
  ['bus stop', 0.0],
  ['yeah right', -2],
  ['kiss of death', -1.5],
  ['to die for', 3],
  ['beating heart', 3.1],
  ['broken heart', -2.9],
]);

/**
 * Every word of a multi-word SPECIAL_CASES or BOOSTER key. The idiom check only builds a phrase when
 * all its words are in here (tokens never contain a space, so this pre-filter changes no result).
 */
export const IDIOM_WORDS: ReadonlySet<string> = new Set(
  [...SPECIAL_CASES.keys(), ...BOOSTER.keys()].filter((k) => k.includes(' ')).flatMap((k) => k.split(' ')),
);

// SENTIMENT_LADEN_IDIOMS is "future work" in the Python source and never used; not ported.

/** Python's str.isspace() (what str.split() and str.strip() use), Unicode 14. */
export function isPyWhitespace(c: number): boolean {
  if (c > 32 && c < 0x85) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0x1c && c <= 0x1f) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Python's string.punctuation as a table over ASCII: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ */
export const ASCII_PUNCTUATION: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const ch of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') table[ch.charCodeAt(0)] = 1;
  return table;
})();
