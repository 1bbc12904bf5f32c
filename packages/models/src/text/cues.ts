/**
 * Customer-service cues: phrases whose feeling no single word carries ("my order never arrived",
 * "third time I ask", "still not fixed", "works like a charm"). VADER scores words and the learned
 * model learned from Reddit comments; these phrases are how customers write to a company, and
 * they are the heart of what a CRM must hear. Each cue adds a valence (on VADER's raw scale, as
 * one more word would) and may signal an emotion with a strength in [0, 1].
 *
 * Sign-off formulas ("thanks in advance") are no feeling: they are taken out before scoring.
 */

import { ironicOpener } from './cues.irony.ts';

export type CueEmotion =
  | 'frustration'
  | 'gratitude'
  | 'anger'
  | 'fear'
  | 'sadness'
  | 'joy'
  | 'surprise'
  | 'disgust';

export interface Cue {
  /** At least one of these is in the text, or the pattern cannot match (a cheap test first). */
  anchors: readonly string[];
  pattern: RegExp;
  valence: number;
  emotion?: CueEmotion;
  strength?: number;
}

const W = "[a-z']+";
const cue = (
  anchors: string[],
  pattern: string,
  valence: number,
  emotion?: CueEmotion,
  strength = 0.8,
): Cue => ({
  anchors,
  pattern: new RegExp(`\\b(?:${pattern})\\b`, 'g'),
  valence,
  ...(emotion ? { emotion, strength } : {}),
});

export const CUES: readonly Cue[] = [
  // Waiting, repeating, being passed around: frustration.
  cue(
    ['still', 'yet'],
    `(?:still|yet) (?:not|no|nothing|waiting|haven't|hasn't|have not|has not|unresolved|broken|down)`,
    -1.6,
    'frustration',
    0.85,
  ),
  cue(
    ['second', 'third', 'fourth', 'fifth', '2nd', '3rd', '4th', '5th', 'th ', 'umpteenth', 'hundredth'],
    `(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\\d+th|umpteenth|hundredth) (?:time|call|email|chat|request|attempt|reminder)`,
    -1.6,
    'frustration',
    0.9,
  ),
  cue(
    ['times', 'over and over', 'again'],
    `(?:how many (?:more )?times|over and over|again and again|time and again|yet again|once again)`,
    -1.5,
    'frustration',
    0.85,
  ),
  cue(
    ['one', 'nobody'],
    `(?:no ?one|nobody|no-one) (?:${W} ){0,2}(?:answers?|answered|replies|replied|responds?|responded|called|calls|got back|gets back|helps?|helped|cares?|seems to care|knows?)`,
    -1.8,
    'frustration',
    0.9,
  ),
  cue(
    ['never', 'not yet', "n't", 'not'],
    `(?:never|not yet|hasn't|has not|haven't|have not|didn't|did not) (?:${W} ){0,2}(?:arrived|arrive|came|come|received|receive|delivered|got back|heard back|shipped|refunded|replied|responded)`,
    -1.8,
    'frustration',
    0.85,
  ),
  cue(
    ['no ', 'without'],
    `(?:no|without any?) (?:response|reply|answer|update|feedback|explanation|word)`,
    -1.4,
    'frustration',
    0.8,
  ),
  cue(
    ['hold', 'queue', 'wait'],
    `(?:on hold|in (?:a|the) queue|waiting|waited) (?:for )?(?:over |more than |almost |nearly )?(?:an? |\\d+ |two |three |four |five |several |many )?(?:hours?|days?|weeks?|months?|minutes?|mins?)`,
    -1.4,
    'frustration',
    0.8,
  ),
  cue(
    ['passed', 'transferred', 'bounced', 'sent'],
    `(?:passed|transferred|bounced|sent) (?:${W} ){0,2}(?:around|from one|between|back and forth)`,
    -1.6,
    'frustration',
    0.85,
  ),
  cue(
    ['keep', 'kept'],
    `(?:keeps?|kept) (?:on )?(?:crashing|failing|dropping|freezing|breaking|happening|asking|getting|charging|disconnecting)`,
    -1.5,
    'frustration',
    0.8,
  ),
  cue(
    ['not', 'isn', 'wasn', 'never'],
    `(?:not|isn't|is not|wasn't|still not|never) (?:been )?(?:fixed|resolved|sorted|solved|addressed|refunded|honou?red)`,
    -1.6,
    'frustration',
    0.8,
  ),
  cue(
    ['fed up', 'sick', 'enough', 'wits', 'patience', 'straw', 'frustrat'],
    `(?:fed up|sick (?:and tired )?of|had enough|at my wits'? end|losing (?:my )?patience|last straw|beyond frustrat\\w*)`,
    -2.4,
    'frustration',
    0.95,
  ),
  cue(
    ['promised', 'told', 'assured'],
    `(?:was|were|been) (?:promised|told|assured)`,
    -0.8,
    'frustration',
    0.6,
  ),
  cue(
    ['late', 'delayed', 'overdue'],
    `(?:is|are|was|were) (?:late|delayed|overdue) (?:again|once more)?`,
    -1.2,
    'frustration',
    0.7,
  ),
  cue(
    ['afraid'],
    `i'?m afraid (?:the|your|my|our|this) (?:${W} ){0,3}(?:late|delayed|again)`,
    -1.0,
    'frustration',
    0.7,
  ),
  // Things that went wrong.
  cue(['stop', 'quit'], `(?:stopped|stops|quit|quits) (?:working|charging|responding|connecting)`, -2.0),
  cue(
    ["n't", 'not'],
    `(?:doesn't|does not|didn't|did not|won't|will not|wouldn't|can't|cannot) (?:even )?(?:work|charge|turn on|switch on|connect|fit|load|open|hold a charge|sync|pair|start)`,
    -1.8,
  ),
  cue(
    ['wrong', 'damaged', 'broken', 'missing', 'faulty', 'defective', 'incorrect', 'used', 'opened'],
    `(?:wrong|damaged|broken|missing|faulty|defective|incorrect|used|opened) (?:item|items|part|parts|order|product|size|colour|color|package|parcel|box|invoice|bill|charge|amount)`,
    -1.6,
  ),
  cue(
    ['charged', 'billed'],
    `(?:charged|billed) (?:me )?(?:twice|double|two times|again|wrongly|incorrectly)|double[- ]charged|overbilled`,
    -1.8,
    'anger',
    0.7,
  ),
  cue(
    ['refund', 'money back', 'compensation'],
    `(?:want|need|demand|expect|request) (?:a |my |the )?(?:full )?(?:refund|money back|compensation)`,
    -1.4,
  ),
  cue(
    ['cancel', 'clos'],
    `(?:cancel|cancelling|canceling|close|closing) (?:my|our|the) (?:account|subscription|contract|membership|order)`,
    -1.0,
  ),
  cue(
    ['waste', 'never again', 'buy', 'worth', 'avoid', 'save your', 'elsewhere', 'stay away', 'beware'],
    `waste of (?:money|time)|(?:don't|dont|do not) waste (?:your |my |their )?(?:money|time|cash)|never again|do not buy|don't buy|dont buy|not worth (?:it|the)|avoid at all costs|save your money|look elsewhere|stay away|buyer beware`,
    -2.2,
  ),
  cue(
    ['back', 'return'],
    `(?:sending|send|sent|returning|return|returned|taking|took|bringing|brought) (?:it|them|this|these|the (?:${W} )?(?:item|items|product|unit|order|phone|device)) back|(?:returned|returning) (?:it|them|this|these)|(?:want|going|have|had) to return (?:it|them|this|these)|wish i could return`,
    -1.6,
  ),
  cue(
    ['expect', 'hoping', 'hoped', 'short', 'par', 'scratch'],
    `(?:expected|expecting|hoped for|hoping for|was hoping for) (?:a lot |much |far |so |something )?(?:better|more)|(?:fell|falls|fall) (?:far |well )?short|(?:below|did not meet|didn't meet|does not meet|doesn't meet) (?:my |our |the )?expectations|not up to (?:par|scratch|standard)`,
    -3.4, // outweighs the "better" or "more" it contains
    'sadness',
    0.6,
  ),
  cue(
    ['forever', 'crawl', 'slow'],
    `takes? forever|took forever|taking forever|(?:slows?|slowed) (?:down )?to a crawl|(?:painfully|excruciatingly|incredibly|unbearably|frustratingly) slow`,
    -1.6,
    'frustration',
    0.6,
  ),
  cue(
    ['after', 'within', 'easily', 'apart', 'quickly'],
    `(?:broke|broken|fell apart|falls apart|died|dies|cracked|stopped working|gave out|gave up) (?:${W} )?(?:after|within) (?:${W} ){0,2}(?:days?|weeks?|months?|uses?|hours?|charges?)|(?:breaks?|broke|cracks?|cracked) (?:really |very |too |so )?easil?y|fell apart|falls apart|(?:battery|charge) (?:${W} ){0,2}(?:runs? (?:down|out)|drains?|dies) (?:${W} ){0,1}(?:quickly|fast|in (?:a |an |\\d+ |two |three |a few )?(?:hours?|minutes?))`,
    -1.8,
  ),
  cue(
    ['described', 'advertised', 'pictured', 'promised', 'ordered'],
    `(?:not|isn't|wasn't|never) (?:as|what was) (?:described|advertised|pictured|promised|ordered)`,
    -1.8,
  ),
  cue(
    ['production', 'line', 'spec', 'deviation', 'conformance', 'recall'],
    `production (?:line )?(?:stopped|halted|down|standstill)|line (?:stopped|down)|out of spec|out-of-spec|deviation|non-?conformance|recall`,
    -1.6,
    'fear',
    0.6,
  ),
  cue(
    ['worried', 'concerned', 'anxious', 'nervous', 'scared', 'afraid'],
    `(?:worried|concerned|anxious|nervous|scared|afraid) (?:about|that|because|if)`,
    -1.2,
    'fear',
    0.8,
  ),
  // Things that went right.
  cue(
    ['work'],
    `works? (?:great|perfectly|perfect|well|fine|flawlessly|like a charm|as (?:expected|advertised|described))`,
    2.0,
    'joy',
    0.7,
  ),
  cue(
    ['happier', 'better', 'complain', 'wrong', 'beat', 'ask for more'],
    `(?:couldn't|could not|can't|cannot|could ?n't) (?:be|have been) (?:any )?(?:happier|more pleased|more satisfied|better)|(?:can't|cannot|could not|couldn't) (?:complain|go wrong|beat (?:it|that|the price))|(?:couldn't|could not) ask for (?:anything )?more|no complaints|nothing to complain about`,
    3.0,
    'joy',
    0.8,
  ),
  cue(
    ['job', 'does what', 'does exactly'],
    `(?:gets|got|get|does|did) the job done|does (?:the|its) job|does (?:exactly )?what it (?:says|should|promises|claims)`,
    1.6,
  ),
  cue(
    ['recommend'],
    `(?:highly|would|definitely|strongly) recommend|recommend (?:it|them|you|this) (?:to|highly)`,
    2.2,
    'joy',
    0.7,
  ),
  cue(
    ['expectations', 'above and beyond', 'extra mile'],
    `(?:exceeded|beyond) (?:my |our |all )?expectations|above and beyond|went the extra mile`,
    2.6,
    'joy',
    0.8,
  ),
  cue(
    ['early', 'quick', 'fast', 'prompt', 'on time', 'schedule', 'next day', 'same day', 'no time'],
    `(?:arrived|came|delivered|shipped|sorted|fixed|resolved) (?:${W} )?(?:early|quickly|fast|promptly|on time|ahead of schedule|the next day|same day|in no time)`,
    1.8,
  ),
  cue(
    ['value', 'stars', '10/10', 'a+'],
    `(?:good|great|excellent) value|value for money|five stars|5 stars|10/10|a\\+{1,2}`,
    2.0,
    'joy',
    0.6,
  ),
  cue(
    ['appreciat', 'grateful', 'thank'],
    `(?:really|truly|much|greatly|very much|so much|deeply) appreciated?|(?:really|so|very|truly) grateful|thank(?:s| you) (?:so|very) much|many thanks|thanks a (?:lot|million|bunch)|thank you for (?:going|sorting|fixing|resolving|your patience|the quick|the fast|your help)`,
    2.0,
    'gratitude',
    0.9,
  ),
  cue(
    ['expect', 'surprise', 'out of the blue'],
    `(?:didn't|did not|never) expect|what a (?:lovely |nice )?surprise|pleasantly surprised|out of the blue|to my surprise`,
    0.8,
    'surprise',
    0.8,
  ),
  cue(
    ['hair', 'bug', 'insect', 'cockroach', 'slug', 'mould', 'mold', 'maggot', 'fly', 'covered'],
    `(?:hair|bug|insect|cockroach|slug|mould|mold|maggots?|fly) (?:in|on) (?:my|the|our)|covered in (?:mould|mold|dirt|stains)`,
    -2.2,
    'disgust',
    0.9,
  ),
  // Irony: thanks for nothing, praise in scare quotes, the eye-roll emoji.
  cue(
    ['nothing', 'thanks a', 'cheers for'],
    `thanks for nothing|thanks a (?:lot|bunch) for (?:nothing|wasting|ruining)|cheers for nothing`,
    -2.6,
    'anger',
    0.7,
  ),
  cue(
    ['"'],
    `"(?:help|helpful|guaranteed|brand new|next day(?: delivery)?|express|premium|priority|support|customer service|service|delivered|resolved|fixed|sorry|urgent)"`,
    -1.5,
    'frustration',
    0.6,
  ),
  {
    anchors: ['🙄', '😒', '😑'],
    pattern: /🙄|😒|😑/gu,
    valence: -1.8,
    emotion: 'frustration',
    strength: 0.8,
  },
  { anchors: ['🙃'], pattern: /🙃/gu, valence: -1.2, emotion: 'frustration', strength: 0.6 },
  {
    anchors: ['😤', '😠', '😡', '🤬'],
    pattern: /😤|😠|😡|🤬/gu,
    valence: -2.4,
    emotion: 'anger',
    strength: 0.85,
  },
];

/** Sign-off formulas: courtesy, not feeling. */
export const FORMULAS =
  /\b(?:thanks|thank you|thx|ty)(?: (?:very much|so much|a lot))?,? (?:in advance|for your (?:time|attention|help in advance))\b|\b(?:kind|best|warm)(?:est)? regards\b|\bmany thanks in advance\b|\bthanks and regards\b/gi;

export interface CueMatch {
  text: string;
  cue: Cue;
}

/** The cues in a lower-case sentence (the ironic opener first, if any: cues.irony.ts). */
export function findCues(lower: string): CueMatch[] {
  const irony = ironicOpener(lower);
  const found: CueMatch[] = irony ? [irony] : [];
  for (const c of CUES) {
    if (!c.anchors.some((a) => lower.includes(a))) continue;
    c.pattern.lastIndex = 0;
    for (const match of lower.matchAll(c.pattern)) found.push({ text: match[0], cue: c });
  }
  return found;
}
