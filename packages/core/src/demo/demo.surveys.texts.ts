/**
 * What demo respondents write in the comment of an NPS or CSAT survey, by how they scored:
 * high (promoters, satisfied), middle (passives, neutral), low (detractors, dissatisfied).
 * `{owner}` is the first name of the person's account owner, `[a|b]` picks one.
 */
export interface CommentPools {
  high: readonly string[];
  middle: readonly string[];
  low: readonly string[];
}

export const B2B_NPS: CommentPools = {
  high: [
    '{owner} knows our products better than some of our own people. That is why we keep coming back.',
    'Batch records are complete and on time, every time. Our QA team has nothing to chase.',
    'The tech transfer for our second product went faster than we planned. Very professional team.',
    'Reliable quality and honest communication when something goes wrong. Exactly what we need from a CMO.',
    'Your team handled the FDA pre-approval inspection with us without any drama. [Thank you.|Impressive.]',
    'Fast answers from {owner}, and the deviations are closed properly, not just papered over.',
    'We audited three contract manufacturers last year; you were the only one without a major finding.',
    'Flexible on short-notice slots when our demand spiked in [spring|autumn]. We noticed.',
    'Solid partner. The monthly review calls with {owner} keep everyone aligned.',
    'Packaging changes are turned around quickly and the artwork proofs are always right the first time.',
  ],
  middle: [
    'Quality is good, but lead times have crept up [this year|since the summer].',
    'Generally fine. Invoices sometimes do not match the purchase order lines and need a second round.',
    'Good manufacturing, average communication. We often learn about delays from the logistics partner first.',
    'The product is right; the paperwork for change controls takes longer than it should.',
    'Competent team, but prices went up twice in twelve months.',
    'Happy with {owner}, less happy with how long complaint investigations take to close.',
    'We would recommend you for standard products. For complex formulations we are not sure yet.',
    'OK overall. The customer portal is hard to use and we still email for everything.',
  ],
  low: [
    'Two late deliveries in a row put our launch at risk. Nobody called us before the due date.',
    'The last complaint took [seven|nine] weeks to get a root cause. That is not acceptable for a GMP supplier.',
    'We keep getting different answers from different people. Please give us one contact who owns our account.',
    'Certificates of analysis arrived after the goods, again. Our warehouse cannot release without them.',
    'Price increase announced with two weeks notice. We are now qualifying a second source.',
    'Since {owner} took over our account the follow-ups have slipped. Promised call-backs do not happen.',
    'The capacity you committed to for Q[1|2|3|4] was given to someone else. We found out by accident.',
    'Quality has been fine, but the relationship feels transactional now. Nobody visits us anymore.',
    'Deviation reports are too vague. We had to escalate to your quality head to get details.',
    'Third shipment this year with damaged outer cartons. The goods were fine, the handling was not.',
  ],
};

export const B2B_CSAT: CommentPools = {
  high: [
    'Quick, clear answer. Problem solved the same day.',
    '{owner} called back within the hour as promised. Thank you.',
    'The replacement certificate came within a day. Perfect.',
    'Very helpful, and you told us what you would change so it does not happen again.',
    'Clear explanation of the delay and a realistic new date. That is all we ask for.',
    'Friendly and competent. The sample request was handled without any back and forth.',
  ],
  middle: [
    'Solved in the end, but I had to ask twice.',
    'The answer was correct but took three days.',
    'Fine, though I was passed between two departments first.',
    'OK. A tracking number up front would have saved us a call.',
  ],
  low: [
    'Still waiting for the corrected invoice after two reminders.',
    'Nobody took ownership. I explained the issue three times to three people.',
    'The answer did not address our question about the out-of-spec result at all.',
    'Promised a call back on [Monday|Tuesday|Thursday]; it never came.',
    'Closed the ticket without asking us whether the problem was solved.',
  ],
};

export const B2C_NPS: CommentPools = {
  high: [
    'Best espresso beans I have found online, and they arrive a few days after roasting. Love it.',
    'The subscription just works. Fresh coffee every two weeks and I never have to think about it.',
    'I recommended you to my whole office. The [Velvet Espresso|Morning Ritual blend] is a hit.',
    'Lovely packaging, great coffee, and you actually answer emails. Rare these days.',
    'The barista course was brilliant. My latte art went from blob to heart in one afternoon.',
    'Consistently good. The tasting notes on the bag are spot on.',
    'Friendly team and the decaf is the first one that tastes like real coffee.',
    'Fast delivery and the beans are always fresh. [Keep it up!|Will order again.]',
    'Your café staff know their stuff. I buy the beans I had there every month now.',
    'Great value for specialty coffee, and the free samples in each order are a nice touch.',
  ],
  middle: [
    'Coffee is great, shipping costs are a bit high for small orders.',
    'Good beans, but the delivery took a week this time.',
    'I like the coffee. The website could remember my grind setting.',
    'Nice teas, though the selection of green teas is small.',
    'Mostly happy. One bag was ground although I ordered whole beans.',
    'Fine, but I wish the subscription were easier to pause when I travel.',
    'Good quality, a little expensive compared to the supermarket specialty range.',
    'The coffee is good; the paper bags do not reseal very well.',
  ],
  low: [
    'My order arrived late and the bag was split open. Coffee all over the box.',
    'Charged twice for one subscription delivery and it took weeks to get the refund.',
    'The new roast of the [house blend|Morning Ritual] is much more bitter. Not what I signed up for.',
    'Customer service took five days to reply to a simple question about my order.',
    'Wrong grind twice in a row. I use a French press, not an espresso machine.',
    'The parcel was left outside in the rain. Nobody responded to my photo.',
    'Prices went up and the bags got smaller. Not impressed.',
    'Cancelled my subscription online but I was still charged the next month.',
  ],
};

export const B2C_CSAT: CommentPools = {
  high: [
    'Sorted out in one email. Thank you!',
    'Replacement bag sent the same day, no questions asked. Great service.',
    'Really friendly on the phone and the refund was there two days later.',
    'Quick answer and a useful tip for my grinder setting too.',
    'You paused my subscription straight away. Easy.',
    'Super helpful with the gift order, it arrived in time for the birthday.',
  ],
  middle: [
    'Solved, but it took a few days to hear back.',
    'Helpful answer, though I had to explain my order number twice.',
    'Fine. I would have preferred a refund instead of a voucher.',
    'OK, but the chat closed before I could ask my second question.',
  ],
  low: [
    'Still no answer about my missing parcel.',
    'The reply was a copy-paste that did not match my question.',
    'I was promised a refund and it never came.',
    'Nobody called back, although the chat said someone would within a day.',
    'Took three emails to cancel a subscription. Please make this simpler.',
  ],
};
