import type { WebSession } from '../../api/web-session.ts';
import { StaffGuard } from '../officer/StaffGuard.tsx';

const isAdmin = (session: WebSession) => session.roles.some((role) => role.role === 'admin');

/** The administration pages' guard: the tab's token (the bootstrap token), or an eID session with the admin role. */
export function RequireAdmin() {
  return <StaffGuard allows={isAdmin} noRoleReason="noAdminRole" requiredReason="adminRequired" />;
}
