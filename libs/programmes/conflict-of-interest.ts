/** How long after setting up or adjusting a programme its author may not assess or decide its cases. */
export const CONFLICT_WINDOW_MS = 7 * 86_400_000;

/** The named parameters {@link conflictOfInterestSql} reads: the person, and the start of the window before `now`. */
export function conflictOfInterestParameters(actorId: string, now: Date): { conflictActor: string; conflictSince: Date } {
  return { conflictActor: actorId, conflictSince: new Date(now.getTime() - CONFLICT_WINDOW_MS) };
}

/**
 * The conflict-of-interest rule (inhabilitet) as SQL over the programme whose id is `programmeId` (a
 * column or a parameter): `:conflictActor` set the programme up, or adjusted its budget, since
 * `:conflictSince`. One definition for the check on a single case ({@link ProgrammesService.conflictOfInterest})
 * and for the lists that leave out what a caseworker may not decide.
 */
export function conflictOfInterestSql(programmeId: string): { created: string; adjusted: string } {
  return {
    created: `EXISTS (SELECT 1 FROM programme cp WHERE cp.id = ${programmeId} AND cp.created_by = :conflictActor AND cp.created_at > :conflictSince)`,
    adjusted:
      `EXISTS (SELECT 1 FROM budget_adjustment cb WHERE cb.programme_id = ${programmeId} ` +
      `AND cb.created_by = :conflictActor AND cb.created_at > :conflictSince)`,
  };
}

/** Why the person may not assess or decide the programme's cases, in Danish, or null when nothing stands in the way. */
export function conflictOfInterestReason(found: { created: boolean; adjusted: boolean }): string | null {
  if (found.created) return 'Du har oprettet puljen inden for den seneste uge og kan derfor ikke vurdere eller afgøre dens sager.';
  if (found.adjusted) return 'Du har reguleret puljens budget inden for den seneste uge og kan derfor ikke vurdere eller afgøre dens sager.';
  return null;
}
