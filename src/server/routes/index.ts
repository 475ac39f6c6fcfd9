/** Every route module, in registration order. */
import { agencyRoutes } from './agencies.ts';
import { calendarRoutes } from './calendar.ts';
import { healthRoutes } from './health.ts';
import { letterRoutes } from './letters.ts';
import { pageRoutes } from './pages.ts';
import { publicRequestRoutes } from './public-requests.ts';
import { reportRoutes } from './reports.ts';
import { requestActionRoutes } from './request-actions.ts';
import { requestRoutes } from './requests.ts';
import type { RouteModule } from './types.ts';

export const ROUTE_MODULES: readonly RouteModule[] = [
  healthRoutes,
  agencyRoutes,
  reportRoutes,
  requestRoutes,
  requestActionRoutes,
  publicRequestRoutes,
  letterRoutes,
  calendarRoutes,
  pageRoutes,
];
