import { Spin } from 'antd';

/** While the user's session or a view's code is loading. */
export function Loading() {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin tip="加载中…">
        <div style={{ minHeight: 40 }} />
      </Spin>
    </div>
  );
}
