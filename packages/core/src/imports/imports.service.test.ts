import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomField } from '../custom-fields/custom-fields.service.ts';
import { exportRecords } from '../exports/exports.service.ts';
import { logInteraction } from '../interactions/interactions.service.ts';
import { createOrder } from '../orders/orders.service.ts';
import { listPeople } from '../people/people.service.ts';
import { createProduct } from '../products/products.service.ts';
import { systemCtx } from '../shared/context.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { viewPerson } from '../timeline/timeline.views.ts';
import { addMember } from '../users/users.service.ts';
import { readCsv } from './csv.ts';
import { runImport } from './imports.service.ts';

let db: Db;
let ws: TestWorkspace;
beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db);
});
afterAll(() => db.close());

const PEOPLE = [
  '\uFEFFFirst Name;Last Name;E-mail;Company;Website;Job role;Level;Tags',
  'Ada;Lovelace;ada@analytical.test;Analytical Engines;analytical.test;CTO;executive;vip|b2b',
  'Bob;"Builder; Jr.";not-an-email;Analytical Engines;analytical.test;Engineer;end_user;',
  'Carla;Chief;carla@analytical.test;Analytical Engines;analytical.test;"Head of\nQuality";functional_lead;',
  'Dan;Dup;ada@analytical.test;Other Co;other.test;Advisor;boss;',
].join('\r\n');

describe('imports', () => {
  it('imports people with their companies, reports each bad row by line and column, and writes nothing of them', async () => {
    const dry = await ws.run((ctx) =>
      runImport(ctx, { kind: 'people', file: PEOPLE, fileName: 'people.csv', dryRun: true }),
    );
    expect(dry).toMatchObject({ dryRun: true, totalRows: 4, created: 2, rejected: 2 });
    expect((await ws.run((ctx) => listPeople(ctx, { q: 'analytical' }))).data).toEqual([]);

    const run = await ws.run((ctx) =>
      runImport(ctx, { kind: 'people', file: PEOPLE, fileName: 'people.csv' }),
    );
    expect(run).toMatchObject({ dryRun: false, totalRows: 4, created: 2, updated: 0, rejected: 2 });
    expect(run.errors).toEqual([
      { line: 3, column: 'E-mail', message: 'must be an email address like ada@example.com' },
      { line: 6, column: 'Level', message: 'must be one of: executive, functional_lead, end_user' },
    ]);
    expect(run.mapping).toMatchObject({
      'First Name': 'firstName',
      'E-mail': 'email',
      Website: 'companyDomain',
      'Job role': 'companyRole',
    });
    const errorFile = readCsv(run.errorCsv!);
    expect(errorFile.headers.at(-1)).toBe('error');
    expect(errorFile.rows.map((r) => r.cells[0])).toEqual(['Bob', 'Dan']);
    expect(errorFile.rows[0]!.cells.at(-1)).toBe(
      'line 3, E-mail: must be an email address like ada@example.com',
    );

    const people = await ws.run((ctx) => listPeople(ctx, { q: 'analytical' }));
    expect(people.data.map((p) => p.name).sort()).toEqual(['Ada Lovelace', 'Carla Chief']);
    const carla = people.data.find((p) => p.firstName === 'Carla')!;
    const view = await ws.run((ctx) => viewPerson(ctx, carla.id));
    expect(view.memberships[0]).toMatchObject({
      companyName: 'Analytical Engines',
      role: 'Head of\nQuality',
      level: 'functional_lead',
    });

    const fixed = run
      .errorCsv!.replace('not-an-email', 'bob@analytical.test')
      .replace(';boss;', ';end_user;');
    const again = await ws.run((ctx) => runImport(ctx, { kind: 'people', file: fixed }));
    expect(again).toMatchObject({ totalRows: 2, created: 1, rejected: 0 });
    expect(again.updated + again.unchanged).toBe(1); // Dan's row matched Ada by email and added a company
  });

  it('follows a mapping file and refuses unknown fields and columns', async () => {
    const file = 'Mail,Name\nmapped@example.test,Mapped';
    const run = await ws.run((ctx) =>
      runImport(ctx, { kind: 'people', file, mapping: { Mail: 'email', Name: 'firstName' } }),
    );
    expect(run.created).toBe(1);
    await expect(
      ws.run((ctx) => runImport(ctx, { kind: 'people', file, mapping: { Mail: 'shoeSize' } })),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'mapping."Mail"' }],
    });
    await expect(
      ws.run((ctx) => runImport(ctx, { kind: 'people', file, mapping: '{"Nope": "email"}' })),
    ).rejects.toMatchObject({
      details: [{ path: 'mapping."Nope"' }],
    });
    await expect(ws.run((ctx) => runImport(ctx, { kind: 'planets', file }))).rejects.toMatchObject({
      details: [{ path: 'kind' }],
    });
  });

  it('imports orders with lines, creating missing customers, priced from the catalog', async () => {
    await ws.run((ctx) =>
      createProduct(ctx, { sku: 'BEAN-1', name: 'House blend', priceMinor: 1200, currency: 'EUR' }),
    );
    const file = [
      'Order Number,Customer Email,Order Date,Currency,SKU,Qty,Unit Price,Shipping,Total',
      'A-1,new.buyer@shop.test,2026-01-05,EUR,BEAN-1,2,,4.90,28.90',
      'A-1,new.buyer@shop.test,2026-01-05,EUR,GIFT,1,12.00,4.90,28.90',
      'A-2,new.buyer@shop.test,2026-02-01T10:00:00+01:00,EUR,,,,,"1,234.50"',
      'A-3,,2026-02-02,EUR,,,,,10',
      'A-4,x@shop.test,2026-02-30,EUR,,,,,10',
      'A-5,x@shop.test,2026-02-03,EUR,NOPE,1,,,10',
      'A-6,yen@shop.test,2026-02-03,JPY,,,,,12.5',
    ].join('\n');
    const run = await ws.run((ctx) => runImport(ctx, { kind: 'orders', file }));
    expect(run).toMatchObject({ totalRows: 7, created: 2, rejected: 4 });
    expect(run.errors.map((e) => [e.line, e.column])).toEqual([
      [5, 'Customer Email'],
      [6, 'Order Date'],
      [7, 'Unit Price'],
      [8, 'Total'],
    ]);
    const buyer = (await ws.run((ctx) => listPeople(ctx, { email: 'new.buyer@shop.test' }))).data[0]!;
    const view = await ws.run((ctx) => viewPerson(ctx, buyer.id, { timeline: true }));
    const orders = view.timeline!.data.flatMap((e) => (e.kind === 'order' ? [e.order] : []));
    expect(orders.map((o) => [o.externalId, o.totalMinor])).toEqual([
      ['A-2', 123450],
      ['A-1', 2890],
    ]);
    expect(orders[1]!.lines.map((l) => [l.name, l.quantity, l.unitPriceMinor])).toEqual([
      ['House blend', 2, 1200],
      ['GIFT', 1, 1200],
    ]);
    const rerun = await ws.run((ctx) => runImport(ctx, { kind: 'orders', file }));
    expect(rerun).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('round-trips: export, then import into an empty workspace, gives the same records', async () => {
    const source = await testWorkspace(db);
    await source.run(async (ctx) => {
      await createCustomField(ctx, {
        entity: 'person',
        key: 'segment',
        label: 'Segment',
        type: 'select',
        options: ['gold', 'silver'],
      });
      await createCustomField(ctx, { entity: 'company', key: 'sites', label: 'Sites', type: 'number' });
      await runImport(ctx, {
        kind: 'companies',
        file: 'name,domain,industry,custom.sites,tags\nRound Trip AG,roundtrip.test,Pharma,3,key|eu\nNo Domain GmbH,,Medtech,,',
      });
      await runImport(ctx, {
        kind: 'people',
        file: [
          'first_name,last_name,email,phone,company_domain,company_role,company_level,custom.segment,consent.email,birthday',
          'Rita,Round,rita@roundtrip.test,+41 44 000 00 00,roundtrip.test,Buyer,executive,gold,granted,1980-02-29',
          'Rita,Round,rita@roundtrip.test,,other-roundtrip.test,Advisor,,,,',
          'Nameless,,,,roundtrip.test,,,silver,,',
        ].join('\n'),
      });
      const rita = (await listPeople(ctx, { email: 'rita@roundtrip.test' })).data[0]!;
      await createOrder(ctx, {
        personId: rita.id,
        externalId: 'RT-1',
        currency: 'EUR',
        totalMinor: 4999,
        orderedAt: '2026-03-01T00:00:00Z',
      });
      await createOrder(ctx, {
        personId: rita.id,
        currency: 'JPY',
        orderedAt: '2026-03-02T00:00:00Z',
        lines: [{ name: 'Matcha', quantity: 3, unitPriceMinor: 1500 }],
        taxMinor: 450,
      });
      const first = await logInteraction(ctx, {
        channel: 'email',
        direction: 'inbound',
        occurredAt: '2026-03-03T08:00:00Z',
        subject: 'Hello, "world"',
        body: 'Line one,\nline two',
        people: [{ personId: rita.id }],
      });
      const { correctInteraction } = await import('../interactions/interactions.service.ts');
      await correctInteraction(ctx, first.id, { reason: 'typo', subject: 'Hello world' });
    });
    const target = await testWorkspace(db);
    // The same team works in the new workspace: users are named by email in the files.
    await addMember(systemCtx(db), target.workspaceId, source.adminId, 'agent');
    await target.run(async (ctx) => {
      await createCustomField(ctx, {
        entity: 'person',
        key: 'segment',
        label: 'Segment',
        type: 'select',
        options: ['gold', 'silver'],
      });
      await createCustomField(ctx, { entity: 'company', key: 'sites', label: 'Sites', type: 'number' });
    });
    const dump = async (w: TestWorkspace, kind: string, format: 'csv' | 'jsonl') => {
      let out = '';
      await w.run((ctx) =>
        exportRecords(ctx, kind, format, (chunk) => {
          out += chunk;
        }),
      );
      return out;
    };
    for (const kind of ['companies', 'people', 'orders', 'interactions']) {
      const file = await dump(source, kind, 'csv');
      const run = await target.run((ctx) => runImport(ctx, { kind, file }));
      expect(run.rejected, `${kind}: ${JSON.stringify(run.errors)}`).toBe(0);
    }
    for (const kind of ['companies', 'people', 'orders', 'interactions']) {
      const normal = (text: string) =>
        text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
          .map(({ createdAt: _c, updatedAt: _u, createdBy: _b, ...rest }) =>
            JSON.parse(JSON.stringify(rest).replaceAll(/"(at)":"[^"]*"/g, '"$1":"-"')),
          );
      const before = normal(await dump(source, kind, 'jsonl'));
      const after = normal(await dump(target, kind, 'jsonl'));
      expect(after, kind).toEqual(before);
    }
  });
});
