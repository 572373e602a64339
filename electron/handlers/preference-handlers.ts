import { type CoreContext } from '../core/context';
import { type Handlers } from '../ipc/dispatcher';

export function preferenceHandlers(
  context: CoreContext,
): Pick<Handlers, 'preferences.get' | 'preferences.update'> {
  return {
    'preferences.get': async () => context.preferences.get(),
    'preferences.update': async (input) => {
      const change = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      return context.preferences.update(change);
    },
  };
}
