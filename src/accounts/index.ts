// The accounts capability's public API: what other capabilities may use of staff accounts.
export {
  assertCanSeePress,
  canSeePress,
  currentStaff,
  getStaff,
  requireStaff,
  signInRequired,
  staffOf,
} from './guards.ts';
export { sendStaffPage, type StaffPage } from './staff-page.tsx';
export type { Staff, StaffAccount } from './staff.ts';
export { createUser } from './users.ts';
