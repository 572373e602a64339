import { type CoreContext } from '../core/context';
import { type Handlers } from '../ipc/dispatcher';

/** What the desktop shell set up for the user: the panic key. Answers while locked too. */
export function shellHandlers(context: CoreContext): Pick<Handlers, 'app.panicShortcut'> {
  return {
    'app.panicShortcut': async () =>
      context.adapters.shortcuts?.panic() ?? { modifier: 'ctrl', systemWide: false },
  };
}
