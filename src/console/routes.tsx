/** The console's routes under /console; each page is its own chunk (React.lazy), loaded on first visit. */
import { Spin, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { useSession } from './session-context.tsx';

const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx'));
const RequestQueuePage = lazy(() => import('./pages/requests/RequestQueuePage.tsx'));
const RegisterRequestPage = lazy(() => import('./pages/requests/RegisterRequestPage.tsx'));
const CasePage = lazy(() => import('./pages/requests/CasePage.tsx'));
const ProposalsPage = lazy(() => import('./pages/requests/ProposalsPage.tsx'));
const WithheldReviewPage = lazy(() => import('./pages/requests/WithheldReviewPage.tsx'));
const ItemListPage = lazy(() => import('./pages/items/ItemListPage.tsx'));
const ItemEditPage = lazy(() => import('./pages/items/ItemEditPage.tsx'));
const ItemPage = lazy(() => import('./pages/items/ItemPage.tsx'));
const ScreeningWordsPage = lazy(() => import('./pages/items/ScreeningWordsPage.tsx'));
const RegistryPage = lazy(() => import('./pages/registry/RegistryPage.tsx'));
const DocumentPage = lazy(() => import('./pages/registry/DocumentPage.tsx'));
const ReviewPage = lazy(() => import('./pages/registry/ReviewPage.tsx'));
const NewMediaPage = lazy(() => import('./pages/new-media/NewMediaPage.tsx'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage.tsx'));
const CalendarPage = lazy(() => import('./pages/CalendarPage.tsx'));
const ReportListPage = lazy(() => import('./pages/reports/ReportListPage.tsx'));
const ReportEditorPage = lazy(() => import('./pages/reports/ReportEditorPage.tsx'));
const YearlyFiguresPage = lazy(() => import('./pages/reports/YearlyFiguresPage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const AgencySettingsPage = lazy(() => import('./pages/AgencySettingsPage.tsx'));
const GuideSettingsPage = lazy(() => import('./pages/guide/GuideSettingsPage.tsx'));
const InspectionPage = lazy(() => import('./pages/inspection/InspectionPage.tsx'));
const WebsiteReportPage = lazy(() => import('./pages/website-report/WebsiteReportPage.tsx'));
const PlatformUsersPage = lazy(() => import('./pages/PlatformUsersPage.tsx'));
const PlatformAgenciesPage = lazy(() => import('./pages/PlatformAgenciesPage.tsx'));
const PlatformBackupsPage = lazy(() => import('./pages/PlatformBackupsPage.tsx'));
const PlatformSitePage = lazy(() => import('./pages/PlatformSitePage.tsx'));
const EventLogPage = lazy(() => import('./pages/EventLogPage.tsx'));
const ReportChecksPage = lazy(() => import('./pages/report-checks/ReportChecksPage.tsx'));
const SupervisionPage = lazy(() => import('./pages/supervision/SupervisionPage.tsx'));
const ReportCheckBatchPage = lazy(() => import('./pages/report-checks/ReportCheckBatchPage.tsx'));

const loading = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin aria-label="加载中" />
  </div>
);

/** Pages for a signed-in user; anyone else goes to sign-in and comes back afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return loading;
  if (status === 'signed-out')
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <AppLayout>{children}</AppLayout>;
}

const page = (element: ReactNode) => (
  <SignedIn>
    <Suspense fallback={loading}>{element}</Suspense>
  </SignedIn>
);

/** Every route of the console. */
export function ConsoleRoutes() {
  return (
    <BrowserRouter basename="/console">
      <Routes>
        <Route path="/login" element={<SignInPage />} />
        <Route path="/" element={page(<DashboardPage />)} />
        <Route path="/requests" element={page(<RequestQueuePage />)} />
        <Route path="/requests/new" element={page(<RegisterRequestPage />)} />
        <Route path="/requests/proposals" element={page(<ProposalsPage />)} />
        <Route path="/requests/withheld-reviews/:year" element={page(<WithheldReviewPage />)} />
        <Route path="/requests/:id" element={page(<CasePage />)} />
        <Route path="/items" element={page(<ItemListPage />)} />
        <Route path="/items/new" element={page(<ItemEditPage />)} />
        <Route path="/items/:id/edit" element={page(<ItemEditPage />)} />
        <Route path="/items/:id" element={page(<ItemPage />)} />
        <Route path="/screening-words" element={page(<ScreeningWordsPage />)} />
        <Route path="/registry" element={page(<RegistryPage />)} />
        <Route path="/registry/reviews/:year" element={page(<ReviewPage />)} />
        <Route path="/registry/:id" element={page(<DocumentPage />)} />
        <Route path="/new-media" element={page(<NewMediaPage />)} />
        <Route path="/catalog" element={page(<CatalogPage />)} />
        <Route path="/reports" element={page(<ReportListPage />)} />
        <Route path="/reports/:year" element={page(<ReportEditorPage />)} />
        <Route path="/reports/:year/figures" element={page(<YearlyFiguresPage />)} />
        <Route path="/supervision" element={page(<SupervisionPage />)} />
        <Route path="/report-checks" element={page(<ReportChecksPage />)} />
        <Route path="/report-checks/:id" element={page(<ReportCheckBatchPage />)} />
        <Route path="/calendar" element={page(<CalendarPage />)} />
        <Route path="/users" element={page(<UsersPage />)} />
        <Route path="/settings" element={page(<AgencySettingsPage />)} />
        <Route path="/guide" element={page(<GuideSettingsPage />)} />
        <Route path="/inspection" element={page(<InspectionPage />)} />
        <Route path="/website-report" element={page(<WebsiteReportPage />)} />
        <Route path="/events" element={page(<EventLogPage />)} />
        <Route path="/platform/users" element={page(<PlatformUsersPage />)} />
        <Route path="/platform/agency-tree" element={page(<PlatformAgenciesPage />)} />
        <Route path="/platform/backups" element={page(<PlatformBackupsPage />)} />
        <Route path="/platform/site" element={page(<PlatformSitePage />)} />
        <Route path="/platform/agencies/:agency/users" element={page(<UsersPage />)} />
        <Route path="*" element={page(<NotFound />)} />
      </Routes>
    </BrowserRouter>
  );
}

/** An address the console has no page for: a heading as every page's, and the way back. */
function NotFound() {
  return (
    <>
      <Typography.Title level={2}>未找到该页面</Typography.Title>
      <Typography.Paragraph role="alert">
        该地址没有对应的页面，可能输入有误或页面已移动。请从菜单进入，或<Link to="/">返回工作台首页</Link>。
      </Typography.Paragraph>
    </>
  );
}
