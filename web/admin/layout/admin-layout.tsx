import { Suspense, useState } from 'react';
import { Avatar, Dropdown, Flex, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import {
  DashboardOutlined,
  ApartmentOutlined,
  AimOutlined,
  ClusterOutlined,
  HeartOutlined,
  LinkOutlined,
  AuditOutlined,
  FileProtectOutlined,
  BookOutlined,
  FormOutlined,
  FileDoneOutlined,
  StarOutlined,
  SafetyCertificateOutlined,
  ToolOutlined,
  ReadOutlined,
  DownOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  StarFilled,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleLabels, type Permission } from '../../../shared/roles';
import { useLogout } from '../api/auth-hooks';
import { useSession } from '../auth/session';
import { PageLoading } from '../components/page-loading';
import { ChangePasswordModal } from './change-password-modal';
import { MenuLabel } from './menu-label';

const { Header, Sider, Content } = Layout;

type NavEntry = { path: string; label: string; icon: React.ReactNode; permission?: Permission };

const navEntries: NavEntry[] = [
  { path: '/', label: '首页 · 待办', icon: <HomeOutlined /> },
  { path: '/orgs', label: '组织架构', icon: <ApartmentOutlined />, permission: 'org:read' },
  { path: '/people', label: '人员管理', icon: <TeamOutlined />, permission: 'people:read' },
  { path: '/accounts', label: '账户管理', icon: <UserSwitchOutlined />, permission: 'account:read' },
  { path: '/standards', label: '评星标准', icon: <BookOutlined />, permission: 'standard:read' },
  { path: '/cockpit', label: '数据驾驶舱', icon: <DashboardOutlined />, permission: 'campaign:read' },
  { path: '/campaigns', label: '评星定级', icon: <StarOutlined />, permission: 'campaign:read' },
  { path: '/my-tasks/mutual', label: '我的互评任务', icon: <FormOutlined />, permission: 'score:mutual' },
  { path: '/my-tasks/department', label: '我的点评任务', icon: <FormOutlined />, permission: 'score:department' },
  { path: '/violations', label: '违纪违法核查', icon: <SafetyCertificateOutlined />, permission: 'violation:read' },
  { path: '/self-evaluations', label: '村自评', icon: <FileDoneOutlined />, permission: 'campaign:read' },
  { path: '/rectifications', label: '整改任务', icon: <ToolOutlined />, permission: 'rectification:submit' },
  { path: '/fieldwork', label: '三级共进', icon: <ClusterOutlined />, permission: 'fieldwork:read' },
  { path: '/pairing', label: '包保联系', icon: <LinkOutlined />, permission: 'fieldwork:read' },
  { path: '/supervision', label: '跟踪问效', icon: <AimOutlined />, permission: 'fieldwork:read' },
  { path: '/service', label: '为民服务', icon: <HeartOutlined />, permission: 'fieldwork:read' },
  { path: '/training', label: '干部培训', icon: <ReadOutlined />, permission: 'training:read' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:read' },
  { path: '/integrity', label: '数据完整性校验', icon: <FileProtectOutlined />, permission: 'audit:read' },
];

function selectedKey(pathname: string): string {
  const match = navEntries.filter((e) => e.path !== '/').find((e) => pathname.startsWith(e.path));
  return match?.path ?? '/';
}

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
          selectedKeys={[selectedKey(location.pathname)]}
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
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
