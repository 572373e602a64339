import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ConflictVersions } from '../../../shared/contract/exchange';
import { ConfirmButton } from '../components/ConfirmDialog';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { RadioChoice } from './ChoiceFields';
import { isFreeText, useConflictDisplay } from './conflict-values';

export type FieldChoice = 'local' | 'incoming' | { value: string };

/** Columns nobody chooses: when it was saved (the result is saved now) and what it belongs to. */
const NOT_CHOSEN = /^(updated_at|created_at|.*_id)$/;

interface ChoiceForm {
  pick: Record<string, string>;
  typed: Record<string, string>;
}

/**
 * Settle a conflict field by field: for each field that differs, ours, theirs, or (free text)
 * a value written anew. The result is one new version that both offices will hold.
 */
export function ConflictFieldChoices(props: {
  versions: ConflictVersions;
  pending: boolean;
  onResolve: (fields: Record<string, FieldChoice>) => void;
}) {
  const { t } = useTranslation();
  const { versions } = props;
  const { fieldLabel, show } = useConflictDisplay(versions.kind);
  const fields = versions.fields.filter((f) => f.differs && !NOT_CHOSEN.test(f.field));
  const { control, handleSubmit } = useForm<ChoiceForm>({
    defaultValues: {
      pick: Object.fromEntries(fields.map((f) => [f.field, 'local'])),
      typed: Object.fromEntries(
        fields.map((f) => [f.field, typeof f.local === 'string' ? f.local : '']),
      ),
    },
  });
  const picks = useWatch({ control, name: 'pick' });
  if (fields.length === 0 || !versions.localExists) return null;
  const submit = handleSubmit((form) => {
    const chosen: Record<string, FieldChoice> = {};
    for (const f of fields) {
      const pick = form.pick[f.field];
      chosen[f.field] =
        pick === 'typed'
          ? { value: form.typed[f.field] ?? '' }
          : pick === 'incoming'
            ? 'incoming'
            : 'local';
    }
    props.onResolve(chosen);
  });
  return (
    <form
      className="conflict-fields"
      aria-labelledby="conflict-fields-title"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <h3 id="conflict-fields-title">{t('handoff.conflicts.byField')}</h3>
      <p>{t('handoff.conflicts.byFieldBody', { office: versions.officeName })}</p>
      {fields.map((f) => {
        const free = isFreeText(versions.kind, f.field, f.local, f.incoming);
        return (
          <div key={f.field} className="conflict-field-choice">
            <RadioChoice
              control={control}
              name={`pick.${f.field}`}
              label={fieldLabel(f.field)}
              isDisabled={props.pending}
              choices={[
                {
                  id: 'local',
                  label: t('handoff.conflicts.pickOurs', { value: show(f.field, f.local, false) }),
                },
                {
                  id: 'incoming',
                  label: t('handoff.conflicts.pickTheirs', {
                    office: versions.officeName,
                    value: show(f.field, f.incoming, false),
                  }),
                },
                ...(free ? [{ id: 'typed', label: t('handoff.conflicts.pickTyped') }] : []),
              ]}
            />
            {free && picks[f.field] === 'typed' ? (
              <TextAreaInput
                control={control}
                name={`typed.${f.field}`}
                label={t('handoff.conflicts.typedLabel', { field: fieldLabel(f.field) })}
                rows={2}
                isDisabled={props.pending}
              />
            ) : null}
          </div>
        );
      })}
      <div className="actions">
        <ConfirmButton
          label={t('handoff.conflicts.saveChoice')}
          title={t('handoff.conflicts.saveChoiceTitle')}
          confirmLabel={t('handoff.conflicts.saveChoice')}
          isDisabled={props.pending}
          onConfirm={() => void submit()}
        >
          <p>{t('handoff.conflicts.saveChoiceBody', { office: versions.officeName })}</p>
        </ConfirmButton>
      </div>
    </form>
  );
}
