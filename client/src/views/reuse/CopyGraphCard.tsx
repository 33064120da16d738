// The directed graph of who copied from whom: the strongest edges first (labels stay readable), a control
// to show more; an edge leads to the side-by-side view of its strongest pair, a unit to its page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Segmented, Space, Typography } from 'antd';
import type { ECElementEvent } from 'echarts';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { copyGraphChart, type CopyLinkData } from '../../../../shared/charts/reuse.js';
import { Chart } from '../../components/Chart.js';
import { formatInt } from '../../format.js';
import { useTRPC } from '../../trpc.js';
import { useFilterSearch, useFilters } from '../../useFilters.js';

const SIZES = [20, 40, 80, 1000] as const;
/** Tall enough for forty units around the circle, short enough to stand whole on a 1366×768 screen. */
const GRAPH_HEIGHT = 560;

export function CopyGraphCard() {
  const trpc = useTRPC();
  const [filters] = useFilters();
  const carry = useFilterSearch();
  const navigate = useNavigate();
  const [edges, setEdges] = useState<number>(SIZES[0]);
  const graph = useQuery({ ...trpc.reuse.copyGraph.queryOptions({ ...filters, edges }), placeholderData: keepPreviousData });
  const shown = graph.data?.edges.length ?? 0;
  const total = graph.data?.total ?? 0;
  const option = useMemo(() => {
    const count = total > shown ? `显示相同文字最多的 ${shown} 条（共 ${total} 条）` : `共 ${total} 条`;
    // Where the line is drawn, said on the chart itself: fewer shared characters draw no edge.
    const floor = graph.data ? `；两单位间相同文字合计不少于 ${formatInt(graph.data.minChars)} 字才连线` : '';
    return copyGraphChart(graph.data?.edges ?? [], undefined, `${count}${floor}`);
  }, [graph.data, shown, total]);
  const onClick = useCallback(
    (p: ECElementEvent) => {
      if (p.dataType === 'edge') {
        const { strongest } = p.data as CopyLinkData;
        navigate(`/compare?a=${strongest.a}&b=${strongest.b}`);
      } else if (p.dataType === 'node') {
        navigate(`/units/${encodeURIComponent((p.data as { name: string }).name)}${carry}`);
      }
    },
    [navigate, carry],
  );
  return (
    <Card
      loading={graph.isLoading}
      data-testid="copy-graph-card"
      extra={
        <Space>
          <Typography.Text type="secondary">显示连线</Typography.Text>
          <Segmented
            size="small"
            value={edges}
            onChange={(v) => setEdges(Number(v))}
            // A size is no use when the one before it already shows every edge.
            options={SIZES.map((n, i) => ({ value: n, label: n >= 1000 ? '全部' : `最强 ${n} 条`, disabled: i > 0 && n < 1000 && SIZES[i - 1]! >= total }))}
            data-testid="graph-size"
          />
        </Space>
      }
      title="谁抄了谁"
    >
      {total ? (
        <>
          <Chart option={option} height={GRAPH_HEIGHT} onClick={onClick} testId="chart-copy-graph" />
          <Typography.Text type="secondary">
            实线箭头由抄用方指向被抄单位（来源为更早报送期的报告），线越粗抄用文字越多；虚线为同一报送期的雷同，先后不明。点击连线查看相同文字最多的一对报告，点击单位查看其历次报告。合计 {formatInt(graph.data?.edges.reduce((n, e) => n + e.chars, 0))} 字。
          </Typography.Text>
        </>
      ) : (
        <Empty description="未发现单位之间的抄用" />
      )}
    </Card>
  );
}
