import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** The workspace's users (owners, assignees), cached for the session. */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: () => call(api.GET('/api/v1/users')),
    staleTime: 5 * 60_000,
    select: (page) => page.data,
  });
}

export function useUserNames(): Map<string, string> {
  const users = useUsers();
  return new Map((users.data ?? []).map((u) => [u.id, u.name]));
}
