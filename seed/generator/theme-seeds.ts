// Which seed theme of shared/vocab/problem-themes.json each of the generator's themes was written to fit
// (grassroots and publicity have none: the themes engine must find them). For tests and the themes table.
export const SEED_THEME_OF: Record<string, string> = {
  theory: 'theory-study',
  innovation: 'work-innovation',
  positions: 'position-influence',
  online: 'online-opinion',
  team: 'team-talent',
  responsibility: 'responsibility',
  attention: 'attention',
  integration: 'integration',
  analysis: 'risk-analysis',
};
