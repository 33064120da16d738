// Who may do what: administrators manage everything, reviewers read and export everything,
// unit submitters upload and see only their own unit's reports.
export const ROLES = ['admin', 'reviewer', 'submitter'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  reviewer: '审阅人',
  submitter: '报送人',
};

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** A submitter's unit; null for administrators and reviewers. */
  unitId: number | null;
  unitName: string | null;
}
