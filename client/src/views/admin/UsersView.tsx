import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles.js';
import { formatDateTime } from '../../format.js';
import { useTRPC } from '../../trpc.js';

interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  unitId?: number;
}

export function UsersView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const users = useQuery(trpc.admin.users.queryOptions());
  const units = useQuery(trpc.admin.units.queryOptions());
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
  const create = useMutation(
    trpc.admin.createUser.mutationOptions({
      onSuccess: () => {
        message.success('账号已创建');
        setOpen(false);
        form.resetFields();
        void refresh();
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const setDisabled = useMutation(trpc.admin.setDisabled.mutationOptions({ onSuccess: () => void refresh(), onError: (e) => message.error(e.message) }));
  return (
    <Card title="用户管理" extra={<Button type="primary" onClick={() => setOpen(true)}>新建账号</Button>}>
      <Table
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => <Tag color={r === 'admin' ? 'red' : r === 'reviewer' ? 'blue' : 'default'}>{ROLE_LABELS[r]}</Tag> },
          { title: '所属单位', dataIndex: 'unit', render: (u: string | null) => u ?? '—' },
          { title: '创建时间', dataIndex: 'createdAt', render: formatDateTime },
          {
            title: '启用',
            dataIndex: 'disabled',
            render: (d: number, u) => <Switch checked={!d} onChange={(on) => setDisabled.mutate({ id: u.id, disabled: !on })} />,
          },
        ]}
      />
      <Modal title="新建账号" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText="创建" cancelText="取消">
        <Form form={form} layout="vertical" initialValues={{ role: 'reviewer' }} onFinish={(v) => create.mutate({ ...v, unitId: v.unitId ?? null })}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label="姓名">
            <Input />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
            <Input.Password />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          </Form.Item>
          {role === 'submitter' && (
            <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '报送人必须指定单位' }]}>
              <Select showSearch optionFilterProp="label" options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
