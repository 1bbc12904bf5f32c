import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { cell } from '../packages/core/src/imports/cell-schemas.ts';
import { readCsv } from '../packages/core/src/imports/csv.ts';
import { applyMapping, suggestMapping } from '../packages/core/src/imports/mapping.ts';
import { validateRows } from '../packages/core/src/imports/rows.ts';
import { email } from '../packages/core/src/shared/fields.ts';

/**
 * readCsv on a generated orders-like file (1,000,000 rows, 8 columns, some quoted fields with
 * commas, doubled quotes and line breaks). Reference in the same run: csv-parse alone, without
 * line numbers, header checks or ragged-row handling. Then the rows are validated against an
 * orders-like schema (text, email, date-time, money, enum).
 * Run: npx tsx bench/csv-read.ts [rows]
 */

const count = Number(process.argv[2] ?? 1_000_000);
const statuses = ['paid', 'refunded', 'pending', 'shipped'];
const lines = ['order_id,email,ordered_at,currency,total,status,product,note'];
for (let i = 1; i <= count; i++) {
  const note = i % 10 === 0 ? '"gift, wrapped ""nicely"""' : i % 97 === 0 ? '"two\nlines"' : '';
  const day = `2024-0${(i % 9) + 1}-1${i % 10}T10:${String(i % 60).padStart(2, '0')}:00Z`;
  lines.push(
    `ORD-${String(i).padStart(8, '0')},customer${i % 50_000}@example.com,${day},EUR,${(i % 100_000) / 100},` +
      `${statuses[i % 4]},Espresso beans ${i % 300},${note}`,
  );
}
const buffer = Buffer.from(`${lines.join('\n')}\n`);
lines.length = 0;

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, (performance.now() - start) / 1000];
}

const [file, seconds] = time(() => readCsv(buffer));
const [records, reference] = time(() => parse(buffer, { relax_column_count: true }));
const mb = (buffer.length / 1e6).toFixed(0);
console.log(
  `readCsv: ${file.rows.length.toLocaleString('en')} rows, ${mb} MB in ${seconds.toFixed(2)} s` +
    ` (${(file.rows.length / seconds / 1000).toFixed(0)}k rows/s); last row starts on line ${file.rows.at(-1)?.line}`,
);
console.log(`reference, csv-parse alone: ${records.length - 1} records in ${reference.toFixed(2)} s`);

const fields = [
  { key: 'externalId', label: 'Order ID', synonyms: ['order_id'] },
  { key: 'email', label: 'Email' },
  { key: 'orderedAt', label: 'Ordered at' },
  { key: 'total', label: 'Total' },
  { key: 'status', label: 'Status' },
  { key: 'note', label: 'Note' },
];
const schema = z.object({
  externalId: cell.required(cell.text(50)),
  email: cell.text().pipe(email.nullish()),
  orderedAt: cell.required(cell.dateTime()),
  total: cell.required(cell.money('EUR')),
  status: cell.required(cell.text()).pipe(z.enum(['paid', 'refunded', 'pending', 'shipped'])),
  note: cell.text(),
});
const columns = applyMapping(file.headers, suggestMapping(file.headers, fields), fields);
const [validated, validation] = time(() => validateRows(file, columns, { schema }));
console.log(
  `validateRows (orders schema): ${validated.valid.length.toLocaleString('en')} valid,` +
    ` ${validated.rejected.length} rejected in ${validation.toFixed(2)} s`,
);
