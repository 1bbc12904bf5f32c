import { Center, Loader } from '@mantine/core';
import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { AdminPage } from './features/admin/AdminPage';
import { DuplicatesPage } from './features/duplicates/DuplicatesPage';
import { PeopleList, peopleSearch } from './features/people/PeopleList';
import { PersonShow } from './features/people/PersonShow';
import { SignIn } from './session/SignIn';
import { useMe } from './session/session';
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
  validateSearch: peopleSearch,
  component: PeopleList,
});
const person = createRoute({ getParentRoute: () => root, path: '/people/$personId', component: PersonShow });
const duplicates = createRoute({
  getParentRoute: () => root,
  path: '/duplicates',
  component: DuplicatesPage,
});
const admin = createRoute({ getParentRoute: () => root, path: '/admin', component: AdminPage });

export const router = createRouter({
  routeTree: root.addChildren([home, people, person, duplicates, admin]),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
