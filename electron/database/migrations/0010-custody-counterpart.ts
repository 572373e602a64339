import { type Migration } from './migration';

/**
 * A custody entry for evidence that left for or came from another office names that office
 * ("received from Oficina Tegucigalpa"): the chain must show every hand the item passed through.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'custody-counterpart',
  sql: `
    ALTER TABLE evidence_custody ADD COLUMN counterpart TEXT;
  `,
};
