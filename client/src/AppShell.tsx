import { ApartmentOutlined, AuditOutlined, BarChartOutlined, BookOutlined, ExceptionOutlined, ReadOutlined, CopyOutlined, DeleteOutlined, FireOutlined, HeatMapOutlined, FileTextOutlined, SearchOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { Role } from '../../shared/roles.js';
import { Loading } from './components/Loading.js';
import type { ViewEntry } from './SignedInLayout.js';
import { useTRPC } from './trpc.js';
import { LoginView } from './views/login/LoginView.js';

/** The signed-in layout (menu, header, filters) is not needed by the login page: loaded after signing in. */
const SignedIn = lazy(() => import('./SignedInLayout.js').then((m) => ({ default: m.SignedInLayout })));

/*
 * Each view is a chunk of its own, downloaded when it is first opened: the login page and the first view
 * load only what they use (ECharts comes with the first chart). A new view: one line here, one in VIEWS.
 */
const OverviewView = lazy(() => import('./views/overview/OverviewView.js').then((m) => ({ default: m.OverviewView })));
const UnitComparisonView = lazy(() => import('./views/units/UnitComparisonView.js').then((m) => ({ default: m.UnitComparisonView })));
const UnitView = lazy(() => import('./views/units/UnitView.js').then((m) => ({ default: m.UnitView })));
const ActivityView = lazy(() => import('./views/activity/ActivityView.js').then((m) => ({ default: m.ActivityView })));
const ThemesView = lazy(() => import('./views/themes/ThemesView.js').then((m) => ({ default: m.ThemesView })));
const ReuseView = lazy(() => import('./views/reuse/ReuseView.js').then((m) => ({ default: m.ReuseView })));
const CompareView = lazy(() => import('./views/compare/CompareView.js').then((m) => ({ default: m.CompareView })));
const TemplatesView = lazy(() => import('./views/templates/TemplatesView.js').then((m) => ({ default: m.TemplatesView })));
const ReportListView = lazy(() => import('./views/reports/ReportListView.js').then((m) => ({ default: m.ReportListView })));
const ReportView = lazy(() => import('./views/report/ReportView.js').then((m) => ({ default: m.ReportView })));
const SearchView = lazy(() => import('./views/search/SearchView.js').then((m) => ({ default: m.SearchView })));
const UploadView = lazy(() => import('./views/upload/UploadView.js').then((m) => ({ default: m.UploadView })));
const UsersView = lazy(() => import('./views/admin/UsersView.js').then((m) => ({ default: m.UsersView })));
const RecycleBinView = lazy(() => import('./views/admin/RecycleBinView.js').then((m) => ({ default: m.RecycleBinView })));
const PendingView = lazy(() => import('./views/pending/PendingView.js').then((m) => ({ default: m.PendingView })));
const RegistryView = lazy(() => import('./views/registry/RegistryView.js').then((m) => ({ default: m.RegistryView })));
const AuditLogView = lazy(() => import('./views/admin/AuditLogView.js').then((m) => ({ default: m.AuditLogView })));

const ALL: readonly Role[] = ['admin', 'reviewer', 'submitter'];
const REVIEWERS: readonly Role[] = ['admin', 'reviewer'];

const VIEWS: ViewEntry[] = [
  { path: '/', label: '总览', icon: <BarChartOutlined />, element: <OverviewView />, menu: true, roles: ALL },
  { path: '/units', label: '单位对比', icon: <ApartmentOutlined />, element: <UnitComparisonView />, menu: true, roles: ALL },
  { path: '/units/:name', label: '单位详情', element: <UnitView />, menu: false, parent: '/units', roles: ALL },
  { path: '/activity', label: '活动频次', icon: <HeatMapOutlined />, element: <ActivityView />, menu: true, roles: ALL },
  { path: '/themes', label: '问题主题', icon: <FireOutlined />, element: <ThemesView />, menu: true, roles: ALL },
  { path: '/reuse', label: '雷同分析', icon: <CopyOutlined />, element: <ReuseView />, menu: true, roles: REVIEWERS },
  { path: '/compare', label: '对照', element: <CompareView />, menu: false, parent: '/reuse', roles: REVIEWERS },
  { path: '/templates', label: '范文库', icon: <ReadOutlined />, element: <TemplatesView />, menu: true, roles: REVIEWERS },
  { path: '/reports', label: '报告列表', icon: <FileTextOutlined />, element: <ReportListView />, menu: true, roles: ALL },
  { path: '/reports/:id', label: '报告详情', element: <ReportView />, menu: false, parent: '/reports', roles: ALL },
  { path: '/search', label: '全文检索', icon: <SearchOutlined />, element: <SearchView />, menu: true, roles: ALL },
  { path: '/upload', label: '报送上传', icon: <UploadOutlined />, element: <UploadView />, menu: true, roles: ALL },
  { path: '/pending', label: '待补充信息', icon: <ExceptionOutlined />, element: <PendingView />, menu: true, roles: REVIEWERS },
  { path: '/registry', label: '单位名录', icon: <BookOutlined />, element: <RegistryView />, menu: true, roles: REVIEWERS },
  { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, element: <UsersView />, menu: true, roles: ['admin'] },
  { path: '/admin/recycle', label: '回收站', icon: <DeleteOutlined />, element: <RecycleBinView />, menu: true, roles: ['admin'] },
  { path: '/admin/audit', label: '操作日志', icon: <AuditOutlined />, element: <AuditLogView />, menu: true, roles: ['admin'] },
];


export function AppShell() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isLoading) return <Loading />;
  if (!me.data) return <LoginView />;
  return (
    <Suspense fallback={<Loading />}>
      <SignedIn views={VIEWS.filter((v) => v.roles.includes(me.data!.role))} role={me.data.role} name={me.data.displayName} unit={me.data.unitName} />
    </Suspense>
  );
}
