// Reported figures: what each <N:key> in the phrase bank counts, its measure word and plausible range.
export interface FigureSpec {
  activity: string;
  unit: string;
  min: number;
  max: number;
  kind: 'count' | 'percent' | 'money';
}

const c = (activity: string, unit: string, min: number, max: number): FigureSpec => ({ activity, unit, min, max, kind: 'count' });

export const FIGURES: Record<string, FigureSpec> = {
  study: c('集中学习', '次', 4, 24),
  discuss: c('研讨交流', '次', 2, 10),
  firsttopic: c('第一议题学习', '次', 6, 32),
  partyday: c('主题党日', '次', 3, 12),
  lecture: c('专题党课', '次', 2, 10),
  essays: c('心得体会', '篇', 12, 260),
  readclass: c('读书班', '期', 1, 4),
  tutor: c('专题辅导', '场', 1, 6),
  people: c('参训', '人次', 40, 900),
  rate: { activity: '参学率', unit: '%', min: 92, max: 100, kind: 'percent' },
  meeting: c('专题会议', '次', 2, 8),
  report: c('听取汇报', '次', 1, 4),
  tasks: c('重点任务', '项', 8, 30),
  letters: c('责任书', '份', 10, 90),
  inspect: c('专项检查', '次', 1, 6),
  found: c('发现问题', '个', 3, 26),
  articles: c('宣传稿件', '篇', 20, 420),
  provincial: c('省级以上媒体采用', '篇', 3, 40),
  posts: c('发布信息', '条', 40, 1200),
  opinion: c('舆情信息', '条', 5, 120),
  accounts: c('清理账号', '个', 1, 9),
  analysis: c('分析研判', '次', 2, 8),
  talks: c('谈心谈话', '人次', 20, 320),
  training: c('业务培训', '期', 1, 10),
  trainees: c('培训人员', '人次', 30, 600),
  boards: c('宣传展板', '块', 5, 60),
  forums: c('讲座论坛审核', '场', 2, 24),
  volunteer: c('志愿服务', '次', 5, 60),
  volunteers: c('志愿者参与', '人次', 50, 1500),
  funds: { activity: '经费投入', unit: '元', min: 5000, max: 200000, kind: 'money' },
  moral: c('道德讲堂', '期', 2, 12),
  civil: c('文明实践活动', '场', 4, 40),
  models: c('先进典型', '名', 2, 15),
  videos: c('短视频', '条', 3, 50),
  replies: c('网民留言回复', '件', 10, 300),
  preach: c('宣讲', '场', 3, 60),
  audience: c('受众', '人次', 200, 5000),
  briefings: c('新闻发布会', '场', 1, 6),
  drills: c('舆情应急演练', '次', 1, 3),
  checks: c('信息审核', '条', 30, 900),
  visits: c('调研', '次', 2, 12),
  reading: c('读书分享', '次', 2, 10),
  exams: c('知识测试', '次', 1, 4),
  leaflets: c('发放宣传资料', '份', 200, 6000),
  materials: c('清理资料', '份', 10, 300),
  surveys: c('问卷调查', '份', 50, 800),
};
