import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { formatMoney } from '../../shared/format';
import type { OrderDetail } from './order';

interface Total {
  name: string;
  minor: number;
  /** Left out when zero. */
  optional?: boolean;
  strong?: boolean;
  color?: string;
}

/** An amount in its cell, right-aligned, never wrapped. */
function Money(props: {
  minor: number;
  currency: string;
  strong?: boolean | undefined;
  color?: string | undefined;
}) {
  return (
    <Table.Td ta="right" fw={props.strong ? 700 : undefined} c={props.color} style={{ whiteSpace: 'nowrap' }}>
      {formatMoney(props.minor, props.currency)}
    </Table.Td>
  );
}

/**
 * What was bought: product, SKU, quantity, unit price, discount and line total (returned
 * items are lines with a negative quantity), then the order's discount, tax, shipping, total
 * and, for a refunded order, the refund.
 */
export function OrderLines({ order }: { order: OrderDetail }) {
  const discounts = order.lines.some((line) => line.discountMinor !== 0);
  const columns = discounts ? 5 : 4;
  const refunded = order.status === 'refunded';
  // Shops that quote prices with tax in them record the tax without adding it to the total.
  const taxIncluded =
    order.taxMinor !== 0 &&
    order.subtotalMinor - order.discountMinor + order.shippingMinor === order.totalMinor;
  const totals: Total[] = [
    { name: 'Subtotal', minor: order.subtotalMinor },
    { name: 'Order discount', minor: -order.discountMinor, optional: true },
    { name: taxIncluded ? 'Tax (included)' : 'Tax', minor: order.taxMinor, optional: true },
    { name: 'Shipping', minor: order.shippingMinor, optional: true },
    { name: refunded ? 'Total charged' : 'Total', minor: order.totalMinor, strong: true },
    ...(refunded
      ? [
          { name: 'Refunded', minor: -order.totalMinor, color: 'red' },
          { name: 'Net', minor: 0, strong: true },
        ]
      : []),
  ];
  return (
    <Card withBorder component="section" aria-label="Lines">
      <Title order={2} size="h5" mb="xs">
        Lines
      </Title>
      {order.lines.length === 0 && (
        <Text c="dimmed" size="sm" mb="xs">
          Recorded with its total only, without lines.
        </Text>
      )}
      {/* Narrow enough for a tablet held upright: the SKU sits under the product, money never wraps. */}
      <Table.ScrollContainer minWidth={440}>
        <Table horizontalSpacing="xs" fz="sm">
          {order.lines.length > 0 && (
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product (SKU)</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th ta="right">Unit price</Table.Th>
                {discounts && <Table.Th ta="right">Discount</Table.Th>}
                <Table.Th ta="right">Line total</Table.Th>
              </Table.Tr>
            </Table.Thead>
          )}
          <Table.Tbody>
            {order.lines.map((line) => (
              <Table.Tr key={line.lineNo}>
                <Table.Td>
                  {line.name}{' '}
                  {line.quantity < 0 && (
                    <Badge size="xs" color="orange" variant="light">
                      Return
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {line.sku ?? 'no SKU'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{line.quantity}</Table.Td>
                <Money minor={line.unitPriceMinor} currency={order.currency} />
                {discounts &&
                  (line.discountMinor ? (
                    <Money minor={-line.discountMinor} currency={order.currency} />
                  ) : (
                    <Table.Td ta="right">—</Table.Td>
                  ))}
                <Money minor={line.totalMinor} currency={order.currency} />
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            {totals
              .filter((t) => !t.optional || t.minor !== 0)
              .map((t) => (
                <Table.Tr key={t.name}>
                  <Table.Th colSpan={columns - 1} ta="right" scope="row">
                    {t.name}
                  </Table.Th>
                  <Money minor={t.minor} currency={order.currency} strong={t.strong} color={t.color} />
                </Table.Tr>
              ))}
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
