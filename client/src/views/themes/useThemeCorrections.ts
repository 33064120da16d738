// A reviewer's corrections of the themes, as mutations: each refreshes every query on success (themes,
// charts, recurrences and exports all follow the correction) and shows the server's reason on failure.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTRPC } from '../../trpc.js';

export function useCanCorrectThemes(): boolean {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  return me.data?.role === 'admin' || me.data?.role === 'reviewer';
}

export function useThemeCorrections() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const handlers = (done: string) => ({
    onSuccess: () => {
      message.success(done);
      void queryClient.invalidateQueries();
    },
    onError: (e: { message: string }) => void message.error(e.message),
  });
  return {
    rename: useMutation(trpc.themes.rename.mutationOptions(handlers('主题已改名'))),
    merge: useMutation(trpc.themes.merge.mutationOptions(handlers('主题已合并'))),
    split: useMutation(trpc.themes.split.mutationOptions(handlers('已拆分为新主题'))),
    move: useMutation(trpc.themes.move.mutationOptions(handlers('问题表述已移动'))),
    addCue: useMutation(trpc.themes.addCue.mutationOptions(handlers('关键词已添加，问题表述已按新关键词重新归类'))),
  };
}

/** Where a statement can go: every standing theme, and 未归类. */
export function useThemeTargets(exclude: string | null) {
  const trpc = useTRPC();
  const catalog = useQuery(trpc.themes.catalog.queryOptions());
  const themes = (catalog.data ?? []).filter((t) => t.id !== exclude).map((t) => ({ value: t.id, label: `${t.label}（${t.statements}）` }));
  return exclude === null ? themes : [{ value: '', label: '未归类' }, ...themes];
}
