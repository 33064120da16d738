// One dialog for the corrections of a whole theme: rename it, merge it with another, add a cue phrase.
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useThemeCorrections, useThemeTargets } from './useThemeCorrections.js';

export type ThemeDialogKind = 'rename' | 'merge' | 'cue';

const TITLES: Record<ThemeDialogKind, string> = { rename: '主题改名', merge: '合并主题', cue: '添加关键词' };

export function ThemeDialog({ kind, theme, onClose }: { kind: ThemeDialogKind; theme: { id: string; label: string }; onClose: () => void }) {
  const [form] = Form.useForm<{ value: string }>();
  const { rename, merge, addCue } = useThemeCorrections();
  const others = useThemeTargets(theme.id).filter((t) => t.value !== '');
  useEffect(() => form.setFieldsValue({ value: kind === 'rename' ? theme.label : '' }), [form, kind, theme]);
  const busy = rename.isPending || merge.isPending || addCue.isPending;
  const submit = ({ value }: { value: string }) => {
    const done = { onSuccess: onClose };
    if (kind === 'rename') rename.mutate({ theme: theme.id, label: value }, done);
    else if (kind === 'merge') merge.mutate({ a: theme.id, b: value }, done);
    else addCue.mutate({ theme: theme.id, cue: value }, done);
  };
  return (
    <Modal open title={`${TITLES[kind]}：${theme.label}`} okText="确定" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        {kind === 'rename' && (
          <Form.Item name="value" label="新名称" rules={[{ required: true, min: 2, max: 30, message: '名称应为 2 至 30 个字' }]}>
            <Input maxLength={30} data-testid="theme-dialog-input" />
          </Form.Item>
        )}
        {kind === 'merge' && (
          <Form.Item name="value" label="与哪个主题合并" extra="较早建立的主题保留其编号和名称，另一个主题的问题表述、关键词并入其中，合并记录保留。" rules={[{ required: true, message: '请选择主题' }]}>
            <Select showSearch optionFilterProp="label" options={others} placeholder="选择主题" data-testid="theme-dialog-select" />
          </Form.Item>
        )}
        {kind === 'cue' && (
          <Form.Item name="value" label="关键词" extra="含此关键词的问题表述将归入本主题（已人工移动的除外）；“A+B”表示两个词出现在同一分句中。" rules={[{ required: true, message: '请输入关键词' }]}>
            <Input maxLength={30} placeholder="如：剧本杀、网络直播+监管" data-testid="theme-dialog-input" />
          </Form.Item>
        )}
      </Form>
      {kind === 'cue' && <Typography.Text type="secondary">添加后将按新关键词重新归类全部问题表述，报告多时需要数秒。</Typography.Text>}
    </Modal>
  );
}
