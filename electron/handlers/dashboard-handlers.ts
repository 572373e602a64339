import { localToday } from '../../shared/risk';
import { type CoreContext } from '../core/context';
import { type Handlers } from '../ipc/dispatcher';
import { dashboardSummary } from '../repositories/dashboard-summary';
import { reader } from './audited';

type DashboardHandlers = Pick<Handlers, 'dashboard.summary'>;

export function dashboardHandlers(context: CoreContext): DashboardHandlers {
  return {
    'dashboard.summary': ({ from, to }) =>
      dashboardSummary(reader(context), { from: from ?? null, to: to ?? null }, localToday()),
  };
}
