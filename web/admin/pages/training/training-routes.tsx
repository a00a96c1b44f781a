import { lazy, Suspense } from 'react';
import { Card, Tabs } from 'antd';
import { Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { PageLoading } from '../../components/page-loading';

const TrainingOverviewPage = lazy(() => import('./training-overview-page').then((m) => ({ default: m.TrainingOverviewPage })));
const SessionsPage = lazy(() => import('./sessions-page').then((m) => ({ default: m.SessionsPage })));
const SessionDetailPage = lazy(() => import('./session-detail-page').then((m) => ({ default: m.SessionDetailPage })));
const ToursPage = lazy(() => import('./tours-page').then((m) => ({ default: m.ToursPage })));
const RecordsPage = lazy(() => import('./records-page').then((m) => ({ default: m.RecordsPage })));
const ExpertsPage = lazy(() => import('./experts-page').then((m) => ({ default: m.ExpertsPage })));

const tabs = [
  { key: '/training', label: '培训概览' },
  { key: '/training/sessions', label: '课程与场次' },
  { key: '/training/tours', label: '研修提升课' },
  { key: '/training/records', label: '培训档案' },
  { key: '/training/experts', label: '乡土人才库' },
];

/** 干部培训 (三门课程): one menu entry, its parts as tabs. */
function TrainingSection() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = [...tabs].reverse().find((t) => pathname.startsWith(t.key))?.key ?? '/training';
  return (
    <>
      <Card size="small" styles={{ body: { paddingBottom: 0 } }} style={{ marginBottom: 16 }} className="no-print">
        <Tabs activeKey={active} items={tabs} onChange={(key) => navigate(key)} />
      </Card>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </>
  );
}

export function TrainingRoutes() {
  return (
    <Routes>
      <Route element={<TrainingSection />}>
        <Route index element={<TrainingOverviewPage />} />
        <Route path="sessions" element={<SessionsPage />} />
        <Route path="sessions/:id" element={<SessionDetailPage />} />
        <Route path="tours" element={<ToursPage />} />
        <Route path="records" element={<RecordsPage />} />
        <Route path="experts" element={<ExpertsPage />} />
      </Route>
    </Routes>
  );
}
