// The statements of one theme (or the unassigned ones), a page at a time, each with its source. A reviewer
// can move a statement to another theme or to unassigned, and tick statements to split them off into a
// new theme.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Input, List, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Period } from '../../../../shared/types.js';
import { formatYearPeriod } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';
import { useCanCorrectThemes, useThemeCorrections, useThemeTargets } from './useThemeCorrections.js';

const MEMBERS_PER_PAGE = 8;

interface Ref {
  report: number;
  start: number;
  end: number;
}
const keyOf = (r: Ref) => `${r.report}:${r.start}:${r.end}`;

export function ThemeMembers({ theme }: { theme: string | null }) {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<Map<string, Ref>>(new Map());
  const [splitLabel, setSplitLabel] = useState<string | null>(null);
  const canCorrect = useCanCorrectThemes();
  const targets = useThemeTargets(theme);
  const { move, split } = useThemeCorrections();
  const members = useQuery({ ...trpc.themes.members.queryOptions({ ...filters, theme, page, pageSize: MEMBERS_PER_PAGE }), placeholderData: keepPreviousData });
  const toggle = (r: Ref, on: boolean) =>
    setPicked((m) => {
      const next = new Map(m);
      if (on) next.set(keyOf(r), r);
      else next.delete(keyOf(r));
      return next;
    });
  const doSplit = () =>
    split.mutate(
      { theme: theme!, statements: [...picked.values()], label: splitLabel ?? '' },
      {
        onSuccess: () => {
          setPicked(new Map());
          setSplitLabel(null);
        },
      },
    );
  return (
    <>
      {canCorrect && theme !== null && (
        <Space style={{ marginBottom: 8 }}>
          <Button size="small" disabled={picked.size === 0} onClick={() => setSplitLabel('')} data-testid="theme-split">
            将选中的 {picked.size} 条拆分为新主题
          </Button>
        </Space>
      )}
      <List
        size="small"
        loading={members.isFetching}
        dataSource={members.data?.rows ?? []}
        pagination={{ current: page, pageSize: MEMBERS_PER_PAGE, total: members.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }}
        renderItem={(m) => (
          <List.Item
            data-testid="theme-member"
            actions={
              canCorrect
                ? [
                    <Select
                      key="move"
                      size="small"
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 220 }}
                      placeholder="移到…"
                      value={null}
                      options={targets}
                      loading={move.isPending}
                      onChange={(to: string) => move.mutate({ statement: { report: m.report, start: m.start, end: m.end }, theme: to === '' ? null : to })}
                      data-testid="theme-member-move"
                    />,
                  ]
                : []
            }
          >
            <Space align="start">
              {canCorrect && theme !== null && <Checkbox checked={picked.has(keyOf(m))} onChange={(e) => toggle(m, e.target.checked)} />}
              <div>
                <Typography.Text>{m.text}</Typography.Text>
                <div>
                  <Link to={`/reports/${m.report}${carry}#${m.start}`}>
                    {m.unit} · {formatYearPeriod(m.year, m.period as Period | null)}
                  </Link>
                </div>
              </div>
            </Space>
          </List.Item>
        )}
      />
      <Modal open={splitLabel !== null} title="拆分为新主题" okText="拆分" cancelText="取消" confirmLoading={split.isPending} okButtonProps={{ disabled: (splitLabel ?? '').trim().length < 2 }} onOk={doSplit} onCancel={() => setSplitLabel(null)}>
        <Typography.Paragraph>选中的 {picked.size} 条问题表述将移入新主题，并保留在新主题中。</Typography.Paragraph>
        <Input placeholder="新主题名称" maxLength={30} value={splitLabel ?? ''} onChange={(e) => setSplitLabel(e.target.value)} data-testid="theme-split-label" />
      </Modal>
    </>
  );
}
