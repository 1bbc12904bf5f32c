import type { RelationshipType } from '@rapport/db';
import type { Family } from './demo.catalog.ts';

/** Helvetia Contract Manufacturing's business world: accounts, suppliers, partners, distributors. */

export type Tier = 'A' | 'B' | 'C';
/**
 * What happens to the relationship over the five years: `sour` turns bad in the last months,
 * `churned` stopped ordering a year ago, `recovered` had a bad year and came back, `new` started
 * inside the window, `single` has nearly everything going through one contact, `recall` had a
 * recall scare.
 */
export type Story = 'steady' | 'sour' | 'churned' | 'recovered' | 'new' | 'single' | 'recall';

export interface CompanySeed {
  name: string;
  domain: string;
  type: RelationshipType;
  industry: string;
  country: string;
  city: string;
  employees: number;
  tier: Tier;
  families: readonly Family[];
  /** The customer's product that Helvetia makes (or what a supplier delivers). */
  brand: string;
  story: Story;
  owner: string;
}

const c = (
  type: RelationshipType,
  name: string,
  domain: string,
  industry: string,
  country: string,
  city: string,
  employees: number,
  tier: Tier,
  families: readonly Family[],
  brand: string,
  story: Story,
  owner: string,
): CompanySeed => ({
  type,
  name,
  domain,
  industry,
  country,
  city,
  employees,
  tier,
  families,
  brand,
  story,
  owner,
});

// biome-ignore format: a data table reads best one company per line
export const COMPANIES: readonly CompanySeed[] = [
  c('customer', 'Alpenrose Pharma AG', 'alpenrose-pharma.example', 'Pharmaceuticals', 'CH', 'Basel', 2400, 'A', ['sterile', 'services'], 'Zelvatra 40 mg/mL injection', 'steady', 'am1'),
  c('customer', 'Corvalis Therapeutics Inc.', 'corvalis.example', 'Biotechnology', 'US', 'Boston', 850, 'A', ['sterile', 'services'], 'Corvimab', 'sour', 'am2'),
  c('customer', 'Medinova Devices GmbH', 'medinova-devices.example', 'Medical devices', 'DE', 'Tuttlingen', 1200, 'A', ['device', 'tooling'], 'LapFlex trocar system', 'steady', 'am3'),
  c('customer', 'Cardiolink Medical Ltd', 'cardiolink.example', 'Medical devices', 'IE', 'Galway', 760, 'A', ['device', 'tooling', 'services'], 'FlowGuard catheter', 'recall', 'am3'),
  c('customer', 'Solvena Generics S.p.A.', 'solvena.example', 'Generic pharmaceuticals', 'IT', 'Milan', 1900, 'A', ['osd', 'rtu'], 'Solvena metformin 850 mg tablets', 'steady', 'am1'),
  c('customer', 'Meridian Infusion Systems Inc.', 'meridian-infusion.example', 'Medical devices', 'US', 'Minneapolis', 1100, 'A', ['device', 'tooling'], 'InfuSafe pump cassettes', 'steady', 'am4'),
  c('customer', 'Sanovia Biopharma AG', 'sanovia.example', 'Biopharmaceuticals', 'DE', 'Munich', 950, 'A', ['sterile', 'services'], 'Sanoprex prefilled syringe', 'recovered', 'am2'),
  c('customer', 'Cascade Diabetes Care Inc.', 'cascade-diabetes.example', 'Medical devices', 'US', 'Portland', 640, 'A', ['device', 'tooling', 'services'], 'GlucoDial pen injector', 'steady', 'am4'),
  c('customer', 'Lumeris Biologics Ltd', 'lumeris-bio.example', 'Biotechnology', 'GB', 'Cambridge', 430, 'B', ['sterile', 'services'], 'Lumerixa lyophilised powder', 'sour', 'am2'),
  c('customer', 'Nordvik Diagnostics AB', 'nordvik-dx.example', 'Diagnostics', 'SE', 'Lund', 310, 'B', ['device'], 'Nordvik rapid test cassettes', 'steady', 'am3'),
  c('customer', 'Helix Orthopedics Inc.', 'helix-ortho.example', 'Orthopaedics', 'US', 'Warsaw, Indiana', 1500, 'B', ['device', 'tooling'], 'HelixLock screw caps', 'single', 'am4'),
  c('customer', 'Quantis Respiratory A/S', 'quantis-resp.example', 'Medical devices', 'DK', 'Copenhagen', 380, 'B', ['device', 'tooling'], 'Quantis dry-powder inhaler', 'steady', 'am3'),
  c('customer', 'Aarewerk Biologics AG', 'aarewerk.example', 'Biotechnology', 'CH', 'Aarau', 290, 'B', ['sterile', 'services'], 'Aarecept', 'new', 'am1'),
  c('customer', 'Glacier Peak Pharmaceuticals', 'glacierpeak-pharma.example', 'Pharmaceuticals', 'US', 'Seattle', 520, 'B', ['osd', 'services'], 'Glacivir tablets', 'steady', 'am2'),
  c('customer', 'Auralis Diagnostics NV', 'auralis-dx.example', 'Diagnostics', 'BE', 'Leuven', 240, 'B', ['device', 'rtu'], 'Auralis reagent cartridges', 'steady', 'am3'),
  c('customer', 'Tessin Oncology SA', 'tessin-oncology.example', 'Oncology', 'CH', 'Lugano', 180, 'B', ['sterile'], 'Tessiplatin concentrate', 'sour', 'am1'),
  c('customer', 'Montreux Aesthetics SA', 'montreux-aesthetics.example', 'Aesthetic medicine', 'CH', 'Lausanne', 210, 'B', ['sterile'], 'Lumaderm filler syringes', 'steady', 'am1'),
  c('customer', 'Pharmavista Iberica S.L.', 'pharmavista.example', 'Generic pharmaceuticals', 'ES', 'Barcelona', 520, 'B', ['osd'], 'Vistaprazol 20 mg capsules', 'steady', 'am1'),
  c('customer', 'Marisol Biosciences Ltd', 'marisol-bio.example', 'Biotechnology', 'IE', 'Dublin', 340, 'B', ['sterile', 'services'], 'Marisolumab', 'single', 'am2'),
  c('customer', 'Synapta Neurotech Inc.', 'synapta.example', 'Neurotechnology', 'US', 'San Diego', 260, 'B', ['device', 'services'], 'Synapta stimulator leads', 'steady', 'am4'),
  c('customer', 'Fjordline Medical AS', 'fjordline-medical.example', 'Medical devices', 'NO', 'Oslo', 150, 'B', ['device'], 'Fjordline wound drains', 'steady', 'am3'),
  c('customer', 'Rheintal Pharma AG', 'rheintal-pharma.example', 'Pharmaceuticals', 'CH', 'St. Gallen', 690, 'B', ['osd', 'rtu', 'services'], 'Rheumalon 10 mg tablets', 'steady', 'am1'),
  c('customer', 'Vireo Ophthalmics SAS', 'vireo-ophthalmics.example', 'Ophthalmics', 'FR', 'Lyon', 280, 'C', ['sterile'], 'Vireo single-dose eye drops', 'steady', 'am2'),
  c('customer', 'Kestrel Animal Health Inc.', 'kestrel-ah.example', 'Animal health', 'US', 'Kansas City', 640, 'C', ['osd', 'sterile'], 'Kestrel canine vaccine', 'churned', 'am2'),
  c('customer', 'Endovia Surgical GmbH', 'endovia.example', 'Medical devices', 'DE', 'Freiburg', 220, 'C', ['device'], 'Endovia clip applier', 'steady', 'am3'),
  c('customer', 'Novamed Implants BV', 'novamed-implants.example', 'Medical devices', 'NL', 'Eindhoven', 180, 'C', ['device', 'tooling'], 'Novamed cochlear housings', 'steady', 'am4'),
  c('customer', 'Orbis Dental Systems GmbH', 'orbis-dental.example', 'Dental', 'AT', 'Vienna', 300, 'C', ['device'], 'Orbis implant abutment kits', 'sour', 'am4'),
  c('customer', 'Perlmutt Dermatics GmbH', 'perlmutt-derm.example', 'Dermatology', 'DE', 'Hamburg', 260, 'C', ['services', 'rtu'], 'Perlmutt single-dose serum', 'steady', 'am2'),
  c('customer', 'Lindqvist Hearing AB', 'lindqvist-hearing.example', 'Medical devices', 'SE', 'Stockholm', 410, 'C', ['device', 'tooling'], 'Lindqvist hearing aid shells', 'steady', 'am3'),
  c('customer', 'Brightwater Vision Ltd', 'brightwater-vision.example', 'Ophthalmics', 'GB', 'Southampton', 190, 'C', ['device'], 'Brightwater lens cases', 'steady', 'am4'),
  c('customer', 'Pannonia Generics Kft.', 'pannonia-generics.example', 'Generic pharmaceuticals', 'HU', 'Budapest', 720, 'C', ['osd'], 'Pannocillin capsules', 'churned', 'am1'),
  c('customer', 'Elbtal Wound Care GmbH', 'elbtal-woundcare.example', 'Medical devices', 'DE', 'Dresden', 160, 'C', ['device'], 'Elbtal hydrogel dressing kits', 'steady', 'am3'),
  c('customer', 'Auriga Radiopharma NV', 'auriga-radiopharma.example', 'Radiopharmaceuticals', 'BE', 'Antwerp', 120, 'C', ['sterile', 'services'], 'Aurigatrace kit', 'new', 'am2'),
  c('customer', 'Veltro Consumer Health S.r.l.', 'veltro-health.example', 'Consumer health', 'IT', 'Bologna', 330, 'C', ['osd'], 'Veltrodol effervescent tablets', 'steady', 'am1'),
  c('customer', 'Bodensee Medtech GmbH', 'bodensee-medtech.example', 'Medical devices', 'DE', 'Konstanz', 140, 'C', ['device', 'tooling'], 'Bodensee biopsy needles', 'new', 'am4'),
  c('customer', 'Calyx Consumer Health AG', 'calyx-health.example', 'Consumer health', 'CH', 'Zug', 230, 'C', ['osd', 'rtu'], 'Calyx vitamin D3 capsules', 'steady', 'am1'),
  c('supplier', 'Vitrum Primary Packaging AG', 'vitrum-packaging.example', 'Glass primary packaging', 'CH', 'Sion', 620, 'B', [], 'Type I glass vials', 'steady', 'cs'),
  c('supplier', 'Rheinfelden Polymers GmbH', 'rheinfelden-polymers.example', 'Medical-grade polymers', 'DE', 'Rheinfelden', 340, 'B', [], 'medical-grade polycarbonate and COC resin', 'steady', 'cs'),
  c('supplier', 'SteriPro Services BV', 'steripro-services.example', 'Sterilisation services', 'NL', 'Venlo', 210, 'B', [], 'EtO and gamma sterilisation slots', 'steady', 'quality'),
  c('supplier', 'Cryonord Logistics AG', 'cryonord.example', 'Cold-chain logistics', 'CH', 'Basel', 480, 'B', [], 'temperature-controlled shipments', 'sour', 'cs'),
  c('supplier', 'Labtek Instruments GmbH', 'labtek-instruments.example', 'Laboratory equipment', 'DE', 'Mannheim', 900, 'C', [], 'HPLC systems and service', 'steady', 'quality'),
  c('supplier', 'PureFlow Cleanroom Supplies Ltd', 'pureflow-cleanroom.example', 'Cleanroom consumables', 'GB', 'Leeds', 130, 'C', [], 'cleanroom garments and wipes', 'steady', 'cs'),
  c('supplier', 'Apiform Chemicals Pvt. Ltd.', 'apiform.example', 'Active pharmaceutical ingredients', 'IN', 'Hyderabad', 1400, 'B', [], 'metformin and omeprazole API', 'steady', 'quality'),
  c('supplier', 'Sealtech Closures NV', 'sealtech-closures.example', 'Elastomer closures', 'BE', 'Ghent', 560, 'B', [], 'bromobutyl stoppers', 'steady', 'cs'),
  c('partner', 'RegPath Consulting GmbH', 'regpath.example', 'Regulatory consulting', 'CH', 'Basel', 45, 'C', [], 'regulatory strategy', 'steady', 'head'),
  c('partner', 'Clinora CRO GmbH', 'clinora.example', 'Contract research', 'DE', 'Munich', 380, 'C', [], 'clinical supply studies', 'steady', 'am2'),
  c('partner', 'Zurich Process Analytics AG', 'zpa-analytics.example', 'Process analytics', 'CH', 'Zurich', 60, 'C', [], 'PAT and data analytics', 'steady', 'am3'),
  c('partner', 'Automata Line Systems AG', 'automata-lines.example', 'Automation integration', 'CH', 'Lucerne', 120, 'C', [], 'line automation', 'steady', 'am3'),
  c('partner', 'QualiSure Audit Services Ltd', 'qualisure.example', 'GMP audit services', 'GB', 'London', 35, 'C', [], 'supplier audits', 'steady', 'quality'),
  c('distributor', 'Pacific MedSource K.K.', 'pacific-medsource.example', 'Life science distribution', 'JP', 'Osaka', 210, 'B', ['rtu'], 'ReadyFill in Japan', 'steady', 'am4'),
  c('distributor', 'Iberomed Distribución S.A.', 'iberomed.example', 'Life science distribution', 'ES', 'Madrid', 90, 'C', ['rtu'], 'ReadyFill in Iberia', 'steady', 'am4'),
  c('distributor', 'Nordic Lifescience Supply AB', 'nordic-lifescience.example', 'Life science distribution', 'SE', 'Gothenburg', 70, 'C', ['rtu'], 'ReadyFill in the Nordics', 'steady', 'am4'),
  c('distributor', 'Gulf Health Trading LLC', 'gulfhealth.example', 'Healthcare distribution', 'AE', 'Dubai', 150, 'C', ['rtu'], 'ReadyFill in the Gulf region', 'sour', 'am4'),
  c('distributor', 'Andes BioServicios S.A.S.', 'andes-bioservicios.example', 'Life science distribution', 'CO', 'Bogotá', 55, 'C', ['rtu'], 'ReadyFill in the Andean region', 'steady', 'am4'),
  c('prospect', 'Kronos Biologics Inc.', 'kronos-bio.example', 'Biotechnology', 'US', 'Raleigh', 310, 'C', ['sterile'], 'an ADC in phase II', 'new', 'am2'),
  c('prospect', 'Valtellina Farmaceutici S.p.A.', 'valtellina-farma.example', 'Pharmaceuticals', 'IT', 'Sondrio', 450, 'C', ['osd'], 'a modified-release tablet', 'new', 'am1'),
  c('prospect', 'Opaline Medical SAS', 'opaline-medical.example', 'Medical devices', 'FR', 'Grenoble', 95, 'C', ['device'], 'a wearable injector', 'new', 'am3'),
  c('prospect', 'Nexora Gene Therapies Inc.', 'nexora-gt.example', 'Gene therapy', 'US', 'Philadelphia', 180, 'C', ['sterile'], 'an AAV gene therapy', 'new', 'am2'),
  c('prospect', 'Baltic Implant Technologies UAB', 'baltic-implant.example', 'Medical devices', 'LT', 'Vilnius', 75, 'C', ['device'], 'dental implant components', 'new', 'am3'),
];

export interface CountryInfo {
  currency: 'CHF' | 'EUR' | 'USD';
  utcOffset: number;
  timezone: string;
  locale: string;
  phone: string;
}

// biome-ignore format: a data table
const COUNTRIES: Record<string, CountryInfo> = {
  CH: { currency: 'CHF', utcOffset: 1, timezone: 'Europe/Zurich', locale: 'de-CH', phone: '+41' },
  DE: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Berlin', locale: 'de-DE', phone: '+49' },
  AT: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Vienna', locale: 'de-AT', phone: '+43' },
  FR: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Paris', locale: 'fr-FR', phone: '+33' },
  BE: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Brussels', locale: 'nl-BE', phone: '+32' },
  NL: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Amsterdam', locale: 'nl-NL', phone: '+31' },
  IT: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Rome', locale: 'it-IT', phone: '+39' },
  ES: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Madrid', locale: 'es-ES', phone: '+34' },
  SE: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Stockholm', locale: 'sv-SE', phone: '+46' },
  DK: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Copenhagen', locale: 'da-DK', phone: '+45' },
  NO: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Oslo', locale: 'nb-NO', phone: '+47' },
  HU: { currency: 'EUR', utcOffset: 1, timezone: 'Europe/Budapest', locale: 'hu-HU', phone: '+36' },
  LT: { currency: 'EUR', utcOffset: 2, timezone: 'Europe/Vilnius', locale: 'lt-LT', phone: '+370' },
  GB: { currency: 'EUR', utcOffset: 0, timezone: 'Europe/London', locale: 'en-GB', phone: '+44' },
  IE: { currency: 'EUR', utcOffset: 0, timezone: 'Europe/Dublin', locale: 'en-IE', phone: '+353' },
  US: { currency: 'USD', utcOffset: -5, timezone: 'America/New_York', locale: 'en-US', phone: '+1' },
  JP: { currency: 'USD', utcOffset: 9, timezone: 'Asia/Tokyo', locale: 'ja-JP', phone: '+81' },
  AE: { currency: 'USD', utcOffset: 4, timezone: 'Asia/Dubai', locale: 'en-AE', phone: '+971' },
  CO: { currency: 'USD', utcOffset: -5, timezone: 'America/Bogota', locale: 'es-CO', phone: '+57' },
  IN: { currency: 'USD', utcOffset: 5.5, timezone: 'Asia/Kolkata', locale: 'en-IN', phone: '+91' },
};

/** US cities by time zone, so that a call from Seattle does not happen at 4 a.m. */
const US_ZONES: Record<string, [number, string]> = {
  Seattle: [-8, 'America/Los_Angeles'],
  Portland: [-8, 'America/Los_Angeles'],
  'San Diego': [-8, 'America/Los_Angeles'],
  Minneapolis: [-6, 'America/Chicago'],
  'Kansas City': [-6, 'America/Chicago'],
  'Warsaw, Indiana': [-5, 'America/Indiana/Indianapolis'],
};

export function countryInfo(country: string, city: string): CountryInfo {
  const info = COUNTRIES[country];
  if (!info) throw new Error(`demo: no country info for ${country}`);
  const zone = country === 'US' ? US_ZONES[city] : undefined;
  return zone ? { ...info, utcOffset: zone[0], timezone: zone[1] } : info;
}

/** CHF to the order currency (a flat rate is fine for a demo). */
export const FX: Record<CountryInfo['currency'], number> = { CHF: 1, EUR: 1.04, USD: 1.12 };
