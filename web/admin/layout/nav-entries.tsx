// The side menu's entries: the menu, the selected entry and the first crumb of a page's breadcrumb.
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
  HomeOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../../shared/roles';

export type NavEntry = { path: string; label: string; icon: React.ReactNode; permission?: Permission };

export const navEntries: NavEntry[] = [
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

