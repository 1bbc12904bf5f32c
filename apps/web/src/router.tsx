import { Center, Loader } from '@mantine/core';
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { caseSearch } from './features/cases/cases';
import { CompanyList } from './features/companies/CompanyList';
import { CompanyShow } from './features/companies/CompanyShow';
import { OrderShow } from './features/orders/OrderShow';
import { PeopleList } from './features/people/PeopleList';
import { PersonShow } from './features/people/PersonShow';
import { promiseSearch } from './features/promises/promises';
import { reviewSearch } from './features/reviews/reviews';
import { Inbox } from './features/tasks/Inbox';
import { SignIn } from './session/SignIn';
import { useMe } from './session/session';
import { listSearch } from './shared/list';
import { Shell } from './shell/Shell';

/** Signed in: the app in its frame; signed out: the sign-in page, whatever the address. */
function Root() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!me.data) return <SignIn />;
  return (
    <Shell me={me.data}>
      <Outlet />
    </Shell>
  );
}

// The everyday screens load with the app; reviews, themes, value, import, duplicates, surveys and admin load when first opened.
const root = createRootRoute({ component: Root });
const home = createRoute({
  getParentRoute: () => root,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/people' });
  },
});
const people = createRoute({
  getParentRoute: () => root,
  path: '/people',
  validateSearch: listSearch,
  component: PeopleList,
});
const inbox = createRoute({ getParentRoute: () => root, path: '/tasks', component: Inbox });
const companies = createRoute({
  getParentRoute: () => root,
  path: '/companies',
  validateSearch: listSearch,
  component: CompanyList,
});
const company = createRoute({
  getParentRoute: () => root,
  path: '/companies/$companyId',
  component: CompanyShow,
});
const person = createRoute({ getParentRoute: () => root, path: '/people/$personId', component: PersonShow });
const order = createRoute({ getParentRoute: () => root, path: '/orders/$orderId', component: OrderShow });
const reviews = createRoute({
  getParentRoute: () => root,
  path: '/reviews',
  validateSearch: reviewSearch,
  component: lazyRouteComponent(() => import('./features/reviews/ReviewsPage'), 'ReviewsPage'),
});
const imports = createRoute({
  getParentRoute: () => root,
  path: '/imports',
  component: lazyRouteComponent(() => import('./features/imports/ImportPage'), 'ImportPage'),
});
const duplicates = createRoute({
  getParentRoute: () => root,
  path: '/duplicates',
  component: lazyRouteComponent(() => import('./features/duplicates/DuplicatesPage'), 'DuplicatesPage'),
});
const surveys = createRoute({
  getParentRoute: () => root,
  path: '/surveys',
  component: lazyRouteComponent(() => import('./features/surveys/SurveyList'), 'SurveyList'),
});
const survey = createRoute({
  getParentRoute: () => root,
  path: '/surveys/$surveyId',
  component: lazyRouteComponent(() => import('./features/surveys/SurveyShow'), 'SurveyShow'),
});
const admin = createRoute({
  getParentRoute: () => root,
  path: '/admin',
  component: lazyRouteComponent(() => import('./features/admin/AdminPage'), 'AdminPage'),
});

const themes = createRoute({
  getParentRoute: () => root,
  path: '/themes',
  component: lazyRouteComponent(() => import('./features/themes/ThemesPage'), 'ThemesPage'),
});

const value = createRoute({
  getParentRoute: () => root,
  path: '/value',
  component: lazyRouteComponent(() => import('./features/value/ValuePage'), 'ValuePage'),
});

const cases = createRoute({
  getParentRoute: () => root,
  path: '/cases',
  validateSearch: caseSearch,
  component: lazyRouteComponent(() => import('./features/cases/CaseList'), 'CaseList'),
});
const supportCase = createRoute({
  getParentRoute: () => root,
  path: '/cases/$caseId',
  component: lazyRouteComponent(() => import('./features/cases/CaseShow'), 'CaseShow'),
});
const approvals = createRoute({
  getParentRoute: () => root,
  path: '/approvals',
  component: lazyRouteComponent(() => import('./features/cases/ApprovalsPage'), 'ApprovalsPage'),
});
const promises = createRoute({
  getParentRoute: () => root,
  path: '/promises',
  validateSearch: promiseSearch,
  component: lazyRouteComponent(() => import('./features/promises/PromiseList'), 'PromiseList'),
});
const service = createRoute({
  getParentRoute: () => root,
  path: '/service-settings',
  component: lazyRouteComponent(
    () => import('./features/service/ServiceSettingsPage'),
    'ServiceSettingsPage',
  ),
});
const recovery = createRoute({
  getParentRoute: () => root,
  path: '/recovery',
  component: lazyRouteComponent(() => import('./features/recovery/RecoveryPage'), 'RecoveryPage'),
});

export const router = createRouter({
  routeTree: root.addChildren([
    home,
    people,
    person,
    companies,
    company,
    order,
    reviews,
    inbox,
    themes,
    value,
    recovery,
    imports,
    duplicates,
    surveys,
    survey,
    admin,
    cases,
    supportCase,
    approvals,
    promises,
    service,
  ]),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
