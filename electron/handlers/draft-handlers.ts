import { type CoreContext } from '../core/context';
import { type Handlers } from '../ipc/dispatcher';
import { reader } from './audited';

type DraftHandlers = Pick<Handlers, 'drafts.save' | 'drafts.get' | 'drafts.discard'>;

/**
 * Form drafts in the `drafts` table (migration 0002). Not audited: a draft is scratch, and the
 * append-only log must not keep words the user never saved.
 */
export function draftHandlers(context: CoreContext): DraftHandlers {
  return {
    'drafts.save': async ({ formKey, data }) => {
      await reader(context).run(
        `INSERT INTO drafts (form_key, data, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (form_key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [formKey, data, new Date().toISOString()],
      );
      return {};
    },
    'drafts.get': async ({ formKey }) => {
      const row = await reader(context).get(
        'SELECT data, updated_at FROM drafts WHERE form_key = ?1',
        [formKey],
      );
      if (row === undefined) return null;
      return { data: String(row['data']), updatedAt: String(row['updated_at']) };
    },
    'drafts.discard': async ({ formKey }) => {
      await reader(context).run('DELETE FROM drafts WHERE form_key = ?1', [formKey]);
      return {};
    },
  };
}
