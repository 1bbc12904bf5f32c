/**
 * Tokens for the learned text models: lower-case words (with their apostrophe forms: "don't",
 * "customer's"), numbers, emoji, the common emoticons, and "!" / "?" (they carry feeling). Words
 * after a negation take a `not_` prefix up to the next punctuation or three words ("not happy at
 * all" → not, not_happy, not_at, not_all), the classic trick that lets a linear model learn that
 * "not good" is not "good".
 */

const TOKEN =
  /[a-z0-9]+(?:['’][a-z]+)*|[:;=8][-']?[)(dpo3\][/\\|*]|<3|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic})*|[!?]|[.,;:]/gu;

const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'nowhere',
  'neither',
  'nor',
  'without',
  'hardly',
  'cannot',
  'cant',
  'dont',
  'didnt',
  'doesnt',
  'isnt',
  'wasnt',
  'wont',
  'wouldnt',
  'couldnt',
  'shouldnt',
  'arent',
  'aint',
  'havent',
  'hasnt',
  'hadnt',
]);

const STOPS = new Set(['.', ',', ';', ':', '!', '?']);

export const isNegation = (token: string) => NEGATIONS.has(token) || token.endsWith("n't");

/** The tokens of a text, in order (see above). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  let negated = 0;
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    const token = match[0].replace('’', "'");
    if (STOPS.has(token)) {
      negated = 0;
      if (token === '!' || token === '?') out.push(token);
      continue;
    }
    if (isNegation(token)) {
      out.push(token);
      negated = 3;
      continue;
    }
    if (negated > 0) {
      out.push(`not_${token}`);
      negated--;
    } else out.push(token);
  }
  return out;
}
