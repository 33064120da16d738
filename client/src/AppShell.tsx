import { BarChartOutlined, FileTextOutlined } from '@ant-design/icons';
import { Breadcrumb, Layout, Menu, Typography } from 'antd';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { FilterBar } from './components/FilterBar.js';
import { useFilterSearch } from './useFilters.js';
import { OverviewView } from './views/overview/OverviewView.js';
import { ReportView } from './views/report/ReportView.js';
import { ReportListView } from './views/reports/ReportListView.js';

const MENU = [
  { key: '/', icon: <BarChartOutlined />, label: '总览' },
  { key: '/reports', icon: <FileTextOutlined />, label: '报告列表' },
];

function crumbs(pathname: string): string[] {
  if (pathname === '/') return ['总览'];
  if (pathname === '/reports') return ['报告列表'];
  if (pathname.startsWith('/reports/')) return ['报告列表', '报告详情'];
  return ['未找到'];
}

export function AppShell() {
  const location = useLocation();
  const navigate = useNavigate();
  const search = useFilterSearch();
  const selected = MENU.filter((m) => m.key !== '/' && location.pathname.startsWith(m.key)).map((m) => m.key);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 20px', letterSpacing: 2 }}>研判</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected.length ? selected : [location.pathname === '/' ? '/' : '']}
          items={MENU}
          onClick={({ key }) => navigate(`${key}${search}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap', height: 'auto', minHeight: 64 }}>
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
            意识形态工作报告分析看板
          </Typography.Title>
          <div style={{ marginLeft: 'auto' }}>
            <FilterBar />
          </div>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={[{ title: <Link to={`/${search}`}>首页</Link> }, ...crumbs(location.pathname).map((c) => ({ title: c }))]}
          />
          <Routes>
            <Route path="/" element={<OverviewView />} />
            <Route path="/reports" element={<ReportListView />} />
            <Route path="/reports/:id" element={<ReportView />} />
            <Route path="*" element={<Typography.Text>页面不存在</Typography.Text>} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
