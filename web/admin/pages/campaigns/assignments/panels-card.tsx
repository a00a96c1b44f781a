import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Campaign, PanelCreate } from '../../../../../shared/contracts/campaigns';
import type { OrgTreeNode } from '../../../../../shared/contracts/org-units';
import { useCreatePanel, usePanels, useRemovePanel, useUpdatePanel, type Panel } from '../../../api/campaigns-hooks';
import { errorText } from '../../../api/client';
import { useOrgTree } from '../../../api/org-units-hooks';
import { notifySuccess } from '../../../components/feedback';
import { useDirectory } from './directory';

/** Towns with their villages, for picking the villages a panel reviews (a town checks all of its). */
function villageTree(roots: OrgTreeNode[]) {
  return roots.flatMap((city) =>
    city.children
      .filter((t) => t.level === 'town' && t.active)
      .map((t) => ({
        value: `town:${t.id}`,
        title: t.name,
        children: t.children.filter((v) => v.level === 'village' && v.active).map((v) => ({ value: v.id, title: v.name })),
      })),
  );
}

/** Stage 2 judge panels: departments' judges and the villages each panel reviews. */
export function PanelsCard({ campaign, canManage }: { campaign: Campaign; canManage: boolean }) {
  const panels = usePanels(campaign.id);
  const remove = useRemovePanel(campaign.id);
  const tree = useOrgTree();
  const directory = useDirectory();
  // null: closed; 'new': creating; a panel: editing it.
  const [open, setOpen] = useState<Panel | 'new' | null>(null);
  const editable = canManage && ['draft', 'mutual', 'department'].includes(campaign.status);
  const villageNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const city of tree.data ?? []) for (const t of city.children) for (const v of t.children) names.set(v.id, `${v.name}`);
    return names;
  }, [tree.data]);

  const columns: TableColumnsType<Panel> = [
    { title: '评委组', dataIndex: 'name', width: 160 },
    { title: '来源部门', dataIndex: 'departments', width: 220 },
    {
      title: '评委',
      key: 'members',
      width: 200,
      render: (_, p) => {
        const named = p.memberIds.map((id) => directory.options.find((o) => o.value === id)?.label).filter(Boolean);
        return named.length === p.memberIds.length ? named.map((n) => <Tag key={n}>{n}</Tag>) : <Tag color="blue">{p.memberIds.length} 名评委</Tag>;
      },
    },
    {
      title: '点评村',
      key: 'villages',
      render: (_, p) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ margin: 0 }}>
          <Typography.Text strong>{p.villageIds.length} 个村：</Typography.Text>
          {p.villageIds.map((id) => villageNames.get(id) ?? '').join('、')}
        </Typography.Paragraph>
      ),
    },
    ...(editable
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, p: Panel) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setOpen(p)}>
                  修改
                </Button>
                  <Popconfirm title={`删除评委组“${p.name}”？`} description="该组评委将不能再为这些村打分。" onConfirm={() => remove.mutate(p.id, { onSuccess: () => notifySuccess('已删除评委组') })}>
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="部门点评评委组"
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen('new')}>
            新建评委组
          </Button>
        )
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">评委组由农业农村、乡村振兴等部门的评委组成，每位评委只能查看和评分本组负责的村。</Typography.Text>
        <Table<Panel>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={panels.data}
          loading={panels.isPending}
          pagination={false}
          locale={{ emptyText: <Empty description="尚未设置评委组" /> }}
        />
      </Space>
      {open && <PanelModal campaignId={campaign.id} panel={open === 'new' ? null : open} tree={villageTree(tree.data ?? [])} onClose={() => setOpen(null)} />}
    </Card>
  );
}

type Values = { name: string; departments: string; memberIds: string[]; villages: string[] };

function PanelModal({ campaignId, panel, tree, onClose }: { campaignId: string; panel: Panel | null; tree: ReturnType<typeof villageTree>; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreatePanel(campaignId);
  const update = useUpdatePanel(campaignId);
  const saving = create.isPending || update.isPending;
  const directory = useDirectory();
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    // An invalid form shows its messages beside the fields; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    // A checked town stands for all of its villages.
    const villageIds = [...new Set(v.villages.flatMap((value) => (value.startsWith('town:') ? (tree.find((t) => t.value === value)?.children.map((c) => c.value) ?? []) : [value])))];
    const input: PanelCreate = { name: v.name, departments: v.departments, memberIds: v.memberIds, villageIds };
    const done = {
      onSuccess: () => {
        notifySuccess(panel ? '已修改评委组' : '已新建评委组');
        onClose();
      },
      onError: (e: unknown) => setBanner(errorText(e)),
    };
    if (panel) update.mutate({ panelId: panel.id, input }, done);
    else create.mutate(input, done);
  };

  return (
    <Modal title={panel ? `修改评委组“${panel.name}”` : '新建评委组'} open width={620} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={saving} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        name="panel"
        initialValues={panel ? { name: panel.name, departments: panel.departments, memberIds: panel.memberIds, villages: panel.villageIds } : undefined}
      >
        <Form.Item name="name" label="评委组名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 60 }]}>
          <Input placeholder="如：第一评委组" />
        </Form.Item>
        <Form.Item name="departments" label="来源部门" rules={[{ required: true, whitespace: true, message: '请填写来源部门' }, { max: 200 }]}>
          <Input placeholder="如：农业农村局、乡村振兴局" />
        </Form.Item>
        <Form.Item
          name="memberIds"
          label="评委"
          rules={[{ required: true, message: '请选择评委' }]}
          extra={directory.available ? '只列出持有“评委”角色的账户。' : undefined}
        >
          {directory.available ? (
            <Select mode="multiple" showSearch optionFilterProp="label" options={directory.judges} placeholder="选择评委账户" notFoundContent="没有持有评委角色的账户" />
          ) : (
            <Alert type="warning" showIcon message="当前账户不能读取账户名单，无法选择评委。请由系统管理员创建评委账户、安全管理员授予“评委”角色后，通过账户名单选择。" />
          )}
        </Form.Item>
        <Form.Item name="villages" label="点评村" rules={[{ required: true, message: '请选择该组负责点评的村' }]} extra="勾选镇即选中该镇全部村。">
          <TreeSelect treeData={tree} treeCheckable showCheckedStrategy={TreeSelect.SHOW_PARENT} placeholder="选择村" maxTagCount={8} treeNodeFilterProp="title" showSearch style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
