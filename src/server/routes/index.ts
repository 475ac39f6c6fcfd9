/** Every route module, in registration order. */
import { portalRoutes } from '../../portal/routes/index.ts';
import { agencyRoutes } from './agencies.ts';
import { calendarRoutes } from './calendar.ts';
import { channelRoutes } from './channels.ts';
import { dashboardRoutes } from './dashboard.ts';
import { eventRoutes } from './events.ts';
import { healthRoutes } from './health.ts';
import { itemRoutes } from './items.ts';
import { itemActionRoutes } from './items-actions.ts';
import { itemCatalogRoutes } from './items-catalog.ts';
import { itemFileRoutes } from './items-files.ts';
import { itemPublicRoutes } from './items-public.ts';
import { letterDeliveryRoutes } from './letter-deliveries.ts';
import { letterRoutes } from './letters.ts';
import { publicRequestRoutes } from './public-requests.ts';
import { registryRoutes } from './registry.ts';
import { reportDraftRoutes } from './report-drafts.ts';
import { reportFigureRoutes } from './report-figures.ts';
import { reportPublicRoutes } from './report-public.ts';
import { reportVersionRoutes } from './report-versions.ts';
import { reportRoutes } from './reports.ts';
import { requestActionRoutes } from './request-actions.ts';
import { requestApplicantIdRoutes } from './request-applicant-id.ts';
import { requestFileRoutes } from './request-files.ts';
import { requestRoutes } from './requests.ts';
import { searchRoutes } from './search.ts';
import { sessionRoutes } from './session.ts';
import type { RouteModule } from './types.ts';
import { userRoutes } from './users.ts';

export const ROUTE_MODULES: readonly RouteModule[] = [
  healthRoutes,
  sessionRoutes,
  userRoutes,
  agencyRoutes,
  reportRoutes,
  reportDraftRoutes,
  reportVersionRoutes,
  reportFigureRoutes,
  reportPublicRoutes,
  requestRoutes,
  requestActionRoutes,
  dashboardRoutes,
  requestApplicantIdRoutes,
  publicRequestRoutes,
  letterRoutes,
  letterDeliveryRoutes,
  requestFileRoutes,
  calendarRoutes,
  itemRoutes,
  itemActionRoutes,
  itemFileRoutes,
  itemCatalogRoutes,
  channelRoutes,
  itemPublicRoutes,
  registryRoutes,
  eventRoutes,
  searchRoutes,
  portalRoutes,
];
