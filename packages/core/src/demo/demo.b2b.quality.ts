import { type Kind, kind, promising, QUALITY, QUALITY_LEAD } from './demo.kinds.ts';

/** The quality side of the routine: batch documents, audits and change notifications. */
export const QUALITY_ROUTINE: Record<string, Kind> = {
  docsRequest: promising(
    kind(
      'email',
      'inbound',
      QUALITY,
      ['quality'],
      ['Documentation request for batch {batch}', 'Batch record {batch}'],
      [
        'For our QP release we still need the executed batch record and the deviation summary for batch {batch}.',
        'Could you send the certificate of analysis and the batch record for batch {batch}?',
      ],
      ['Could you also send the updated certificate of conformance?', ''],
      ['We would appreciate it by {promiseDay} if possible.', 'Thank you in advance.'],
    ),
    'Send the batch documents for {batch} to {company}',
  ),
  docsSend: kind(
    'email',
    'outbound',
    QUALITY,
    ['quality'],
    ['Batch documentation {batch}', 'Re: Batch record {batch}'],
    [
      'Attached you find the executed batch record, the certificate of analysis and the deviation summary for batch {batch}.',
    ],
    [
      'There were no deviations on this batch.',
      'There was one minor deviation (a documentation error), closed with no product impact.',
    ],
    ['Let me know if your QA needs anything else.', ''],
  ),
  auditPlanning: kind(
    'email',
    'inbound',
    QUALITY_LEAD,
    ['quality'],
    ['Supplier audit {year}', 'Planning our GMP audit of {site}'],
    [
      'As part of our supplier qualification programme we would like to schedule our routine GMP audit of your {site} site.',
    ],
    ['Would the week of {promiseDate} work for your team?'],
    ['The audit will take two days and cover the quality system, production and the warehouse.'],
  ),
  auditVisit: kind(
    'in_person',
    'inbound',
    { ...QUALITY_LEAD, count: [1, 3] },
    ['quality', 'owner'],
    ['Customer audit at {site}', 'GMP audit by {company}'],
    ['Two-day GMP audit of our {site} site by {themList}.'],
    ['{auditOutcome}'],
  ),
  changeNotice: kind(
    'email',
    'outbound',
    QUALITY,
    ['quality'],
    ['Change notification: {change}'],
    ['In line with our quality agreement we inform you about a planned change: {change}.'],
    ['Our assessment classifies it as minor, with no impact on the registered process.'],
    ['Please let us know within 30 days if you need additional data.'],
  ),
};
