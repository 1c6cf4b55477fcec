export { staffRegister, type StaffRegister } from './staffRegister.ts';
export { authorising, checkAuthorised, type AuthorisationReaders } from './authorising.ts';
export { approveRequest, type ApprovalOutcome } from './approveRequest.ts';
export { branchOf } from './branchOf.ts';
