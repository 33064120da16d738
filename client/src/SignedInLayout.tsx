// The dashboard around the views once signed in: the side menu of the views the role may open, the
// header with the filters and the user, the breadcrumb, and the view of the current address.
import { LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS, type Role } from '../../shared/roles.js';
import { FilterBar } from './components/FilterBar.js';
import { Loading } from './components/Loading.js';
import { postJson } from './http.js';
import { useFilterSearch } from './useFilters.js';

export interface ViewEntry {
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

function matchView(views: ViewEntry[], pathname: string): ViewEntry | undefined {
  return views.find((v) => new RegExp(`^${v.path.replace(/:[^/]+/g, '[^/]+')}$`).test(pathname));
}

export function SignedInLayout({ views, role, name, unit }: { views: ViewEntry[]; role: Role; name: string; unit: string | null }) {
  const queryClient = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const search = useFilterSearch();
  const current = matchView(views, location.pathname);
  const parent = current?.parent ? views.find((v) => v.path === current.parent) : undefined;
  const unitPage = /^\/units\/([^/]+)$/.exec(location.pathname);
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
              // A unit's page says which unit (its name is in the address), not 单位详情.
              { title: (unitPage ? decodeURIComponent(unitPage[1]!) : current?.label) ?? '页面不存在' },
            ]}
          />
          <Suspense fallback={<Loading />}>
            <Routes>
              {views.map((v) => (
                <Route key={v.path} path={v.path} element={v.element} />
              ))}
              <Route path="*" element={<Typography.Text>页面不存在</Typography.Text>} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
