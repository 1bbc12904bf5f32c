/** The two product catalogs: Helvetia's manufacturing services and Bean & Leaf's shop. */

export type Family = 'sterile' | 'osd' | 'device' | 'tooling' | 'services' | 'rtu';

export interface B2BProduct {
  sku: string;
  name: string;
  family: Family;
  /** How people say it in a sentence: "the 10R vial batch". */
  spoken: string;
  /** List price in CHF (whole francs). */
  chf: number;
  /** Typical quantity per order line. */
  qty: readonly [number, number];
  description: string;
}

const b2b = (
  sku: string,
  family: Family,
  name: string,
  spoken: string,
  chf: number,
  qty: readonly [number, number],
  description: string,
): B2BProduct => ({ sku, family, name, spoken, chf, qty, description });

// biome-ignore format: a data table reads best one product per line
export const B2B_PRODUCTS: readonly B2BProduct[] = [
  b2b('FF-VIAL-2R', 'sterile', 'Aseptic fill-finish batch, 2R vials', 'the 2R vial batch', 68_000, [1, 3], 'Up to 20,000 units per batch, Grade A isolator line in Liestal.'),
  b2b('FF-VIAL-10R', 'sterile', 'Aseptic fill-finish batch, 10R vials', 'the 10R vial batch', 74_000, [1, 3], 'Up to 12,000 units per batch, including 100% in-process weight control.'),
  b2b('FF-SYR-1ML', 'sterile', 'Prefilled syringe filling batch, 1 mL long', 'the syringe batch', 92_000, [1, 2], 'Nested RTU syringes, up to 25,000 units per batch.'),
  b2b('FF-LYO', 'sterile', 'Lyophilisation cycle', 'the lyophilisation run', 38_000, [1, 2], 'Freeze-drying cycle per batch, with cycle monitoring report.'),
  b2b('FF-MEDIAFILL', 'sterile', 'Aseptic process simulation (media fill)', 'the media fill', 26_000, [1, 1], 'Three-run media fill for line qualification.'),
  b2b('FF-VISINSP', 'sterile', '100% visual inspection, per 10,000 units', 'the visual inspection', 4_800, [1, 4], 'Semi-automated inspection with AQL sampling.'),
  b2b('OSD-TAB-GRAN', 'osd', 'Granulation and tablet compression batch (500 kg)', 'the tablet batch', 42_000, [1, 4], 'High-shear wet granulation, compression on rotary press.'),
  b2b('OSD-TAB-COAT', 'osd', 'Film coating run (500 kg)', 'the coating run', 12_500, [1, 4], 'Aqueous film coating in a perforated pan.'),
  b2b('OSD-CAP-FILL', 'osd', 'Hard capsule filling batch (1 million capsules)', 'the capsule batch', 36_000, [1, 3], 'Automatic capsule filling with checkweighing.'),
  b2b('OSD-BLISTER', 'osd', 'Blister packaging run, per 100,000 packs', 'the blister run', 18_000, [1, 5], 'Alu-alu or PVC/PVDC blisters, cartoning included.'),
  b2b('OSD-SERIAL', 'osd', 'Serialisation and aggregation set-up per SKU', 'the serialisation set-up', 9_500, [1, 2], 'EU FMD and US DSCSA compliant.'),
  b2b('MT-MOULD-RUN', 'device', 'Medical-grade injection moulding run, per 100,000 parts', 'the moulding run', 14_500, [1, 6], 'ISO 13485 moulding in ISO 8 cleanroom.'),
  b2b('MT-CR-ASSY', 'device', 'ISO 7 cleanroom assembly, per 10,000 units', 'the cleanroom assembly lot', 22_000, [1, 5], 'Manual and semi-automated assembly with full traceability.'),
  b2b('MT-CATH-SUB', 'device', 'Catheter sub-assembly, per 1,000 units', 'the catheter sub-assemblies', 8_400, [2, 10], 'Tipping, bonding and leak testing.'),
  b2b('MT-PEN-ASSY', 'device', 'Pen-injector final assembly, per 10,000 units', 'the pen-injector lot', 31_000, [1, 4], 'Final assembly, dose accuracy testing, labelling.'),
  b2b('MT-KIT', 'device', 'Device labelling and kitting, per 5,000 kits', 'the kitting order', 6_200, [1, 6], 'Procedure kits, UDI labelling, sterile barrier packaging.'),
  b2b('MT-ETO', 'device', 'EtO sterilisation cycle (coordinated)', 'the sterilisation cycle', 7_800, [1, 3], 'Coordinated with our sterilisation partner, with release documentation.'),
  b2b('MT-PACK-VAL', 'device', 'Sterile barrier packaging validation (ISO 11607)', 'the packaging validation', 28_000, [1, 1], 'Seal strength, dye penetration and accelerated ageing.'),
  b2b('TL-MOULD-8C', 'tooling', 'Injection mould, 8-cavity, hot runner', 'the 8-cavity tool', 145_000, [1, 1], 'Hardened steel tool with cavity pressure sensors.'),
  b2b('TL-MOULD-16C', 'tooling', 'Injection mould, 16-cavity, hot runner', 'the 16-cavity tool', 238_000, [1, 1], 'High-volume tool, including T0 to T2 trials.'),
  b2b('TL-REFURB', 'tooling', 'Mould refurbishment and requalification', 'the tool refurbishment', 32_000, [1, 1], 'Refurbishment, dimensional report and OQ.'),
  b2b('TL-FIXTURE', 'tooling', 'Assembly fixture and gauge set', 'the fixture set', 18_500, [1, 2], 'Fixtures and gauges for assembly and inspection.'),
  b2b('TL-FORMAT', 'tooling', 'Format parts for the filling line', 'the format parts', 24_000, [1, 1], 'Change parts for a new container format.'),
  b2b('SV-TT', 'services', 'Technology transfer package', 'the tech transfer', 85_000, [1, 1], 'Gap assessment, process transfer and engineering batches.'),
  b2b('SV-PPQ', 'services', 'Process performance qualification (3 batches)', 'the PPQ campaign', 120_000, [1, 1], 'Protocol, execution and report for three PPQ batches.'),
  b2b('SV-AMT', 'services', 'Analytical method transfer', 'the method transfer', 22_000, [1, 3], 'Comparative testing and transfer report per method.'),
  b2b('SV-STAB-12', 'services', 'ICH stability study, 12 months', 'the 12-month stability study', 34_000, [1, 2], 'Long-term and accelerated conditions, five time points.'),
  b2b('SV-STAB-36', 'services', 'ICH stability study, 36 months', 'the 36-month stability study', 76_000, [1, 1], 'Shelf-life study with annual reports.'),
  b2b('SV-CLEANVAL', 'services', 'Cleaning validation', 'the cleaning validation', 29_000, [1, 1], 'Worst-case product matrix, swab and rinse methods.'),
  b2b('SV-RELEASE', 'services', 'Expedited QA batch release', 'the expedited release', 3_500, [1, 3], 'Batch record review and QP release within 48 hours.'),
  b2b('SV-DEV', 'services', 'Formulation development, per work package', 'the development work package', 48_000, [1, 2], 'Feasibility, prototypes and development report.'),
  b2b('SV-CMC', 'services', 'Regulatory documentation support (CMC Module 3)', 'the CMC documentation', 26_000, [1, 1], 'Drafting and review of Module 3 sections.'),
  b2b('SV-STORE', 'services', 'Temperature-controlled storage, per pallet-month', 'the storage', 180, [10, 120], '2-8 °C or 15-25 °C, monitored and alarmed.'),
  b2b('SV-AUDIT', 'services', 'Customer audit hosting, per day', 'the audit days', 2_400, [1, 3], 'Hosting of customer and authority audits.'),
  b2b('RTU-VIAL-2R', 'rtu', 'ReadyFill RTU vial nest, 2R (box of 1,000)', 'the ReadyFill vial nests', 890, [10, 80], 'Washed, depyrogenated and sterilised vials in nest and tub.'),
  b2b('RTU-SYR-1ML', 'rtu', 'ReadyFill RTU syringe tub, 1 mL (box of 1,600)', 'the ReadyFill syringe tubs', 1_240, [10, 60], 'Sterile nested syringes with tip caps.'),
  b2b('RTU-STOPPER', 'rtu', 'ReadyFill RTU stoppers (bag of 5,000)', 'the ReadyFill stoppers', 410, [10, 100], 'Coated bromobutyl stoppers, ready to use.'),
];

/** The coffee that sold out a few months ago: inactive in the catalog, and missed by its fans. */
export const SOLD_OUT = 'CF-RWA-KIV-250';

export type ShopCategory = 'coffee' | 'tea' | 'equipment' | 'gift_card' | 'gift' | 'subscription' | 'merch';
export type Taste = 'espresso' | 'filter' | 'tea' | 'press';

export interface ShopProduct {
  sku: string;
  name: string;
  category: ShopCategory;
  /** Price in euro cents, VAT included. */
  cents: number;
  /** Which brewing tastes it fits; empty = everyone. */
  tastes: readonly Taste[];
  /** Months (1-12) in which it is sold; empty = all year. */
  months: readonly number[];
  description: string;
}

const shop = (
  sku: string,
  category: ShopCategory,
  name: string,
  euros: number,
  tastes: readonly Taste[],
  description: string,
  months: readonly number[] = [],
): ShopProduct => ({ sku, category, name, cents: Math.round(euros * 100), tastes, months, description });

const E: Taste[] = ['espresso'];
const F: Taste[] = ['filter'];
const P: Taste[] = ['press'];
const EP: Taste[] = ['espresso', 'press'];
const FP: Taste[] = ['filter', 'press'];
const T: Taste[] = ['tea'];

// biome-ignore format: a data table reads best one product per line
export const SHOP_PRODUCTS: readonly ShopProduct[] = [
  shop('CF-ETH-YIR-250', 'coffee', 'Ethiopia Yirgacheffe, 250 g', 12.9, F, 'Washed heirloom varieties; jasmine, bergamot and lemon.'),
  shop('CF-ETH-GUJ-250', 'coffee', 'Ethiopia Guji Natural, 250 g', 13.5, F, 'Natural process; blueberry, cocoa and honey.'),
  shop('CF-KEN-NYE-250', 'coffee', 'Kenya Nyeri AA, 250 g', 14.5, F, 'Blackcurrant, grapefruit and a juicy body.'),
  shop('CF-COL-HUI-250', 'coffee', 'Colombia Huila, 250 g', 11.9, FP, 'Red apple, caramel and milk chocolate.'),
  shop('CF-COL-HUI-1K', 'coffee', 'Colombia Huila, 1 kg', 39.9, FP, 'Red apple, caramel and milk chocolate.'),
  shop('CF-COL-DEC-250', 'coffee', 'Colombia Decaf (sugarcane process), 250 g', 12.5, [], 'Naturally decaffeinated with ethyl acetate from sugarcane.'),
  shop('CF-BRA-CER-250', 'coffee', 'Brazil Cerrado, 250 g', 9.9, EP, 'Hazelnut, cocoa and low acidity.'),
  shop('CF-BRA-CER-1K', 'coffee', 'Brazil Cerrado, 1 kg', 32.9, EP, 'Hazelnut, cocoa and low acidity.'),
  shop('CF-GUA-ANT-250', 'coffee', 'Guatemala Antigua, 250 g', 12.5, FP, 'Dark chocolate, spice and orange peel.'),
  shop('CF-CRI-TAR-250', 'coffee', 'Costa Rica Tarrazú Honey, 250 g', 13.9, F, 'Honey process; peach, brown sugar and almond.'),
  shop('CF-PER-CAJ-250', 'coffee', 'Peru Cajamarca, 250 g', 11.5, FP, 'Organic; toffee, plum and walnut.'),
  shop('CF-RWA-KIV-250', 'coffee', 'Rwanda Lake Kivu, 250 g', 13.9, F, 'Red berries, black tea and cane sugar.'),
  shop('CF-SUM-MAN-250', 'coffee', 'Sumatra Mandheling, 250 g', 12.9, P, 'Earthy, cedar, dark chocolate.'),
  shop('CF-PAN-GEI-100', 'coffee', 'Panama Geisha (limited), 100 g', 24.9, F, 'Bergamot, jasmine and tropical fruit; very limited lot.'),
  shop('CF-BL-VELVET-250', 'coffee', 'Velvet Espresso blend, 250 g', 11.9, E, 'Our house espresso: milk chocolate, roasted almond, silky crema.'),
  shop('CF-BL-VELVET-1K', 'coffee', 'Velvet Espresso blend, 1 kg', 38.9, E, 'Our house espresso in the bar size.'),
  shop('CF-BL-HARBOUR-250', 'coffee', 'Morning Harbour blend, 250 g', 10.9, FP, 'Balanced everyday filter blend.'),
  shop('CF-BL-NIGHT-250', 'coffee', 'Nightshift dark roast, 250 g', 10.9, EP, 'Bold, smoky, bittersweet; great in a moka pot.'),
  shop('CF-BL-WINTER-250', 'coffee', 'Winter Fireside blend, 250 g', 12.9, [], 'Seasonal: baked apple, cinnamon notes, dark cocoa.', [11, 12, 1]),
  shop('CF-BL-COLD-500', 'coffee', 'Cold Brew blend, coarse, 500 g', 15.9, P, 'Seasonal: for overnight cold brew.', [6, 7, 8]),
  shop('CF-BL-VELVET-POD', 'coffee', 'Velvet Espresso compostable capsules, 30 pcs', 10.5, E, 'Compatible capsules, home compostable.'),
  shop('TE-DAR-FF-100', 'tea', 'Darjeeling First Flush, 100 g', 14.9, T, 'Spring harvest, floral and muscatel.'),
  shop('TE-ASS-BRK-100', 'tea', 'Assam Breakfast, 100 g', 6.9, T, 'Malty and strong; takes milk well.'),
  shop('TE-SENCHA-100', 'tea', 'Japanese Sencha, 100 g', 11.9, T, 'Grassy, sweet, bright green cup.'),
  shop('TE-GENMAI-100', 'tea', 'Genmaicha, 100 g', 8.9, T, 'Green tea with toasted rice.'),
  shop('TE-EARL-100', 'tea', 'Earl Grey Cream, 100 g', 7.9, T, 'Black tea, bergamot and vanilla.'),
  shop('TE-CHAI-100', 'tea', 'Chai Spice, 100 g', 7.5, T, 'Assam with cardamom, ginger, cinnamon and clove.'),
  shop('TE-ROOI-100', 'tea', 'Rooibos Vanilla, 100 g', 6.9, T, 'Caffeine-free, sweet and round.'),
  shop('TE-CHAM-50', 'tea', 'Chamomile Blossoms, 50 g', 5.9, T, 'Whole flowers, caffeine-free.'),
  shop('TE-JASM-50', 'tea', 'Jasmine Pearls, 50 g', 12.9, T, 'Hand-rolled green tea scented with jasmine.'),
  shop('TE-MATCHA-30', 'tea', 'Ceremonial Matcha, 30 g', 23.9, T, 'Stone-ground, from Uji.'),
  shop('TE-WINTER-100', 'tea', 'Winter Spice rooibos, 100 g', 7.9, T, 'Seasonal: orange, clove and almond.', [11, 12, 1]),
  shop('EQ-GRIND-HAND', 'equipment', 'Hand grinder with steel burrs', 89, FP, 'Conical steel burrs, 40 clicks.'),
  shop('EQ-GRIND-ELEC', 'equipment', 'Electric burr grinder', 189, EP, 'Flat burrs, 40 settings, for espresso to French press.'),
  shop('EQ-DRIP-CER', 'equipment', 'Ceramic pour-over dripper', 29, F, 'Handmade in Portugal; fits size 02 filters.'),
  shop('EQ-FILTER-100', 'equipment', 'Paper filters, size 02, 100 pcs', 5.9, F, 'Oxygen-bleached.'),
  shop('EQ-PRESS-1L', 'equipment', 'French press, 1 litre', 39, P, 'Borosilicate glass, stainless frame.'),
  shop('EQ-MOKA-6', 'equipment', 'Moka pot, 6 cups', 34, EP, 'Aluminium stovetop espresso maker.'),
  shop('EQ-KETTLE', 'equipment', 'Gooseneck kettle with thermometer', 79, F, 'For precise pour-over.'),
  shop('EQ-TAMPER', 'equipment', 'Espresso tamper, 58 mm', 29, E, 'Stainless steel, walnut handle.'),
  shop('EQ-MILKJUG', 'equipment', 'Milk jug, 350 ml', 19, E, 'For latte art.'),
  shop('EQ-SCALE', 'equipment', 'Coffee scale with timer', 45, ['espresso', 'filter'], '0.1 g precision, auto-timer.'),
  shop('EQ-COLDBOTTLE', 'equipment', 'Cold brew bottle, 1 litre', 27, P, 'Glass bottle with fine mesh filter.'),
  shop('EQ-TEAPOT', 'equipment', 'Cast iron teapot, 0.8 litre', 59, T, 'Enamelled inside, with infuser.'),
  shop('EQ-INFUSER', 'equipment', 'Stainless tea infuser', 12, T, 'Fine mesh, fits most mugs.'),
  shop('EQ-MUG-TRAVEL', 'equipment', 'Insulated travel mug, 350 ml', 24, [], 'Leak-proof, keeps warm for hours.'),
  shop('EQ-CUPS-SET', 'equipment', 'Ceramic cup set (2 cappuccino cups)', 32, E, 'Stoneware, made in Germany.'),
  shop('EQ-DESCALER', 'equipment', 'Machine descaler, 2 doses', 9.9, E, 'Citric acid based.'),
  shop('GC-25', 'gift_card', 'Gift card, 25 EUR', 25, [], 'Redeemable online and in our shops.'),
  shop('GC-50', 'gift_card', 'Gift card, 50 EUR', 50, [], 'Redeemable online and in our shops.'),
  shop('GC-100', 'gift_card', 'Gift card, 100 EUR', 100, [], 'Redeemable online and in our shops.'),
  shop('GF-TASTING', 'gift', 'Origin tasting box (3 x 100 g)', 24.9, ['filter', 'espresso'], 'Three single origins with tasting notes.'),
  shop('GF-ESPRESSO-SET', 'gift', 'Espresso gift set', 49, E, 'Velvet Espresso, two cups and a tamper.'),
  shop('GF-TEA-SET', 'gift', 'Tea lover gift set', 39, T, 'Three teas and an infuser in a gift box.'),
  shop('GF-ADVENT', 'gift', 'Coffee and tea advent calendar', 39, [], 'Seasonal: 24 doors, 24 small surprises.', [10, 11, 12]),
  shop('SUB-MONTHLY', 'subscription', 'Roaster subscription, 2 x 250 g per month', 21.9, [], 'Two fresh coffees every month.'),
  shop('SUB-TEA', 'subscription', 'Tea subscription, 2 x 100 g per month', 16.9, [], 'Two seasonal teas every month.'),
  shop('MR-TOTE', 'merch', 'Bean & Leaf tote bag', 15, [], 'Organic cotton.'),
  shop('MR-COURSE', 'merch', 'Home barista course (3 hours)', 69, E, 'Evening course in one of our shops.'),
  shop('WS-VELVET-5K', 'coffee', 'Velvet Espresso blend, 5 kg (wholesale)', 149, E, 'Wholesale pack for cafés and offices.'),
  shop('WS-HARBOUR-5K', 'coffee', 'Morning Harbour blend, 5 kg (wholesale)', 129, F, 'Wholesale pack for cafés and offices.'),
];
