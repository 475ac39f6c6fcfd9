/** Every route module, in registration order. */
import { portalRoutes } from '../../portal/routes/index.ts';
import { sessionRoutes } from './accounts/session.ts';
import { userRoutes } from './accounts/users.ts';
import { agencyRoutes } from './agencies/agencies.ts';
import { agencyTreeRoutes } from './agencies/agency-tree.ts';
import { channelRoutes } from './agencies/channels.ts';
import { dashboardRoutes } from './agencies/dashboard.ts';
import { eventRoutes } from './agencies/events.ts';
import { guideRoutes } from './agencies/guide.ts';
import { inspectionRoutes } from './agencies/inspection.ts';
import { inspectionEvidenceRoutes } from './agencies/inspection-evidence.ts';
import { inspectionLinkRoutes } from './agencies/inspection-links.ts';
import { remediesRoutes } from './agencies/remedies.ts';
import { siteSettingsRoutes } from './agencies/site-settings.ts';
import { websiteReportRoutes } from './agencies/website-report.ts';
import { backupRoutes } from './backups/backups.ts';
import { calendarRoutes } from './calendar/calendar.ts';
import { catalogRoutes } from './catalog/catalog.ts';
import { healthRoutes } from './health.ts';
import { itemRoutes } from './items/items.ts';
import { itemActionRoutes } from './items/items-actions.ts';
import { itemCatalogRoutes } from './items/items-catalog.ts';
import { itemFileRoutes } from './items/items-files.ts';
import { itemPublicRoutes } from './items/items-public.ts';
import { itemScreeningRoutes } from './items/items-screening.ts';
import { letterDeliveryRoutes } from './letters/letter-deliveries.ts';
import { letterRoutes } from './letters/letters.ts';
import { newMediaRoutes } from './new-media/new-media.ts';
import { registryRoutes } from './registry/registry.ts';
import { reportCheckRoutes } from './report-checks/report-checks.ts';
import { reportDraftRoutes } from './reports/report-drafts.ts';
import { reportFigureRoutes } from './reports/report-figures.ts';
import { reportOpenDataRoutes } from './reports/report-open-data.ts';
import { reportPublicRoutes } from './reports/report-public.ts';
import { reportVersionRoutes } from './reports/report-versions.ts';
import { reportRoutes } from './reports/reports.ts';
import { approvalRequestRoutes } from './requests/approval-requests.ts';
import { publicRequestRoutes } from './requests/public-requests.ts';
import { requestActionRoutes } from './requests/request-actions.ts';
import { requestApplicantIdRoutes } from './requests/request-applicant-id.ts';
import { requestAssistanceRoutes } from './requests/request-assistance.ts';
import { requestFileRoutes } from './requests/request-files.ts';
import { requestProposalRoutes } from './requests/request-proposals.ts';
import { requestRoutes } from './requests/requests.ts';
import { withheldReviewRoutes } from './requests/withheld-reviews.ts';
import { searchRoutes } from './search/search.ts';
import { reminderRoutes } from './supervision/reminders.ts';
import { supervisionStatisticsRoutes } from './supervision/statistics.ts';
import { supervisionRoutes } from './supervision/supervision.ts';
import type { RouteModule } from './types.ts';

export const ROUTE_MODULES: readonly RouteModule[] = [
  healthRoutes,
  sessionRoutes,
  userRoutes,
  agencyRoutes,
  agencyTreeRoutes,
  reportRoutes,
  reportDraftRoutes,
  reportVersionRoutes,
  reportFigureRoutes,
  reportPublicRoutes,
  reportOpenDataRoutes,
  reportCheckRoutes,
  requestProposalRoutes,
  requestRoutes,
  requestActionRoutes,
  approvalRequestRoutes,
  dashboardRoutes,
  supervisionRoutes,
  reminderRoutes,
  supervisionStatisticsRoutes,
  requestApplicantIdRoutes,
  requestAssistanceRoutes,
  publicRequestRoutes,
  letterRoutes,
  letterDeliveryRoutes,
  requestFileRoutes,
  calendarRoutes,
  backupRoutes,
  itemRoutes,
  catalogRoutes,
  itemActionRoutes,
  itemFileRoutes,
  itemCatalogRoutes,
  itemScreeningRoutes,
  channelRoutes,
  remediesRoutes,
  siteSettingsRoutes,
  guideRoutes,
  inspectionRoutes,
  inspectionLinkRoutes,
  inspectionEvidenceRoutes,
  websiteReportRoutes,
  withheldReviewRoutes,
  itemPublicRoutes,
  registryRoutes,
  newMediaRoutes,
  eventRoutes,
  searchRoutes,
  portalRoutes,
];
