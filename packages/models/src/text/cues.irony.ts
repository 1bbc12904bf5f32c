import type { Cue, CueMatch } from './cues.ts';

/**
 * Sarcasm in its commonest form: praise that opens a sentence ("Great, …", "Oh wonderful, …",
 * "Brilliant. …") about something that went wrong ("another week without internet", "moved for
 * the third time"). The praise word then means its opposite: its valence is cancelled and turned.
 */
const IRONIC_OPENER =
  /^(?:oh,? |ah,? |well,? )?(?:great|perfect|fantastic|brilliant|wonderful|lovely|awesome|super|marvellous|marvelous|excellent|amazing|fabulous|splendid|just great|good|oh good|oh joy|nice one|cool|love it|love that)\s*[,.!]+\s+/;
const WENT_WRONG =
  /\b(?:another|yet another|again|still|without|no |never|not |n't|delayed|late|down|broken|lost|cancel+ed|moved|hung up|on hold|chatbot|waiting|third|fourth|twice|\d+ (?:hours?|days?|weeks?|months?|times))/;

export function ironicOpener(lower: string): CueMatch | null {
  const opener = IRONIC_OPENER.exec(lower);
  if (!opener || !WENT_WRONG.test(lower.slice(opener[0].length))) return null;
  return { text: opener[0].trim(), cue: IRONY };
}
const IRONY: Cue = {
  anchors: [],
  pattern: IRONIC_OPENER,
  valence: -5,
  emotion: 'frustration',
  strength: 0.8,
};
