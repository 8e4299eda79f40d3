import { isStaff } from '../../api/web-session.ts';
import { StaffGuard } from './StaffGuard.tsx';

/** The officer pages' guard: the tab's token, or an eID session with an officer or administrator role. */
export function RequireOfficer() {
  return <StaffGuard allows={isStaff} noRoleReason="noRole" requiredReason="required" />;
}
