import {
  createUser,
  getMember,
  listMembers,
  memberUpdate,
  removeMember,
  setMemberRole,
  user,
  userCreate,
} from '@rapport/core';
import { sessionCache } from '../http/auth.ts';
import { ADMIN, platformRoute, READ, type Route } from '../http/route.ts';
import { idParam, listOf } from './schemas.ts';

export const usersRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/users',
    tag: 'Users',
    summary: 'The users of this workspace and their roles',
    access: READ,
    response: { status: 200, schema: listOf(user, 'UserList') },
    handler: async ({ sys, principal }) => ({ data: await listMembers(sys, principal.workspaceId) }),
  }),
  platformRoute({
    method: 'post',
    path: '/users',
    tag: 'Users',
    summary: 'Create a user in this workspace with a role',
    access: ADMIN,
    body: userCreate,
    response: { status: 201, schema: user },
    handler: ({ sys, principal, body }) => createUser(sys, principal.workspaceId, body),
  }),
  platformRoute({
    method: 'get',
    path: '/users/{id}',
    tag: 'Users',
    summary: 'A user of this workspace',
    access: READ,
    params: idParam,
    response: { status: 200, schema: user },
    handler: ({ sys, principal, params }) => getMember(sys, principal.workspaceId, params.id),
  }),
  platformRoute({
    method: 'patch',
    path: '/users/{id}',
    tag: 'Users',
    summary: "Change a user's role in this workspace",
    access: ADMIN,
    params: idParam,
    body: memberUpdate,
    response: { status: 200, schema: user },
    handler: async ({ sys, principal, params, body }) => {
      const user = await setMemberRole(sys, principal.workspaceId, params.id, body.role);
      sessionCache.clear(); // sessions carry the role: look them up again
      return user;
    },
  }),
  platformRoute({
    method: 'delete',
    path: '/users/{id}',
    tag: 'Users',
    summary: 'Remove a user from this workspace',
    access: ADMIN,
    params: idParam,
    response: { status: 204, schema: null },
    handler: async ({ sys, principal, params }) => {
      await removeMember(sys, principal.workspaceId, params.id);
      sessionCache.clear();
    },
  }),
];
