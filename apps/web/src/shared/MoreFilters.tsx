import { LEVELS } from '../api/enums';
import { CompanyFilter } from './CompanyFilter';
import { CustomFilter } from './CustomFilter';
import { CHURN_BANDS, HEALTH_BANDS, type ListKind } from './filters';
import { ChoiceFilter, FilterText, type ListSearch } from './list';

/** A customer's health band and churn risk (both lists). */
function ValueFilters({ search, set }: { search: ListSearch; set: (patch: Partial<ListSearch>) => void }) {
  return (
    <>
      <ChoiceFilter
        label="Health"
        placeholder="Any health"
        values={HEALTH_BANDS}
        value={search.health}
        onChange={(health) => set({ health })}
      />
      <ChoiceFilter
        label="Churn risk"
        placeholder="Any risk"
        values={CHURN_BANDS}
        value={search.churn}
        onChange={(churn) => set({ churn })}
      />
    </>
  );
}

/** The filters of one list beyond the common ones: people by company and level, companies by industry. */
export function MoreFilters(props: {
  kind: ListKind;
  search: ListSearch;
  set: (patch: Partial<ListSearch>) => void;
}) {
  const { kind, search, set } = props;
  const addCustom = (key: string, value: string) => set({ custom: { ...search.custom, [key]: value } });
  if (kind === 'companies') {
    return (
      <>
        <FilterText
          label="Industry"
          placeholder="e.g. Pharma"
          value={search.industry}
          onCommit={(industry) => set({ industry })}
          w={160}
        />
        <ValueFilters search={search} set={set} />
        <CustomFilter entity="company" onAdd={addCustom} />
      </>
    );
  }
  return (
    <>
      <CompanyFilter value={search.company} onChange={(company) => set({ company })} />
      <ChoiceFilter
        label="Level"
        placeholder="Any level"
        values={LEVELS}
        value={search.level}
        onChange={(level) => set({ level })}
      />
      <ValueFilters search={search} set={set} />
      <CustomFilter entity="person" onAdd={addCustom} />
    </>
  );
}
