// Which theme of the codebook (shared/vocab/problem-themes.json) each of the generator's themes was written
// to fit. For tests and the themes table.
export const SEED_THEME_OF: Record<string, string> = {
  theory: 'theory-study',
  innovation: 'work-innovation',
  positions: 'position-influence',
  online: 'online-opinion',
  team: 'team-talent',
  responsibility: 'responsibility',
  attention: 'attention',
  integration: 'responsibility',
  analysis: 'online-opinion',
  grassroots: 'grassroots',
  publicity: 'publicity-targeting',
};
