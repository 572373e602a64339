import { migration0001 } from './0001-office-and-audit';
import { migration0002 } from './0002-drafts';
import { type Migration } from './migration';

/** In order. The last one's number is the schema version this build of the app expects. */
export const migrations: readonly Migration[] = [migration0001, migration0002];

export type { Migration };
