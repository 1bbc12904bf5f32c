import type { Route } from '../http/route.ts';
import { apiKeysRoutes } from './api-keys.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { casesRoutes } from './cases.ts';
import { companiesRoutes } from './companies.ts';
import { customFieldsRoutes } from './custom-fields.ts';
import { emailRoutes } from './email.ts';
import { eventsRoutes } from './events.ts';
import { exportsRoutes } from './exports.ts';
import { feelingsRoutes } from './feelings.ts';
import { importsRoutes } from './imports.ts';
import { interactionsRoutes } from './interactions.ts';
import { membershipsRoutes } from './memberships.ts';
import { notesRoutes } from './notes.ts';
import { ordersRoutes } from './orders.ts';
import { peopleRoutes } from './people.ts';
import { productsRoutes } from './products.ts';
import { promisesRoutes } from './promises.ts';
import { recoveryRoutes } from './recovery.ts';
import { reviewsRoutes } from './reviews.ts';
import { searchRoutes } from './search.ts';
import { slaPoliciesRoutes } from './sla-policies.ts';
import { sourcesRoutes } from './sources.ts';
import { surveysRoutes } from './surveys.ts';
import { tasksRoutes } from './tasks.ts';
import { textRoutes } from './text.ts';
import { themesRoutes } from './themes.ts';
import { usersRoutes } from './users.ts';
import { valueRoutes } from './value.ts';
import { viewsRoutes } from './views.ts';
import { webhooksRoutes } from './webhooks.ts';
import { workspacesRoutes } from './workspaces.ts';

/** Every route of the API, in the order of the docs. */
export const routes: Route[] = [
  ...authRoutes,
  ...workspacesRoutes,
  ...searchRoutes,
  ...peopleRoutes,
  ...companiesRoutes,
  ...viewsRoutes,
  ...membershipsRoutes,
  ...interactionsRoutes,
  ...feelingsRoutes,
  ...valueRoutes,
  ...ordersRoutes,
  ...productsRoutes,
  ...notesRoutes,
  ...reviewsRoutes,
  ...tasksRoutes,
  ...surveysRoutes,
  ...casesRoutes,
  ...promisesRoutes,
  ...recoveryRoutes,
  ...slaPoliciesRoutes,
  ...importsRoutes,
  ...exportsRoutes,
  ...customFieldsRoutes,
  ...sourcesRoutes,
  ...eventsRoutes,
  ...textRoutes,
  ...themesRoutes,
  ...usersRoutes,
  ...apiKeysRoutes,
  ...webhooksRoutes,
  ...emailRoutes,
  ...auditRoutes,
];
