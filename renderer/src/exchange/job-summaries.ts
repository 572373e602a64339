import { type TFunction } from 'i18next';

/** Each count said with its own plural ("1 prueba", "2 pruebas"), then joined in one sentence. */
const APPLIED_PARTS = {
  new: 'handoff.import.appliedParts.new',
  update: 'handoff.import.appliedParts.update',
  conflict: 'handoff.import.appliedParts.conflict',
  evidence: 'handoff.import.appliedParts.evidence',
} as const;

const EXPORT_PARTS = {
  records: 'handoff.export.summaryParts.records',
  evidence: 'handoff.export.summaryParts.evidence',
} as const;

function counted<K extends string>(
  t: TFunction,
  keys: Record<K, string>,
  counts: Record<K, number>,
): Record<K, string> {
  const said = {} as Record<K, string>;
  for (const name of Object.keys(keys) as K[]) said[name] = t(keys[name], { count: counts[name] });
  return said;
}

/** "Importado: 0 nuevos, 1 actualizado, 0 en conflicto, 1 prueba." */
export function appliedSummary(t: TFunction, counts: Record<keyof typeof APPLIED_PARTS, number>) {
  return t('handoff.import.applied', counted(t, APPLIED_PARTS, counts));
}

/** "Lleva 3 registros y 1 prueba." */
export function exportSummary(t: TFunction, counts: Record<keyof typeof EXPORT_PARTS, number>) {
  return t('handoff.export.summary', counted(t, EXPORT_PARTS, counts));
}
