// The flag kinds of server/analyze/FLAGS.md with the short Chinese names the dashboard shows.
export const FLAG_LABELS: Record<string, string> = {
  template_marker: '模板网站痕迹',
  download_notice: '下载提示残留',
  placeholder_bulk: '占位符未填',
  hard_linebreak: '词中硬换行',
  stray_punctuation: '标点重叠',
  stale_reference: '过时提法',
  missing_problems: '未写存在问题',
  foreign_name: '出现他处地名',
  implausible_figure: '数字不合常理',
};

export const flagLabel = (kind: string) => FLAG_LABELS[kind] ?? kind;
