/** What a caseworker may amend on an active award (POST /awards/:id/amendments). */
export const AMENDMENT_KINDS = ['amount', 'period', 'contact'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];
/** What a version of an award records: an amendment, the award's cancellation (bortfald) or its reopening after close-out. */
export const AWARD_VERSION_KINDS = [...AMENDMENT_KINDS, 'cancellation', 'reopening'] as const;
export type AwardVersionKind = (typeof AWARD_VERSION_KINDS)[number];
