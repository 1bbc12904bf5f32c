import type { Fn, Level } from './demo.kinds.ts';

/** Job titles by level and function, and the seats every kind of account has. */

// biome-ignore format: a data table
export const TITLES: Record<Level, Record<Fn, readonly string[]>> = {
  executive: {
    engineering: ['VP Engineering', 'Chief Technology Officer'],
    marketing: ['Chief Commercial Officer', 'VP Marketing'],
    operations: ['Chief Operating Officer', 'VP Operations', 'Site Director'],
    maintenance: ['VP Manufacturing Engineering'],
    service: ['VP Customer Service'],
    purchasing: ['Chief Procurement Officer', 'VP Supply Chain'],
    quality: ['VP Quality', 'Chief Quality Officer'],
    other: ['Chief Executive Officer', 'Managing Director', 'Chief Financial Officer', 'Chief Scientific Officer'],
  },
  functional_lead: {
    engineering: ['Head of Process Engineering', 'Engineering Manager', 'Head of Device Development'],
    marketing: ['Product Manager', 'Head of Marketing', 'Brand Manager'],
    operations: ['Head of External Manufacturing', 'Supply Chain Manager', 'Operations Manager'],
    maintenance: ['Maintenance Manager', 'Head of Facilities and Maintenance'],
    service: ['Key Account Manager', 'Head of Customer Service'],
    purchasing: ['Procurement Manager', 'Category Manager, External Manufacturing', 'Strategic Sourcing Lead'],
    quality: ['Head of Quality Assurance', 'QA Manager, External Manufacturing', 'Head of Quality Control'],
    other: ['Regulatory Affairs Manager', 'Project Manager', 'Finance Business Partner'],
  },
  end_user: {
    engineering: ['Process Engineer', 'Validation Engineer', 'Device Engineer'],
    marketing: ['Product Marketing Specialist', 'Launch Coordinator'],
    operations: ['Supply Planner', 'Production Planner', 'Logistics Coordinator'],
    maintenance: ['Maintenance Technician', 'Tooling Technician'],
    service: ['Service Engineer', 'Customer Service Representative'],
    purchasing: ['Buyer', 'Senior Buyer', 'Purchasing Assistant'],
    quality: ['QA Specialist', 'QC Analyst', 'Quality Engineer', 'Document Controller'],
    other: ['Regulatory Affairs Specialist', 'Project Coordinator', 'Accounts Payable Clerk'],
  },
};

export type Seat = readonly [Level, Fn];

/** Seats every account of a type has, so each level is always covered. */
export const CORE: Record<string, readonly Seat[]> = {
  customer: [
    ['executive', 'other'],
    ['functional_lead', 'quality'],
    ['functional_lead', 'purchasing'],
    ['end_user', 'quality'],
    ['end_user', 'operations'],
  ],
  supplier: [
    ['executive', 'other'],
    ['functional_lead', 'service'],
    ['end_user', 'service'],
    ['functional_lead', 'quality'],
  ],
  partner: [
    ['executive', 'other'],
    ['functional_lead', 'engineering'],
  ],
  distributor: [
    ['executive', 'other'],
    ['functional_lead', 'purchasing'],
    ['end_user', 'operations'],
  ],
  prospect: [
    ['executive', 'other'],
    ['functional_lead', 'purchasing'],
    ['functional_lead', 'quality'],
  ],
};

export const EXTRA_FUNCTIONS: Record<string, readonly Fn[]> = {
  pharma: [
    'quality',
    'quality',
    'operations',
    'operations',
    'purchasing',
    'engineering',
    'marketing',
    'other',
    'maintenance',
  ],
  device: [
    'engineering',
    'engineering',
    'quality',
    'operations',
    'maintenance',
    'service',
    'purchasing',
    'marketing',
  ],
};

export const SEGMENTS: Record<string, readonly string[]> = {
  A: ['Strategic', 'Key'],
  B: ['Key', 'Growth'],
  C: ['Growth', 'Maintain'],
};
export const DECISION_ROLES = ['Decision maker', 'Influencer', 'Champion', 'Gatekeeper', 'User'] as const;
export const LANGUAGES: Record<string, string> = {
  de: 'German',
  fr: 'French',
  it: 'Italian',
  es: 'Spanish',
  sv: 'Swedish',
  nl: 'Dutch',
  ja: 'Japanese',
};
