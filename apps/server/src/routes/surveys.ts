import {
  createSurvey,
  deleteSurvey,
  getSurvey,
  getSurveyResults,
  invitation,
  invitationCreate,
  invitationLinks,
  invitationLinksInput,
  invitationOutcome,
  invitationsQuery,
  inviteToSurvey,
  issueLinks,
  listInvitations,
  listResponses,
  listSurveys,
  responsesQuery,
  resultsQuery,
  survey,
  surveyCreate,
  surveyResponse,
  surveyResults,
  surveysQuery,
  surveyUpdate,
  updateSurvey,
} from '@rapport/core';
import type { Context } from 'hono';
import { MANAGE, READ, type Route, route, WRITE } from '../http/route.ts';
import { idParam, pageOf } from './schemas.ts';

const tag = 'Surveys';

/** The origin people will open the links at: this request's, as a proxy in front tells it. */
function linkBase(c: Context) {
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || url.host;
  return { baseUrl: `${proto}://${host}` };
}

const noSending =
  'Rapport does not send the links (no email sending yet): copy them, or make a CSV for a mail merge. ' +
  'A link is in this answer only; Rapport keeps its hash (so an Idempotency-Key is not honoured here: ' +
  'a retry skips the people invited by the first attempt, and new links replace lost ones).';

export const surveysRoutes: Route[] = [
  route({
    method: 'get',
    path: '/surveys',
    tag,
    summary: 'The surveys of this workspace, newest first',
    access: READ,
    query: surveysQuery,
    response: { status: 200, schema: pageOf(survey, 'SurveyPage') },
    handler: ({ ctx, query }) => listSurveys(ctx, query),
  }),
  route({
    method: 'post',
    path: '/surveys',
    tag,
    summary: 'Create a survey (NPS, CSAT, CES or custom questions) as a draft',
    access: MANAGE,
    body: surveyCreate,
    response: { status: 201, schema: survey },
    handler: ({ ctx, body }) => createSurvey(ctx, body),
  }),
  route({
    method: 'get',
    path: '/surveys/{id}',
    tag,
    summary: 'Get a survey with its questions',
    access: READ,
    params: idParam,
    response: { status: 200, schema: survey },
    handler: ({ ctx, params }) => getSurvey(ctx, params.id),
  }),
  route({
    method: 'patch',
    path: '/surveys/{id}',
    tag,
    summary: 'Change a survey: texts, frequency limit, status (activate, close); questions while a draft',
    access: MANAGE,
    params: idParam,
    body: surveyUpdate,
    response: { status: 200, schema: survey },
    handler: ({ ctx, params, body }) => updateSurvey(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/surveys/{id}',
    tag,
    summary: 'Delete a draft survey',
    access: MANAGE,
    params: idParam,
    response: { status: 204, schema: null },
    handler: ({ ctx, params }) => deleteSurvey(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/surveys/{id}/invitations',
    tag,
    summary: 'Invite people (by id, or a saved view of people) to an active survey: a personal link each',
    description:
      'Skips, with the reason, people surveyed within the survey’s minDaysBetween, people with an ' +
      'unanswered invitation to it, people marked "do not contact" or who declined the channel, people ' +
      `the channel cannot reach and merged people. ${noSending}`,
    access: WRITE,
    noReplay: true,
    params: idParam,
    body: invitationCreate,
    response: { status: 201, schema: invitationOutcome },
    handler: ({ ctx, params, body, c }) => inviteToSurvey(ctx, params.id, body, linkBase(c)),
  }),
  route({
    method: 'get',
    path: '/surveys/{id}/invitations',
    tag,
    summary: 'The invitations of a survey, newest first (pending, answered, expired)',
    access: READ,
    params: idParam,
    query: invitationsQuery,
    response: { status: 200, schema: pageOf(invitation, 'SurveyInvitationPage') },
    handler: ({ ctx, params, query }) => listInvitations(ctx, params.id, query),
  }),
  route({
    method: 'post',
    path: '/surveys/{id}/invitations/links',
    tag,
    summary: 'New links for unanswered invitations (these, or all pending); earlier links stop working',
    description: noSending,
    access: WRITE,
    noReplay: true,
    params: idParam,
    body: invitationLinksInput,
    response: { status: 200, schema: invitationLinks },
    handler: ({ ctx, params, body, c }) => issueLinks(ctx, params.id, body, linkBase(c)),
  }),
  route({
    method: 'get',
    path: '/surveys/{id}/results',
    tag,
    summary: 'NPS, CSAT or CES and response rates by period, owner, company or segment',
    access: READ,
    params: idParam,
    query: resultsQuery,
    response: { status: 200, schema: surveyResults },
    handler: ({ ctx, params, query }) => getSurveyResults(ctx, params.id, query),
  }),
  route({
    method: 'get',
    path: '/surveys/{id}/responses',
    tag,
    summary: 'The answers to a survey, newest first, with their comments',
    access: READ,
    params: idParam,
    query: responsesQuery,
    response: { status: 200, schema: pageOf(surveyResponse, 'SurveyResponsePage') },
    handler: ({ ctx, params, query }) => listResponses(ctx, params.id, query),
  }),
];
