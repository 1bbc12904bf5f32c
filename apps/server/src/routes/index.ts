import type { Route } from '../http/route.ts';
import { apiKeysRoutes } from './api-keys.ts';
import { authRoutes } from './auth.ts';
import { customFieldsRoutes } from './custom-fields.ts';
import { membershipsRoutes } from './memberships.ts';
import { peopleRoutes } from './people.ts';
import { usersRoutes } from './users.ts';
import { workspacesRoutes } from './workspaces.ts';

/** Every route of the API, in the order of the docs. */
export const routes: Route[] = [
  ...authRoutes,
  ...workspacesRoutes,
  ...usersRoutes,
  ...apiKeysRoutes,
  ...customFieldsRoutes,
  ...peopleRoutes,
  ...membershipsRoutes,
];
