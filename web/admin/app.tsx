import { lazy, Suspense, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
// The ESM build: the CJS 'antd/locale/zh_CN' re-export loses its default under the bundler's interop.
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { createQueryClient } from './api/query-client';
import { cspNonce } from './csp-nonce';
import { FeedbackBridge } from './components/feedback';
import { PageLoading } from './components/page-loading';
import { RequireAuth } from './auth/require-auth';
import { RequirePermission } from './auth/require-permission';
import { AdminLayout } from './layout/admin-layout';
import { LoginPage } from './pages/login/login-page';

dayjs.locale('zh-cn');

// Pages load on demand: a town operator who only opens 人员管理 never downloads the audit viewer.
const HomePage = lazy(() => import('./pages/home/home-page').then((m) => ({ default: m.HomePage })));
const OrgsPage = lazy(() => import('./pages/orgs/orgs-page').then((m) => ({ default: m.OrgsPage })));
const PeoplePage = lazy(() => import('./pages/people/people-page').then((m) => ({ default: m.PeoplePage })));
const AccountsPage = lazy(() =>
  import('./pages/accounts/accounts-page').then((m) => ({ default: m.AccountsPage })),
);
const AuditPage = lazy(() => import('./pages/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const IntegrityPage = lazy(() => import('./pages/integrity/integrity-page').then((m) => ({ default: m.IntegrityPage })));
const StandardsRoutes = lazy(() => import('./pages/standards/standards-routes').then((m) => ({ default: m.StandardsRoutes })));
const CampaignsPage = lazy(() => import('./pages/campaigns/list/campaigns-page').then((m) => ({ default: m.CampaignsPage })));
const CampaignDetailPage = lazy(() => import('./pages/campaigns/detail/campaign-detail-page').then((m) => ({ default: m.CampaignDetailPage })));
const ScoreSheetPage = lazy(() => import('./pages/campaigns/sheets/score-sheet-page').then((m) => ({ default: m.ScoreSheetPage })));
const MyTasksPage = lazy(() => import('./pages/campaigns/sheets/my-tasks-page').then((m) => ({ default: m.MyTasksPage })));
const ScoreGridPage = lazy(() => import('./pages/campaigns/grid/score-grid-page').then((m) => ({ default: m.ScoreGridPage })));
const CockpitPage = lazy(() => import('./pages/cockpit/cockpit-page').then((m) => ({ default: m.CockpitPage })));
const VillageEvaluationPage = lazy(() => import('./pages/campaigns/village/village-evaluation-page').then((m) => ({ default: m.VillageEvaluationPage })));
const SurveyProgressPage = lazy(() => import('./pages/campaigns/surveys/survey-progress-page').then((m) => ({ default: m.SurveyProgressPage })));
const SurveyCardsPage = lazy(() => import('./pages/campaigns/surveys/survey-cards-page').then((m) => ({ default: m.SurveyCardsPage })));
const NoticePrintPage = lazy(() => import('./pages/campaigns/print/notice-print-page').then((m) => ({ default: m.NoticePrintPage })));
const ViolationsPage = lazy(() => import('./pages/campaigns/violations/violations-page').then((m) => ({ default: m.ViolationsPage })));
const MutualWorkPage = lazy(() => import('./pages/campaigns/stage-work/mutual-work-page').then((m) => ({ default: m.MutualWorkPage })));
const MutualSummaryPage = lazy(() => import('./pages/campaigns/stage-work/mutual-summary-page').then((m) => ({ default: m.MutualSummaryPage })));
const DepartmentGridPage = lazy(() => import('./pages/campaigns/stage-work/department-grid-page').then((m) => ({ default: m.DepartmentGridPage })));
const DepartmentWorkPage = lazy(() => import('./pages/campaigns/stage-work/department-work-page').then((m) => ({ default: m.DepartmentWorkPage })));
const RaterQualityPage = lazy(() => import('./pages/campaigns/raters/rater-quality-page').then((m) => ({ default: m.RaterQualityPage })));
const SelfEvaluationsPage = lazy(() => import('./pages/self-evaluation/self-evaluations-page').then((m) => ({ default: m.SelfEvaluationsPage })));
const SelfEvaluationPage = lazy(() => import('./pages/self-evaluation/self-evaluation-page').then((m) => ({ default: m.SelfEvaluationPage })));
const RectificationsPage = lazy(() => import('./pages/campaigns/stage-work/rectifications-page').then((m) => ({ default: m.RectificationsPage })));
const FieldworkOverviewPage = lazy(() => import('./pages/pairing/fieldwork-overview-page').then((m) => ({ default: m.FieldworkOverviewPage })));
const PairingPage = lazy(() => import('./pages/pairing/pairing-page').then((m) => ({ default: m.PairingPage })));
const SupervisionPage = lazy(() => import('./pages/supervision/supervision-page').then((m) => ({ default: m.SupervisionPage })));
const ServicePage = lazy(() => import('./pages/service/service-page').then((m) => ({ default: m.ServicePage })));
const TrainingRoutes = lazy(() => import('./pages/training/training-routes').then((m) => ({ default: m.TrainingRoutes })));
const SessionScreenPage = lazy(() => import('./pages/training/session-screen-page').then((m) => ({ default: m.SessionScreenPage })));
const NotFoundPage = lazy(() =>
  import('./pages/errors/not-found-page').then((m) => ({ default: m.NotFoundPage })),
);

// Party red as the brand colour, the convention of organization-department systems.
const theme = { token: { colorPrimary: '#c8161d', borderRadius: 6 } };
// Ant Design's injected styles carry the page's CSP nonce (see csp-nonce.ts).
const csp = { nonce: cspNonce };

export function AdminApp() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider locale={zhCN} theme={theme} csp={csp}>
      {/* AntApp renders a wrapper div; it must pass the full height down to the layout. */}
      <AntApp style={{ height: '100%' }}>
        <FeedbackBridge />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/training-screen/:id" element={<RequireAuth><RequirePermission permission="training:read"><Lazy page={<SessionScreenPage />} /></RequirePermission></RequireAuth>} />
              <Route path="/campaigns/:id/survey-cards" element={<RequireAuth><RequirePermission permission="campaign:read"><Lazy page={<SurveyCardsPage />} /></RequirePermission></RequireAuth>} />
              <Route path="/campaigns/:id/notice-print" element={<RequireAuth><RequirePermission permission="campaign:read"><Lazy page={<NoticePrintPage />} /></RequirePermission></RequireAuth>} />
              <Route
                element={
                  <RequireAuth>
                    <AdminLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<Lazy page={<HomePage />} />} />
                <Route path="orgs" element={<RequirePermission permission="org:read"><Lazy page={<OrgsPage />} /></RequirePermission>} />
                <Route path="people" element={<RequirePermission permission="people:read"><Lazy page={<PeoplePage />} /></RequirePermission>} />
                <Route path="accounts" element={<RequirePermission permission="account:read"><Lazy page={<AccountsPage />} /></RequirePermission>} />
                <Route path="audit" element={<RequirePermission permission="audit:read"><Lazy page={<AuditPage />} /></RequirePermission>} />
                <Route path="integrity" element={<RequirePermission permission="audit:read"><Lazy page={<IntegrityPage />} /></RequirePermission>} />
                <Route path="standards/*" element={<RequirePermission permission="standard:read"><Lazy page={<StandardsRoutes />} /></RequirePermission>} />
                <Route path="campaigns" element={<RequirePermission permission="campaign:read"><Lazy page={<CampaignsPage />} /></RequirePermission>} />
                <Route path="campaigns/:id" element={<RequirePermission permission="campaign:read"><Lazy page={<CampaignDetailPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/sheets/:stage/:villageId" element={<RequirePermission permission="campaign:read"><Lazy page={<ScoreSheetPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/villages/:villageId" element={<RequirePermission permission="campaign:read"><Lazy page={<VillageEvaluationPage />} /></RequirePermission>} />
                <Route path="my-tasks/:stage" element={<RequirePermission permission="campaign:read"><Lazy page={<MyTasksPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/grid/:stage" element={<RequirePermission permission="campaign:read"><Lazy page={<ScoreGridPage />} /></RequirePermission>} />
                <Route path="cockpit" element={<RequirePermission permission="campaign:read"><Lazy page={<CockpitPage />} /></RequirePermission>} />
                <Route path="violations" element={<RequirePermission permission="violation:read"><Lazy page={<ViolationsPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/surveys" element={<RequirePermission permission="campaign:read"><Lazy page={<SurveyProgressPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/mutual" element={<RequirePermission permission="campaign:read"><Lazy page={<MutualWorkPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/towns/:townId/summary" element={<RequirePermission permission="campaign:read"><Lazy page={<MutualSummaryPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/department" element={<RequirePermission permission="campaign:read"><Lazy page={<DepartmentWorkPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/department/grid/:kind" element={<RequirePermission permission="campaign:read"><Lazy page={<DepartmentGridPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/raters" element={<RequirePermission permission="campaign:manage"><Lazy page={<RaterQualityPage />} /></RequirePermission>} />
                <Route path="self-evaluations" element={<RequirePermission permission="campaign:read"><Lazy page={<SelfEvaluationsPage />} /></RequirePermission>} />
                <Route path="campaigns/:id/villages/:villageId/self-evaluation" element={<RequirePermission permission="campaign:read"><Lazy page={<SelfEvaluationPage />} /></RequirePermission>} />
                <Route path="rectifications" element={<RequirePermission permission="campaign:read"><Lazy page={<RectificationsPage />} /></RequirePermission>} />
                <Route path="fieldwork" element={<RequirePermission permission="fieldwork:read"><Lazy page={<FieldworkOverviewPage />} /></RequirePermission>} />
                <Route path="pairing" element={<RequirePermission permission="fieldwork:read"><Lazy page={<PairingPage />} /></RequirePermission>} />
                <Route path="supervision" element={<RequirePermission permission="fieldwork:read"><Lazy page={<SupervisionPage />} /></RequirePermission>} />
                <Route path="service" element={<RequirePermission permission="fieldwork:read"><Lazy page={<ServicePage />} /></RequirePermission>} />
                <Route path="training/*" element={<RequirePermission permission="training:read"><Lazy page={<TrainingRoutes />} /></RequirePermission>} />
                <Route path="home" element={<Navigate to="/" replace />} />
                <Route path="*" element={<Lazy page={<NotFoundPage />} />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Lazy({ page }: { page: React.ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{page}</Suspense>;
}
