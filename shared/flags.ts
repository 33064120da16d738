// The flag kinds of server/analyze/FLAGS.md with the short Chinese names the dashboard shows.
export const FLAG_LABELS: Record<string, string> = {
  template_marker: '模板网站痕迹',
  download_notice: '下载登录提示',
  site_chrome: '网页页眉页脚',
  editor_lead_in: '范文编辑导语',
  collection_marker: '范文篇目标记',
  truncation: '正文被截断',
  pinyin_gloss: '词中夹注拼音',
  placeholder_bulk: '占位符未填',
  hard_linebreak: '词中硬换行',
  stray_punctuation: '标点重叠',
  stale_reference: '过时提法',
  missing_problems: '未写存在问题',
  foreign_name: '出现他处地名',
  implausible_figure: '数字不合常理',
};

export const flagLabel = (kind: string) => FLAG_LABELS[kind] ?? kind;
