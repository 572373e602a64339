import { type ImportPreview } from '../../../shared/contract/exchange';

/**
 * Whether applying the file would change nothing here: every record in it is one this office
 * already holds (or an older version of one), and it brings no deletion, removal or settlement.
 * An old file read again from a stick reads so.
 */
export function nothingToTake(preview: ImportPreview): boolean {
  const { counts } = preview;
  return (
    counts.new + counts.update + counts.conflict === 0 &&
    preview.deletedThere + preview.removedThere + preview.keptChangedHere === 0 &&
    preview.conflictsSettled === 0
  );
}
