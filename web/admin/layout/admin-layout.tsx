import { Suspense, useState } from 'react';
import { Avatar, Dropdown, Flex, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, StarFilled, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleLabels } from '../../../shared/roles';
import { useLogout } from '../api/auth-hooks';
import { useSession } from '../auth/session';
import { PageLoading } from '../components/page-loading';
import { ChangePasswordModal } from './change-password-modal';
import { resolveTrail } from './breadcrumb-trails';
import { CrumbProvider } from './crumb-names';
import { MenuLabel } from './menu-label';
import { navEntries } from './nav-entries';
import { PageBreadcrumb } from './page-breadcrumb';

const { Header, Sider, Content } = Layout;

export function AdminLayout() {
  const { me, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const { token } = theme.useToken();

  const items: MenuProps['items'] = navEntries
    .filter((e) => !e.permission || can(e.permission))
    .map((e) => ({ key: e.path, icon: e.icon, label: <MenuLabel path={e.path} label={e.label} /> }));

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];

  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <CrumbProvider>
      <Layout style={{ minHeight: '100%' }}>
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
          <Flex align="center" gap={10} style={{ height: 64, padding: '0 20px', overflow: 'hidden' }}>
            <span className="brand-logo">
              <StarFilled />
            </span>
            {!collapsed && (
              <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap', fontSize: 15 }}>
                五星创建管理平台
              </Typography.Text>
            )}
          </Flex>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[resolveTrail(location.pathname).menuKey]}
            items={items}
            onClick={({ key }) => navigate(key)}
          />
        </Sider>
        <Layout>
          <Header
            style={{
              background: token.colorBgContainer,
              padding: '0 24px',
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
            }}
          >
            <Flex justify="space-between" align="center" style={{ height: '100%' }}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                五星级乡村党组织创建管理平台
              </Typography.Text>
              <Space size="middle">
                <Space size={4} wrap={false}>
                  {me.roles.slice(0, 3).map((r) => (
                    <Tag key={`${r.role}-${r.orgUnitId}`} color="red" bordered={false}>
                      {roleLabels[r.role]}
                      {r.orgLevel !== 'city' ? ` · ${r.orgUnitName}` : ''}
                    </Tag>
                  ))}
                  {me.roles.length > 3 && <Tag>+{me.roles.length - 3}</Tag>}
                </Space>
                <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
                  <a onClick={(e) => e.preventDefault()} data-testid="user-menu">
                    <Space>
                      <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
                      <span>{me.displayName}</span>
                      <DownOutlined style={{ fontSize: 10 }} />
                    </Space>
                  </a>
                </Dropdown>
              </Space>
            </Flex>
          </Header>
          <Content style={{ margin: 24 }}>
            <PageBreadcrumb pathname={location.pathname} />
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Content>
        </Layout>
        <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
      </Layout>
    </CrumbProvider>
  );
}
