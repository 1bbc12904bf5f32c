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

/**
 * What was bought: product, SKU, quantity, unit price, discount and line total (returned
 * items are lines with a negative quantity), then the order's discount, tax, shipping, total
 * and, for a refunded order, the refund.
 */
export function OrderLines({ order }: { order: OrderDetail }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
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
      <Table.ScrollContainer minWidth={560}>
        <Table>
          {order.lines.length > 0 && (
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th>SKU</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th ta="right">Unit price</Table.Th>
                <Table.Th ta="right">Discount</Table.Th>
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
                </Table.Td>
                <Table.Td>{line.sku ?? '—'}</Table.Td>
                <Table.Td ta="right">{line.quantity}</Table.Td>
                <Table.Td ta="right">{money(line.unitPriceMinor)}</Table.Td>
                <Table.Td ta="right">{line.discountMinor ? money(-line.discountMinor) : '—'}</Table.Td>
                <Table.Td ta="right">{money(line.totalMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            {totals
              .filter((t) => !t.optional || t.minor !== 0)
              .map((t) => (
                <Table.Tr key={t.name}>
                  <Table.Th colSpan={5} ta="right" scope="row">
                    {t.name}
                  </Table.Th>
                  <Table.Td ta="right" fw={t.strong ? 700 : undefined} c={t.color}>
                    {money(t.minor)}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
