import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { useChange } from '../admin/admin';

export type Webhook = Schemas['Webhook'];
export type WebhookCreate = Schemas['WebhookCreate'];
export type WebhookUpdate = Schemas['WebhookUpdate'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type DeliveryStatus = WebhookDelivery['status'];

export function useWebhooks() {
  return useQuery({
    queryKey: ['webhooks'],
    queryFn: async () => (await call(api.GET('/api/v1/webhooks'))).data,
  });
}

export const useCreateWebhook = () =>
  useChange(['webhooks'], (body: WebhookCreate) => call(api.POST('/api/v1/webhooks', { body })));

export const useUpdateWebhook = () =>
  useChange(['webhooks', 'webhook-deliveries'], ({ id, body }: { id: string; body: WebhookUpdate }) =>
    call(api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteWebhook = () =>
  useChange(['webhooks'], (id: string) =>
    call(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } })),
  );

export const useRotateSecret = () =>
  useChange(['webhooks'], (id: string) =>
    call(api.POST('/api/v1/webhooks/{id}/rotate-secret', { params: { path: { id } } })),
  );

/** A subscription's delivery log, newest first, a page at a time. */
export function useDeliveries(webhookId: string, status: DeliveryStatus | null) {
  return useInfiniteQuery({
    queryKey: ['webhook-deliveries', webhookId, status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/webhooks/{id}/deliveries', {
          params: {
            path: { id: webhookId },
            query: { limit: 25, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While a delivery waits for its first attempt, the background worker is about to send it.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.data.some((d) => d.status === 'pending')) ? 2_000 : false,
  });
}

export const useReplay = () =>
  useChange(['webhook-deliveries'], ({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) =>
    call(
      api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay', {
        params: { path: { id: webhookId, deliveryId } },
      }),
    ),
  );
