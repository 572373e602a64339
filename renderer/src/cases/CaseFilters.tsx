import { useEffect, useMemo } from 'react';
import { Button } from 'react-aria-components';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../components/fields/CodeSelect';
import { VocabCheckboxes } from '../components/fields/VocabCheckboxes';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';
import { noFilters, type CaseFilterValues } from './case-query';
import { useVictimChoices } from './use-victim-choices';

/** Filters and sort order; each change applies at once (no submit). */
export function CaseFilters({
  initial,
  onChange,
}: {
  initial: CaseFilterValues;
  onChange: (filters: CaseFilterValues) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<CaseFilterValues>({ defaultValues: initial });
  const { control } = form;
  const values = useWatch({ control });
  const people = useVictimChoices(false);
  const sortChoices = useMemo(
    () => [
      { id: 'updated_at', label: t('case.sort.updated_at') },
      { id: 'created_at', label: t('case.sort.created_at') },
      { id: 'last_aggression', label: t('case.sort.last_aggression') },
      { id: 'urgency', label: t('case.sort.urgency') },
      { id: 'title', label: t('case.sort.title') },
    ],
    [t],
  );
  const directionChoices = useMemo(
    () => [
      { id: 'desc', label: t('case.sort.desc') },
      { id: 'asc', label: t('case.sort.asc') },
    ],
    [t],
  );

  const key = JSON.stringify(values);
  useEffect(() => {
    onChange({ ...noFilters, ...(JSON.parse(key) as Partial<CaseFilterValues>) });
  }, [key, onChange]);

  return (
    <details className="filters" open>
      <summary>{t('case.filtersTitle')}</summary>
      <div className="filters-body" role="group" aria-label={t('case.filtersTitle')}>
        <div className="field-row">
          <TextInput
            control={control}
            name="dateFrom"
            inputType="date"
            label={t('case.dateFrom')}
            nullable
          />
          <TextInput
            control={control}
            name="dateTo"
            inputType="date"
            label={t('case.dateTo')}
            nullable
          />
          <VocabSelect
            control={control}
            name="country"
            vocabulary="country"
            label={t('records.country')}
            nullable
          />
        </div>
        <div className="field-row">
          <VocabSelect
            control={control}
            name="aggressionType"
            vocabulary="aggression_type"
            label={t('case.aggressionType')}
            nullable
          />
          <VocabSelect
            control={control}
            name="perpetratorType"
            vocabulary="perpetrator_type"
            label={t('case.perpetratorType')}
            nullable
          />
          <Controller
            control={control}
            name="person"
            render={({ field }) => (
              <CodeSelect
                label={t('case.person')}
                choices={people}
                value={field.value}
                onChange={field.onChange}
                noneLabel={t('case.anyone')}
              />
            )}
          />
        </div>
        <div className="field-row">
          <VocabCheckboxes
            control={control}
            name="status"
            vocabulary="case_status"
            label={t('case.status')}
          />
          <VocabCheckboxes
            control={control}
            name="urgency"
            vocabulary="urgency"
            label={t('case.urgency')}
          />
        </div>
        <div className="field-row">
          <Controller
            control={control}
            name="sort"
            render={({ field }) => (
              <CodeSelect
                label={t('case.sortBy')}
                choices={sortChoices}
                value={field.value}
                onChange={(value) => field.onChange(value ?? 'updated_at')}
              />
            )}
          />
          <Controller
            control={control}
            name="direction"
            render={({ field }) => (
              <CodeSelect
                label={t('case.sortDirection')}
                choices={directionChoices}
                value={field.value}
                onChange={(value) => field.onChange(value ?? 'desc')}
              />
            )}
          />
        </div>
        <div className="actions">
          <Button className="button" onPress={() => form.reset(noFilters)}>
            {t('case.clearFilters')}
          </Button>
        </div>
      </div>
    </details>
  );
}
