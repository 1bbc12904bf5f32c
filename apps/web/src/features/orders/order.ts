import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import type { About } from '../../shared/about';
import { label } from '../../shared/format';

export type Order = Schemas['Order'];
export type OrderDetail = Schemas['OrderDetail'];
export type OrderStatus = Order['status'];

/** How an order is called: its number in the shop (external id), else its Rapport id. */
export const orderNumber = (order: Pick<Order, 'externalId' | 'id'>) => order.externalId ?? order.id;

export const STATUS_COLOR: Record<OrderStatus, string> = {
  pending: 'yellow',
  paid: 'blue',
  fulfilled: 'teal',
  cancelled: 'gray',
  refunded: 'red',
};

export const statusLabel = (status: OrderStatus) => label(status);

export function useOrder(id: string) {
  return useQuery({
    queryKey: ['order', id],
    queryFn: () => call(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })),
  });
}

/** A person's or a company's orders, newest first, a page at a time. */
export function useOrders(about: About, limit = 5) {
  return useInfiniteQuery({
    queryKey: ['orders', about.personId ?? about.companyId],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Schemas['OrdersPage']) => page.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/orders', { params: { query: { ...about, limit, cursor: pageParam } } })),
  });
}

/** Changes an order (status, number, channel); its page, its customer's totals, lists and timelines follow. */
export function useUpdateOrder(order: Order) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['OrderUpdate']) =>
      call(api.PATCH('/api/v1/orders/{id}', { params: { path: { id: order.id } }, body })),
    onSuccess: async (saved) => {
      client.setQueryData(['order', order.id], saved);
      await Promise.all(
        [
          ['orders'],
          ['timeline'],
          ['search'],
          ...[order.personId, order.companyId].flatMap((id) =>
            id
              ? [
                  ['person', id],
                  ['company', id],
                ]
              : [],
          ),
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    },
  });
}
