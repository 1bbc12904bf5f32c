import '@mantine/spotlight/styles.css';
import { Button, Kbd, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { formatDate, formatMoney } from '../../shared/format';
import { orderNumber, statusLabel } from '../orders/order';

/** Ctrl/Cmd+K anywhere: one box that jumps to a person, a company or an order's page. */
export function GlobalSearch() {
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 150);
  const navigate = useNavigate();
  const results = useQuery({
    queryKey: ['search', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: () => call(api.GET('/api/v1/search', { params: { query: { q, limit: 6 } } })),
  });
  const found = q.length >= 2 ? results.data : undefined;
  const total = found ? found.people.length + found.companies.length + found.orders.length : 0;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={spotlight.open}
        rightSection={
          <Kbd size="xs" visibleFrom="sm">
            Ctrl K
          </Kbd>
        }
      >
        Search
      </Button>
      <Spotlight.Root
        query={query}
        onQueryChange={setQuery}
        shortcut={['mod + K']}
        scrollable
        maxHeight={480}
      >
        <Spotlight.Search placeholder="Search people, companies, orders…" aria-label="Search everything" />
        <Spotlight.ActionsList>
          {found && found.people.length > 0 && (
            <Spotlight.ActionsGroup label="People">
              {found.people.map((p) => (
                <Spotlight.Action
                  key={p.id}
                  label={p.name}
                  description={[p.title, p.email].filter(Boolean).join(' · ')}
                  onClick={() => navigate({ to: '/people/$personId', params: { personId: p.id } })}
                />
              ))}
            </Spotlight.ActionsGroup>
          )}
          {found && found.companies.length > 0 && (
            <Spotlight.ActionsGroup label="Companies">
              {found.companies.map((c) => (
                <Spotlight.Action
                  key={c.id}
                  label={c.name}
                  description={[c.industry, c.domain].filter(Boolean).join(' · ')}
                  onClick={() => navigate({ to: '/companies/$companyId', params: { companyId: c.id } })}
                />
              ))}
            </Spotlight.ActionsGroup>
          )}
          {found && found.orders.length > 0 && (
            <Spotlight.ActionsGroup label="Orders">
              {found.orders.map((o) => (
                <Spotlight.Action
                  key={o.id}
                  label={`Order ${orderNumber(o)}`}
                  description={[
                    o.personName ?? o.companyName,
                    formatDate(o.orderedAt),
                    formatMoney(o.totalMinor, o.currency),
                    statusLabel(o.status),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  onClick={() => navigate({ to: '/orders/$orderId', params: { orderId: o.id } })}
                />
              ))}
            </Spotlight.ActionsGroup>
          )}
          {q.length < 2 && (
            <Spotlight.Empty>Type a name, an email, a company or an order number.</Spotlight.Empty>
          )}
          {q.length >= 2 && found && total === 0 && (
            <Spotlight.Empty>Nothing found for “{q}”.</Spotlight.Empty>
          )}
          {results.error && (
            <Text c="red" p="sm" role="alert">
              {results.error.message}
            </Text>
          )}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}
