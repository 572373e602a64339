import { migration0001 } from './0001-office-and-audit';
import { migration0002 } from './0002-drafts';
import { migration0003 } from './0003-case-records';
import { migration0004 } from './0004-case-search';
import { migration0005 } from './0005-evidence';
import { migration0006 } from './0006-exchange';
import { migration0007 } from './0007-risk-and-dashboard';
import { migration0008 } from './0008-case-list-indexes';
import { migration0009 } from './0009-dashboard-counts-and-activity';
import { migration0010 } from './0010-custody-counterpart';
import { migration0011 } from './0011-risk-dashboard-indexes';
import { migration0012 } from './0012-drafts-follow-deletes';
import { migration0013 } from './0013-deletion-notices';
import { migration0014 } from './0014-custody-office';
import { migration0015 } from './0015-record-versions';
import { type Migration } from './migration';

/** In order. The last one's number is the schema version this build of the app expects. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
];

export type { Migration };
