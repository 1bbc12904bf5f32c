import {
  AppError,
  createWorkspace,
  listWorkspacesOfUser,
  workspace,
  workspaceCreate,
  workspaceWithRole,
} from '@rapport/core';
import { authenticatedRoute, type Route } from '../http/route.ts';
import { listOf } from './schemas.ts';

export const workspacesRoutes: Route[] = [
  authenticatedRoute({
    method: 'get',
    path: '/workspaces',
    tag: 'Workspaces',
    summary: 'The workspaces you belong to, with your role in each',
    response: { status: 200, schema: listOf(workspaceWithRole, 'WorkspaceList') },
    handler: async ({ sys, principal }) => ({
      data: principal.userId ? await listWorkspacesOfUser(sys, principal.userId) : [],
    }),
  }),
  authenticatedRoute({
    method: 'post',
    path: '/workspaces',
    tag: 'Workspaces',
    summary: 'Create a workspace; you become its admin',
    body: workspaceCreate,
    response: { status: 201, schema: workspace },
    handler: ({ sys, principal, body }) => {
      if (!principal.userId) throw new AppError('forbidden', 'Only a signed-in user can create a workspace.');
      return createWorkspace(sys, body, principal.userId);
    },
  }),
];
