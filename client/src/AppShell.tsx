import { ApartmentOutlined, AuditOutlined, BarChartOutlined, BookOutlined, CopyOutlined, DeleteOutlined, FireOutlined, HeatMapOutlined, FileTextOutlined, LogoutOutlined, SearchOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS, type Role } from '../../shared/roles.js';
import { FilterBar } from './components/FilterBar.js';
import { postJson } from './http.js';
import { useTRPC } from './trpc.js';
import { useFilterSearch } from './useFilters.js';
import { AuditLogView } from './views/admin/AuditLogView.js';
import { RecycleBinView } from './views/admin/RecycleBinView.js';
import { UsersView } from './views/admin/UsersView.js';
import { LoginView } from './views/login/LoginView.js';
import { OverviewView } from './views/overview/OverviewView.js';
import { ReportView } from './views/report/ReportView.js';
import { ReportListView } from './views/reports/ReportListView.js';
import { ActivityView } from './views/activity/ActivityView.js';
import { CompareView } from './views/compare/CompareView.js';
import { ReuseView } from './views/reuse/ReuseView.js';
import { SearchView } from './views/search/SearchView.js';
import { TemplatesView } from './views/templates/TemplatesView.js';
import { ThemesView } from './views/themes/ThemesView.js';
import { UnitComparisonView } from './views/units/UnitComparisonView.js';
import { UnitView } from './views/units/UnitView.js';
import { UploadView } from './views/upload/UploadView.js';

interface ViewEntry {
  path: string;
  label: string;
  icon?: ReactNode;
  element: ReactNode;
  /** Shown in the side menu (detail pages are reached from other views). */
  menu: boolean;
  parent?: string;
  /** Who sees the view (the server checks again on every call). */
  roles: readonly Role[];
}

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
  { path: '/templates', label: '范文库', icon: <BookOutlined />, element: <TemplatesView />, menu: true, roles: REVIEWERS },
  { path: '/reports', label: '报告列表', icon: <FileTextOutlined />, element: <ReportListView />, menu: true, roles: ALL },
  { path: '/reports/:id', label: '报告详情', element: <ReportView />, menu: false, parent: '/reports', roles: ALL },
  { path: '/search', label: '全文检索', icon: <SearchOutlined />, element: <SearchView />, menu: true, roles: ALL },
  { path: '/upload', label: '报送上传', icon: <UploadOutlined />, element: <UploadView />, menu: true, roles: ALL },
  { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, element: <UsersView />, menu: true, roles: ['admin'] },
  { path: '/admin/recycle', label: '回收站', icon: <DeleteOutlined />, element: <RecycleBinView />, menu: true, roles: ['admin'] },
  { path: '/admin/audit', label: '操作日志', icon: <AuditOutlined />, element: <AuditLogView />, menu: true, roles: ['admin'] },
];

function matchView(views: ViewEntry[], pathname: string): ViewEntry | undefined {
  return views.find((v) => new RegExp(`^${v.path.replace(/:[^/]+/g, '[^/]+')}$`).test(pathname));
}

export function AppShell() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isLoading) {
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin tip="加载中…" />
      </div>
    );
  }
  if (!me.data) return <LoginView />;
  return <SignedIn role={me.data.role} name={me.data.displayName} unit={me.data.unitName} />;
}

function SignedIn({ role, name, unit }: { role: Role; name: string; unit: string | null }) {
  const queryClient = useQueryClient();
  const views = VIEWS.filter((v) => v.roles.includes(role));
  const location = useLocation();
  const navigate = useNavigate();
  const search = useFilterSearch();
  const current = matchView(views, location.pathname);
  const parent = current?.parent ? views.find((v) => v.path === current.parent) : undefined;
  const logout = async () => {
    await postJson('/api/logout', {});
    queryClient.clear();
    await queryClient.invalidateQueries();
  };
  const menuKey = parent?.path ?? current?.path ?? '';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 20px', letterSpacing: 2 }}>研判</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[menuKey]}
          items={views.filter((v) => v.menu).map((v) => ({ key: v.path, icon: v.icon, label: v.label }))}
          onClick={({ key }) => navigate(`${key}${search}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '8px 24px', display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap', height: 'auto', minHeight: 64, lineHeight: 'normal' }}
        >
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
            工作报告研判看板
          </Typography.Title>
          <div style={{ marginLeft: 'auto' }}>
            <FilterBar />
          </div>
          <Space data-testid="current-user">
            <span>{name}</span>
            <Tag color={role === 'admin' ? 'red' : 'blue'}>{ROLE_LABELS[role]}</Tag>
            {unit && <Tag>{unit}</Tag>}
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={[
              { title: <Link to={`/${search}`}>首页</Link> },
              ...(parent ? [{ title: <Link to={`${parent.path}${search}`}>{parent.label}</Link> }] : []),
              { title: current?.label ?? '页面不存在' },
            ]}
          />
          <Routes>
            {views.map((v) => (
              <Route key={v.path} path={v.path} element={v.element} />
            ))}
            <Route path="*" element={<Typography.Text>页面不存在</Typography.Text>} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
