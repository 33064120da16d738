import { BarChartOutlined, FileTextOutlined, SearchOutlined } from '@ant-design/icons';
import { Breadcrumb, Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { FilterBar } from './components/FilterBar.js';
import { useFilterSearch } from './useFilters.js';
import { OverviewView } from './views/overview/OverviewView.js';
import { ReportView } from './views/report/ReportView.js';
import { ReportListView } from './views/reports/ReportListView.js';
import { SearchView } from './views/search/SearchView.js';

interface ViewEntry {
  path: string;
  label: string;
  icon?: ReactNode;
  element: ReactNode;
  /** Shown in the side menu (detail pages are reached from other views). */
  menu: boolean;
  parent?: string;
}

const VIEWS: ViewEntry[] = [
  { path: '/', label: '总览', icon: <BarChartOutlined />, element: <OverviewView />, menu: true },
  { path: '/reports', label: '报告列表', icon: <FileTextOutlined />, element: <ReportListView />, menu: true },
  { path: '/reports/:id', label: '报告详情', element: <ReportView />, menu: false, parent: '/reports' },
  { path: '/search', label: '全文检索', icon: <SearchOutlined />, element: <SearchView />, menu: true },
];

function matchView(pathname: string): ViewEntry | undefined {
  return VIEWS.find((v) => new RegExp(`^${v.path.replace(/:[^/]+/g, '[^/]+')}$`).test(pathname));
}

export function AppShell() {
  const location = useLocation();
  const navigate = useNavigate();
  const search = useFilterSearch();
  const current = matchView(location.pathname);
  const parent = current?.parent ? VIEWS.find((v) => v.path === current.parent) : undefined;
  const menuKey = parent?.path ?? current?.path ?? '';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 20px', letterSpacing: 2 }}>研判</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[menuKey]}
          items={VIEWS.filter((v) => v.menu).map((v) => ({ key: v.path, icon: v.icon, label: v.label }))}
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
            {VIEWS.map((v) => (
              <Route key={v.path} path={v.path} element={v.element} />
            ))}
            <Route path="*" element={<Typography.Text>页面不存在</Typography.Text>} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
