/**
 * What an audit entry says changed. The audit log is append-only and survives deletions, so it
 * must not become a second copy of what a user deletes: codes, dates, flags and ids are written
 * as values (`set`), free text (names, narratives, places, notes) only as field names
 * (`textChanged`). Deleting a record therefore really removes its words.
 */
export interface AuditChanges extends Record<string, unknown> {
  caseId?: string;
  set?: Record<string, unknown>;
  textChanged?: string[];
}

export function describeFields(
  fields: Record<string, unknown>,
  textFields: readonly string[],
  extra: { caseId?: string } = {},
): AuditChanges {
  const set: Record<string, unknown> = {};
  const textChanged: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (textFields.includes(key)) textChanged.push(key);
    else set[key] = value;
  }
  return { ...extra, set, textChanged };
}

/** Only the fields whose value differs from the stored record. */
export function changedFields(
  before: Record<string, unknown>,
  requested: Record<string, unknown>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(requested)) {
    if (value === undefined || key === 'id') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changed[key] = value;
  }
  return changed;
}
