/**
 * What customers write about the two demo companies in public: reviews by star rating and
 * social posts, with {slots} the generator fills ({product}, {city}, {days}, {first}). Written
 * for the demo; no text is taken from a real review.
 */

export interface ReviewText {
  title: string | null;
  text: string;
}

const t = (title: string | null, text: string): ReviewText => ({ title, text });

/** Bean & Leaf reviews of the web shop and the app (Trustpilot, App Store, Google Play), by stars. */
export const SHOP_REVIEWS: Record<1 | 2 | 3 | 4 | 5, ReviewText[]> = {
  5: [
    t(
      'Best beans I have ordered online',
      'The {product} arrived two days after roasting and it shows. Smells amazing the moment you open the bag.',
    ),
    t(
      'Subscription that just works',
      'Third month of the subscription and every bag has been on time. Skipping a delivery in the app takes ten seconds.',
    ),
    t(
      'Great service',
      'One bag arrived torn, I sent a photo and a new one was on its way the same afternoon. Thank you!',
    ),
    t(
      null,
      'Lovely {product}, chocolatey and smooth. My partner who "does not like coffee" now drinks it every morning.',
    ),
    t(
      'Gift box was a hit',
      'Ordered the gift box for my father, the handwritten card was a very nice touch. He has already reordered himself.',
    ),
    t(
      'Finally a decaf that tastes like coffee',
      'I have tried many decafs and the {product} is the first I would happily drink in the afternoon.',
    ),
  ],
  4: [
    t(
      'Very good coffee, shipping a bit slow',
      'Excellent {product}, but it took {days} days to arrive this time. Still my favourite roaster.',
    ),
    t('Good app', 'Easy to reorder and I like the brew guides. Would love a dark mode.'),
    t(null, 'Tasty {product} and fair prices. The grind for French press could be a little coarser.'),
    t(
      'Nice beans, fiddly packaging',
      'Coffee is great. The resealable zip on the bag broke on the second day though.',
    ),
  ],
  3: [
    t('Okay but not special', 'The {product} was fine, nothing more. Expected more flavour for the price.'),
    t(
      'Mixed experience',
      'Coffee is good, but I had to contact support twice because my address change was not saved.',
    ),
    t(null, 'Delivery was late and the tracking link did not work, the coffee itself was good.'),
  ],
  2: [
    t(
      'Disappointed this time',
      'The last bag of {product} tasted stale, the roast date was over a month ago. Not what I am used to from you.',
    ),
    t(
      'App keeps logging me out',
      'I have to sign in again every time I open the app, which makes reordering annoying.',
    ),
  ],
  1: [
    t(
      'Order never arrived',
      'Ordered {days} days ago, still nothing, and nobody answers my emails. Very frustrating.',
    ),
    t('Charged twice', 'I was charged twice for one order and have been waiting over a week for the refund.'),
    t(
      'Subscription impossible to cancel',
      'Tried to cancel in the app, it says error every time. I do not want another delivery.',
    ),
  ],
};

/** Google reviews of the cafés, by stars. */
export const CAFE_REVIEWS: Record<1 | 2 | 3 | 4 | 5, ReviewText[]> = {
  5: [
    t(null, 'Best flat white in {city}. Friendly baristas and they let you taste the beans before buying.'),
    t(null, 'Cosy place, great cinnamon buns, and the pour-over is made with real care.'),
    t(null, 'Took the barista course here, learned a lot in one evening. Highly recommended.'),
  ],
  4: [
    t(null, 'Lovely coffee and cake. Can get crowded on Saturday mornings.'),
    t(null, 'Great espresso, a few more seats would be nice.'),
  ],
  3: [t(null, 'Coffee good, service slow when it is busy. Card machine was broken.')],
  2: [t(null, 'Waited twenty minutes for two cappuccinos, and one was lukewarm.')],
  1: [t(null, 'Rude staff at the counter today, will not come back to this branch.')],
};

/** Posts that mention Bean & Leaf on Instagram, X, TikTok and Reddit. */
export const SHOP_MENTIONS: ReviewText[] = [
  t(null, 'Sunday morning sorted ☕ {product} from @beanandleaf and the new pour-over kettle'),
  t(null, 'Latte art attempt number 37. The beans are from @beanandleaf, the wobbly heart is all mine'),
  t(null, 'Anyone else think the @beanandleaf {product} got better this year? Tastes fruitier to me'),
  t(null, 'Shoutout to the team at the {city} café for remembering my order every single time'),
  t(null, 'Hey @beanandleaf my subscription box is {days} days late, any news?'),
  t(null, 'Unboxing the advent calendar from @beanandleaf, day one is a Kenyan filter coffee'),
  t(
    null,
    'Recommendations for a roaster that delivers to the Netherlands? Bean & Leaf has been good to me so far.',
  ),
  t(null, 'Bean & Leaf support sorted my broken grinder in one email. That is how it should be done.'),
  t(null, 'Not impressed with @beanandleaf lately, two orders in a row arrived with crushed bags'),
  t(null, 'Cold brew season is here, {product} steeped overnight and it is perfect'),
];

/** G2-style reviews of Helvetia's contract manufacturing, by stars. */
export const SUPPLIER_REVIEWS: Record<1 | 2 | 3 | 4 | 5, ReviewText[]> = {
  5: [
    t(
      'Reliable partner for precision parts',
      'We moved our CNC housings to Helvetia two years ago. Quality reports are thorough and first-pass yield has been excellent.',
    ),
    t(
      'Engineering support that thinks along',
      'Their engineers suggested a tolerance change that cut our machining cost without touching function. Rare to see.',
    ),
  ],
  4: [
    t(
      'Great quality, lead times can slip',
      'Parts are consistently in spec. Twice this year a batch shipped a week late, but they told us early.',
    ),
    t(
      'Solid supplier',
      'Responsive account management and clear documentation. Pricing is on the higher side for small runs.',
    ),
  ],
  3: [
    t(
      'Good parts, slow quotes',
      'Quality is fine but quotes for new parts take too long, we lost a project because of it.',
    ),
  ],
  2: [
    t(
      'Quality issues last quarter',
      'Two batches with surface defects in a row. Corrective actions are in place, we will see.',
    ),
  ],
  1: [
    t(
      'Missed deadlines',
      'Three late deliveries in a row stopped our assembly line. We are evaluating alternative manufacturers.',
    ),
  ],
};

/** LinkedIn posts that mention Helvetia. */
export const SUPPLIER_MENTIONS: ReviewText[] = [
  t(
    null,
    'Visited Helvetia Contract Manufacturing this week for our supplier audit. Impressive clean room and a team that knows its numbers.',
  ),
  t(
    null,
    'Proud to share that our new pump housing went from drawing to first article in six weeks, together with Helvetia.',
  ),
  t(
    null,
    'Great panel on nearshoring at the trade fair today with speakers from Helvetia and two of their customers.',
  ),
  t(
    null,
    'Looking for recommendations: contract manufacturers in Europe for small aluminium parts. Helvetia came up twice already.',
  ),
  t(
    null,
    'Five years of working with Helvetia on our sensor line. Thank you to the whole quality team for the partnership.',
  ),
];
