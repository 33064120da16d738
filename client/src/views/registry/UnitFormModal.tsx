// Adding or editing one unit of the registry: name, department (归口), aliases (short and former names),
// level, and the periods it must report.
import { AutoComplete, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { PERIOD_LABELS, PERIODS, type Period } from '../../../../shared/types.js';

export interface UnitFormValues {
  id?: number;
  name: string;
  department: string | null;
  aliases: string[];
  level: string | null;
  expected: Period[] | null;
}

export function UnitFormModal({ open, initial, departments, saving, onSave, onClose }: {
  open: boolean;
  initial: UnitFormValues | null;
  departments: string[];
  saving: boolean;
  onSave: (v: UnitFormValues) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<UnitFormValues>();
  useEffect(() => {
    if (open) form.setFieldsValue(initial ?? { name: '', department: null, aliases: [], level: null, expected: null });
  }, [open, initial, form]);
  return (
    <Modal
      open={open}
      title={initial?.id ? `编辑单位：${initial.name}` : initial?.name ? `纳入名录：${initial.name}` : '新增单位'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => onSave({ ...v, id: initial?.id, department: v.department || null, level: v.level || null, expected: v.expected?.length ? v.expected : null }))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}>
          <Input placeholder="如 市卫生健康委员会" />
        </Form.Item>
        <Form.Item name="department" label="归口部门">
          <AutoComplete allowClear placeholder="如 社会事业" options={departments.map((d) => ({ value: d }))} />
        </Form.Item>
        <Form.Item name="aliases" label="简称、曾用名" tooltip="报告里可能写的其他名称，如 市卫健委、市卫生局">
          <Select mode="tags" placeholder="输入后回车" tokenSeparators={[';', '；', '、', ',', '，']} />
        </Form.Item>
        <Form.Item name="level" label="级别">
          <Input placeholder="如 市直单位、县区、乡镇" />
        </Form.Item>
        <Form.Item name="expected" label="应报期别" tooltip="不填则每期都应报送">
          <Select mode="multiple" allowClear placeholder="如 全年、上半年" options={PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
