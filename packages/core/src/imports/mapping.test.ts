import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { applyMapping, type FieldSpec, parseMappingFile, suggestMapping } from './mapping.ts';

const people: FieldSpec[] = [
  { key: 'externalId', label: 'External ID', synonyms: ['Customer ID', 'Contact ID'] },
  { key: 'email', label: 'Email', synonyms: ['Email Address', 'Mail', 'E-Mail-Adresse'] },
  { key: 'firstName', label: 'First name', synonyms: ['Given name', 'Vorname', 'Prénom'] },
  { key: 'lastName', label: 'Last name', synonyms: ['Surname', 'Family name', 'Nachname'] },
  { key: 'companyName', label: 'Company', synonyms: ['Organisation', 'Organization', 'Account', 'Firma'] },
  { key: 'companyDomain', label: 'Company domain', synonyms: ['Website', 'Domain', 'Web'] },
  { key: 'tags', label: 'Tags' },
  { key: 'custom.industry', label: 'Industry', synonyms: ['Branche'] },
];

const orders: FieldSpec[] = [
  {
    key: 'externalId',
    label: 'External ID',
    synonyms: ['Order ID', 'Order Number', 'Order No'],
    required: true,
  },
  { key: 'email', label: 'Customer email', synonyms: ['Email'] },
  { key: 'total', label: 'Total', synonyms: ['Amount', 'Order total'], required: true },
  { key: 'currency', label: 'Currency' },
  { key: 'orderedAt', label: 'Ordered at', synonyms: ['Date', 'Order date'] },
];

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('suggestMapping', () => {
  it('matches headers case-, accent-, space- and punctuation-insensitively, with synonyms', () => {
    const headers = [
      'E-mail',
      'VORNAME',
      'prenom',
      'Family_Name',
      'Organisation',
      'Website',
      'tags',
      'Branche',
    ];
    expect(suggestMapping(headers, people)).toEqual({
      'E-mail': 'email',
      VORNAME: 'firstName',
      prenom: null,
      Family_Name: 'lastName',
      Organisation: 'companyName',
      Website: 'companyDomain',
      tags: 'tags',
      Branche: 'custom.industry',
    });
  });

  it('reads accents and camelCase keys', () => {
    expect(suggestMapping(['Prénom', 'lastName', 'E-Mail-Adresse', 'INDUSTRY'], people)).toEqual({
      Prénom: 'firstName',
      lastName: 'lastName',
      'E-Mail-Adresse': 'email',
      INDUSTRY: 'custom.industry',
    });
  });

  it('prefers the exact name, then a name at the end of the header, and gives each field one column', () => {
    const headers = ['Email Address', 'Company Email', 'Company', 'Company domain', 'Given name'];
    expect(suggestMapping(headers, people)).toEqual({
      'Email Address': 'email',
      'Company Email': null,
      Company: 'companyName',
      'Company domain': 'companyDomain',
      'Given name': 'firstName',
    });
    expect(suggestMapping(['Work Email', 'Notes'], people)).toEqual({ 'Work Email': 'email', Notes: null });
  });

  it('uses the synonyms of the kind it is given', () => {
    expect(suggestMapping(['Order Number', 'Amount', 'Order date', 'Currency', 'Email'], orders)).toEqual({
      'Order Number': 'externalId',
      Amount: 'total',
      'Order date': 'orderedAt',
      Currency: 'currency',
      Email: 'email',
    });
    expect(suggestMapping(['Order Number'], people)).toEqual({ 'Order Number': null });
  });

  it('ignores the error column of an error CSV', () => {
    expect(suggestMapping(['email', 'Error'], [...people, { key: 'error', label: 'Error' }])).toEqual({
      email: 'email',
      Error: null,
    });
  });
});

describe('parseMappingFile', () => {
  const headers = ['Mail', 'Name', 'Notes'];

  it('reads a JSON mapping; omitted headers are ignored or keep their base value', () => {
    expect(parseMappingFile('{"Mail":"email","Notes":null}', headers, people)).toEqual({
      Mail: 'email',
      Name: null,
      Notes: null,
    });
    const base = suggestMapping(headers, people);
    expect(parseMappingFile({ Name: 'lastName' }, headers, people, base)).toEqual({
      Mail: 'email',
      Name: 'lastName',
      Notes: null,
    });
  });

  it('names unknown headers and unknown fields', () => {
    const error = failure(() => parseMappingFile({ Emial: 'email', Name: 'fullName' }, headers, people));
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([
      {
        path: 'mapping."Emial"',
        message: 'the file has no column "Emial"; its columns are: Mail, Name, Notes',
      },
      {
        path: 'mapping."Name"',
        message:
          'unknown field "fullName"; the fields are: externalId, email, firstName, lastName, companyName, companyDomain, tags, custom.industry',
      },
    ]);
  });

  it('refuses two columns for one field, a missing required field, bad JSON and a bad shape', () => {
    expect(
      failure(() => parseMappingFile({ Mail: 'email', Name: 'email' }, headers, people)).details,
    ).toEqual([{ path: 'mapping."Name"', message: 'columns "Mail" and "Name" both map to email' }]);
    expect(failure(() => parseMappingFile({}, ['Order'], orders)).details.map((d) => d.message)).toEqual([
      'no column is mapped to External ID (externalId), which is required',
      'no column is mapped to Total (total), which is required',
    ]);
    expect(failure(() => parseMappingFile('{"Mail":', headers, people)).code).toBe('invalid_json');
    const shape = failure(() => parseMappingFile({ Mail: 42 }, headers, people));
    expect(shape.details[0]?.path).toBe('mapping."Mail"');
    expect(failure(() => parseMappingFile(['email'], headers, people)).details[0]?.message).toMatch(
      /must be an object/,
    );
  });
});

describe('applyMapping', () => {
  it('gives the column index of each mapped field', () => {
    const headers = ['Order No', 'Notes', 'Amount'];
    expect(applyMapping(headers, { 'Order No': 'externalId', Notes: null, Amount: 'total' }, orders)).toEqual(
      {
        externalId: 0,
        total: 2,
      },
    );
    expect(applyMapping(['Industry'], suggestMapping(['Industry'], people), people)).toEqual({
      'custom.industry': 0,
    });
  });

  it('refuses a mapping that does not fit the file or the kind', () => {
    const error = failure(() => applyMapping(['Amount'], { Amount: 'total', Other: 'currency' }, orders));
    expect(error.details).toEqual([
      { path: 'mapping."Other"', message: 'the file has no column "Other"' },
      { path: 'mapping', message: 'no column is mapped to External ID (externalId), which is required' },
    ]);
    expect(error.message).toBe('The column mapping is invalid: the file has no column "Other" (and 1 more).');
  });
});
