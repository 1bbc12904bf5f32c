import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { CASE_STATUSES, CASE_TYPES, SEVERITIES, SLA_STATES } from '../../api/enums';
import type { paths } from '../../api/schema';
import { listQueryString } from '../../shared/filters';
import { useChange } from '../admin/admin';

export type Case = Schemas['Case'];
export type CaseSla = Schemas['CaseSla'];
export type CaseCreate = Schemas['CaseCreate'];
export type CaseUpdate = Schemas['CaseUpdate'];
export type CaseTransition = Schemas['CaseTransition'];
export type CaseEvent = Schemas['CaseEvent'];
export type Compensation = Schemas['Compensation'];
export type CompensationCreate = Schemas['CompensationCreate'];
export type CaseStatus = Case['status'];
export type SlaState = Case['slaState'];
export type Stage = CaseSla['acknowledge'];
export type CaseSource = NonNullable<Case['source']>;

export const OPEN_STATUSES: CaseStatus[] = ['new', 'acknowledged', 'in_progress', 'waiting_on_customer'];

export const SLA_COLOR: Record<SlaState | Stage['state'], string> = {
  none: 'gray',
  ok: 'teal',
  met: 'teal',
  warning: 'yellow',
  breached: 'red',
  missed: 'red',
};

export const SEVERITY_COLOR: Record<Case['severity'], string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

/** What the button that moves a case to a status says. */
export function transitionLabel(from: CaseStatus, to: CaseStatus): string {
  if (to === 'in_progress') return from === 'resolved' || from === 'closed' ? 'Reopen' : 'Start work';
  return {
    new: 'New',
    acknowledged: 'Acknowledge',
    in_progress: 'Start work',
    waiting_on_customer: 'Wait on customer',
    resolved: 'Resolve',
    closed: 'Close',
  }[to];
}

/** Business minutes as people read them: 45 → "45 min", 200 → "3 h 20 min". */
export function businessTime(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

/** A stage's clock in words: "3 h 20 min left", "1 h late", "met", "paused, 2 h left". */
export function stageText(stage: Stage, paused = false): string {
  if (stage.state === 'met') return 'Met';
  if (stage.state === 'missed' && stage.remainingMinutes === null) return 'Missed';
  if (stage.remainingMinutes === null) return label(stage.state);
  const left =
    stage.remainingMinutes >= 0
      ? `${businessTime(stage.remainingMinutes)} left`
      : `${businessTime(stage.remainingMinutes)} late`;
  return paused ? `Paused, ${left}` : left;
}

const label = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The clock that matters now: acknowledge until acknowledged, then resolve. */
export function currentStage(sla: CaseSla): { name: 'Acknowledge' | 'Resolve'; stage: Stage } {
  return sla.acknowledge.doneAt === null
    ? { name: 'Acknowledge', stage: sla.acknowledge }
    : { name: 'Resolve', stage: sla.resolve };
}

/** The Cases page's state, kept in the address. */
export interface CaseSearch {
  status?: string;
  type?: string;
  severity?: string;
  owner?: string;
  team?: string;
  sla?: string;
  rootCause?: string;
  person?: string;
  company?: string;
  sort?: string;
}

const SORTS = ['-openedAt', 'openedAt', 'resolveDueAt'] as const;

export function caseSearch(search: Record<string, unknown>): CaseSearch {
  const text = (key: string) =>
    typeof search[key] === 'string' && search[key] ? (search[key] as string) : undefined;
  const one = (key: string, values: readonly string[]) => values.find((v) => v === search[key]);
  return {
    status: one('status', [...CASE_STATUSES, 'open', 'all']),
    type: one('type', CASE_TYPES),
    severity: one('severity', SEVERITIES),
    owner: text('owner'),
    team: text('team'),
    sla: one('sla', SLA_STATES),
    rootCause: text('rootCause'),
    person: text('person'),
    company: text('company'),
    sort: one('sort', SORTS),
  };
}

type CasesQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;

/** One page of cases for the filters in the address (status "open" unless told otherwise). */
export function useCases(search: CaseSearch, cursor: string | undefined, limit = 50) {
  const status = search.status ?? 'open';
  const query = {
    status: status === 'all' ? undefined : status,
    type: search.type,
    severity: search.severity,
    ownerId: search.owner,
    team: search.team,
    slaState: search.sla,
    rootCauseId: search.rootCause,
    personId: search.person,
    companyId: search.company,
    sort: search.sort ?? '-openedAt',
    limit,
    cursor,
  } as CasesQuery;
  return useQuery({
    queryKey: ['cases', search, cursor, limit],
    placeholderData: keepPreviousData,
    queryFn: () => call(api.GET('/api/v1/cases', { params: { query }, querySerializer: listQueryString })),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: ['case', id],
    queryFn: () => call(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
}

export function useCaseHistory(id: string) {
  return useQuery({
    queryKey: ['case', id, 'history'],
    queryFn: async () =>
      (await call(api.GET('/api/v1/cases/{id}/history', { params: { path: { id } } }))).data,
  });
}

export function useCompensations(id: string) {
  return useQuery({
    queryKey: ['case', id, 'compensations'],
    queryFn: async () =>
      (await call(api.GET('/api/v1/cases/{id}/compensations', { params: { path: { id } } }))).data,
  });
}

export const useCompensationLimits = () =>
  useQuery({
    queryKey: ['service', 'compensation-limits'],
    queryFn: async () => (await call(api.GET('/api/v1/compensation-limits'))).data,
  });

export const useRootCauses = () =>
  useQuery({
    queryKey: ['service', 'root-causes'],
    queryFn: async () => (await call(api.GET('/api/v1/root-causes'))).data,
  });

/** After a change to a case: the case, its history, the lists, the customer's pages. */
export function useRefreshCase() {
  const client = useQueryClient();
  return (c: Pick<Case, 'id' | 'personId' | 'companyId'>) =>
    Promise.all(
      [['case', c.id], ['cases'], ['approvals'], ['timeline', c.personId], ['timeline', c.companyId]].map(
        (queryKey) => client.invalidateQueries({ queryKey }),
      ),
    );
}

export const useCreateCase = () =>
  useChange(['cases', 'timeline', 'open-work'], (body: CaseCreate) =>
    call(api.POST('/api/v1/cases', { body })),
  );

export const useUpdateCase = (id: string) =>
  useChange(['case', 'cases', 'open-work'], (body: CaseUpdate) =>
    call(api.PATCH('/api/v1/cases/{id}', { params: { path: { id } }, body })),
  );

export const useTransition = (id: string) =>
  useChange(['case', 'cases', 'timeline', 'open-work', 'emails'], (body: CaseTransition) =>
    call(api.POST('/api/v1/cases/{id}/transitions', { params: { path: { id } }, body })),
  );

export const useAddCompensation = (id: string) =>
  useChange(['case', 'approvals'], (body: CompensationCreate) =>
    call(api.POST('/api/v1/cases/{id}/compensations', { params: { path: { id } }, body })),
  );

/** Pending compensation requests (managers and admins). */
export function useApprovals(status: 'pending' | 'approved' | 'rejected', enabled = true) {
  return useQuery({
    queryKey: ['approvals', status],
    enabled,
    queryFn: () => call(api.GET('/api/v1/approvals', { params: { query: { status, limit: 100 } } })),
  });
}

export const useDecide = () =>
  useChange(
    ['approvals', 'case'],
    ({ id, ...body }: { id: string; decision: 'approve' | 'reject'; note: string | null }) =>
      call(api.POST('/api/v1/approvals/{id}', { params: { path: { id } }, body })),
  );

/** Makes the status link; with `email` it is also emailed to the case's person (409 when it cannot be). */
export const useStatusLink = (id: string) =>
  useChange(['case', 'emails'], ({ email }: { email: boolean }) =>
    call(
      api.POST('/api/v1/cases/{id}/status-link', {
        params: { path: { id }, query: email ? { email: 'true' } : {} },
      }),
    ),
  );

export const useRevokeStatusLink = (id: string) =>
  useChange(['case'], () => call(api.DELETE('/api/v1/cases/{id}/status-link', { params: { path: { id } } })));
