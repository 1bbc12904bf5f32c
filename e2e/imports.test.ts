import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, browserMissing, signIn, startWebApp, type WebApp } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

const stamp = Date.now();
const ida = `ida.${stamp}@example.com`;
const kathleen = `kathleen.${stamp}@example.com`;
// Line 4 has an email the server refuses; lines 2 and 3 are good.
const PEOPLE_CSV = [
  'First name,Surname,E-mail,Tags',
  `Ida,Rhodes,${ida},vip`,
  `Kathleen,Booth,${kathleen},`,
  'Bad,Row,not-an-email,',
].join('\n');

const csvFile = (text: string, name = 'people.csv') => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

async function openWizard(page: Page) {
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
  return page.getByRole('region', { name: 'Import wizard' });
}

const fieldFor = (page: Page, header: string) =>
  page.getByRole('combobox', { name: `Field for column ${header}` });

describe.skipIf(missing)('the import wizard in a real browser (Chromium)', () => {
  let app: WebApp;
  let agent: string;
  let viewer: string;

  beforeAll(async () => {
    app = await startWebApp();
    agent = await addUser(app, 'Ivy Importer', 'agent');
    viewer = await addUser(app, 'Val Viewer', 'viewer');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const person = async (email: string) =>
    (await app.api.call('GET', `/api/v1/people?email=${encodeURIComponent(email)}`)).body.data;

  it('previews with suggestions, dry-runs without writing, imports, reports the bad row, serves its error CSV', async () => {
    const page = await app.page();
    await signIn(page, agent);
    const wizard = await openWizard(page);
    await wizard.locator('input[type="file"]').setInputFiles(csvFile(PEOPLE_CSV));

    // The preview: every column with its suggested field, and the first rows.
    await fieldFor(page, 'E-mail').waitFor();
    expect(await fieldFor(page, 'First name').inputValue()).toBe('First name');
    expect(await fieldFor(page, 'Surname').inputValue()).toBe('Last name');
    expect(await fieldFor(page, 'E-mail').inputValue()).toBe('Email');
    expect(await fieldFor(page, 'Tags').inputValue()).toBe('Tags');
    const sample = page.getByRole('region', { name: 'First rows' });
    await sample.getByRole('cell', { name: 'not-an-email' }).waitFor();

    await wizard.getByRole('button', { name: 'Dry run' }).click();
    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByRole('heading', { name: 'Dry run: nothing was written' }).waitFor();
    await report.getByText('2 of 3 rows would be imported').waitFor();
    expect(await person(ida)).toEqual([]);
    expect(await person(kathleen)).toEqual([]);

    await wizard.getByRole('button', { name: 'Import', exact: true }).click();
    await report.getByRole('heading', { name: 'Import finished' }).waitFor();
    await report.getByText('2 of 3 rows imported (2 new').waitFor();
    const rejected = report.getByRole('table', { name: 'Rejected rows' });
    const row = rejected.getByRole('row').nth(1);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('E-mail');
    expect(cells[2]).toMatch(/email/i);

    // Written for real, with the mapped fields.
    const [written] = await person(ida);
    expect(written).toMatchObject({ firstName: 'Ida', lastName: 'Rhodes', email: ida, tags: ['vip'] });
    expect(await person(kathleen)).toHaveLength(1);
    const runs = (await app.api.call('GET', '/api/v1/imports')).body.data;
    expect(runs.map((r: { dryRun: boolean }) => r.dryRun).slice(0, 2)).toEqual([false, true]);

    // The error CSV holds the bad row and why.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('link', { name: 'Download error CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv).toContain('Bad,Row,not-an-email');
    expect(csv).not.toContain(ida);
    expect(csv.split(/\r?\n/)[0]).toMatch(/error/i);

    // The recent imports list shows both runs; the import's error CSV is linked there too.
    const recent = page.getByRole('region', { name: 'Recent imports' });
    await recent.getByText('dry run').waitFor();
    expect(await recent.getByRole('link', { name: /Error CSV of people\.csv/ }).count()).toBe(2);
    await page.context().close();
  });

  it('shows refusals beside their control and keeps what the user chose', async () => {
    const page = await app.page();
    await signIn(page, agent);
    const wizard = await openWizard(page);
    const fileInput = wizard.locator('input[type="file"]');

    // Not a text file: the message is on the file input.
    await fileInput.setInputFiles({
      name: 'photo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x0a, 0xc3]),
    });
    await wizard.getByText(/not UTF-8/).waitFor();
    const chosen = wizard.getByRole('button', { name: 'CSV or JSONL file' });
    expect(await chosen.getAttribute('aria-invalid')).toBe('true');
    expect(await chosen.innerText()).toBe('photo.csv');
    expect(await wizard.getByRole('button', { name: 'Dry run' }).count()).toBe(0);

    // Two columns mapped to one field: the message is beside the column, the choice stays.
    await page.getByRole('combobox', { name: 'What to import' }).waitFor();
    await fileInput.setInputFiles(csvFile(PEOPLE_CSV, 'again.csv'));
    await fieldFor(page, 'Surname').click();
    await page.getByRole('option', { name: 'Email', exact: true }).click();
    await wizard.getByRole('button', { name: 'Dry run' }).click();
    const emailRow = wizard.getByRole('row', { name: /^E-mail/ });
    await emailRow.getByText('columns "Surname" and "E-mail" both map to email').waitFor();
    expect(await fieldFor(page, 'E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await fieldFor(page, 'Surname').inputValue()).toBe('Email');
    expect(await fieldFor(page, 'E-mail').inputValue()).toBe('Email');
    expect(await page.getByRole('combobox', { name: 'What to import' }).inputValue()).toBe('People');

    // The same file read as orders: the required fields without a column are named above the
    // mapping before any run, and the server's refusal shows there too; the file stays chosen.
    await page.getByRole('combobox', { name: 'What to import' }).click();
    await page.getByRole('option', { name: 'Orders' }).click();
    const mapping = wizard.getByRole('region', { name: 'Column mapping' });
    await mapping.getByText(/Required, and no column goes there yet: .*Currency/).waitFor();
    await wizard.getByRole('button', { name: 'Dry run' }).click();
    await mapping
      .getByRole('alert')
      .getByText(/which is required/)
      .first()
      .waitFor();
    expect(await wizard.getByRole('button', { name: 'CSV or JSONL file' }).innerText()).toBe('again.csv');

    // Back to people (the suggestions again); skipping a column leaves it out of the run.
    await page.getByRole('combobox', { name: 'What to import' }).click();
    await page.getByRole('option', { name: 'People' }).click();
    await fieldFor(page, 'Surname').click();
    await page.getByRole('option', { name: 'Skip this column' }).click();
    await wizard.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('region', { name: 'Import report' }).getByText('rows would be imported').waitFor();
    const [latest] = (await app.api.call('GET', '/api/v1/imports')).body.data;
    expect(latest).toMatchObject({ dryRun: true, fileName: 'again.csv', created: 0 });
    expect(latest.mapping).toEqual({
      'First name': 'firstName',
      Surname: null,
      'E-mail': 'email',
      Tags: 'tags',
    });
    await page.context().close();
  });

  it('gives a viewer the recent imports and no wizard; the API refuses the viewer an import', async () => {
    const page = await app.page();
    await signIn(page, viewer);
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('region', { name: 'Recent imports' }).waitFor();
    await page.getByText('not import files').waitFor();
    expect(await page.getByRole('region', { name: 'Import wizard' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/v1/imports/people', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'First name\nMallory\n',
      });
      return response.status;
    });
    expect(status).toBe(403);
    await page.context().close();
  });
});
