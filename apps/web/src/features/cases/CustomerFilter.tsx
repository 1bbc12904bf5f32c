import { Badge, CloseButton, Group } from '@mantine/core';
import { PersonPicker } from '../reviews/ReviewDrawer';

interface CustomerRow {
  personId: string | null;
  personName?: string | null;
  companyId: string | null;
  companyName?: string | null;
}

/**
 * The customer filter of the Cases and Promises lists: a person picker (name or email) while no
 * customer is chosen; once one is (here, or from a person's or company's "All cases" link), their
 * name with a button that removes the filter.
 */
export function CustomerFilter(props: {
  person: string | undefined;
  company: string | undefined;
  rows: CustomerRow[];
  onChange: (filter: { person: string | undefined; company: string | undefined }) => void;
}) {
  const { person, company, rows } = props;
  if (!person && !company)
    return (
      <PersonPicker
        label="Customer"
        value={null}
        onChange={(id) => props.onChange({ person: id ?? undefined, company: undefined })}
      />
    );
  const row = rows.find((r) => (person ? r.personId === person : r.companyId === company));
  return (
    <Group gap="xs" role="group" aria-label="Customer filter" style={{ alignSelf: 'end' }}>
      <Badge variant="light" size="lg">
        Customer: {(person ? row?.personName : row?.companyName) ?? person ?? company}
      </Badge>
      <CloseButton
        size="sm"
        aria-label="Remove the customer filter"
        onClick={() => props.onChange({ person: undefined, company: undefined })}
      />
    </Group>
  );
}
