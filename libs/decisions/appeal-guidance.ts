/**
 * The appeal guidance (klagevejledning, forvaltningsloven § 25) a decision carries when its programme
 * states none: a grant from a pool cannot be appealed to another authority, but the applicant may ask
 * for the case to be reopened and may complain to the Ombudsman. A programme with rules of its own
 * states them (`appealGuidance`), and a decision keeps the programme's text as it stood.
 */
export function appealGuidanceOf(stored: string | null, organisation: string): string {
  if (stored && stored.trim()) return stored.trim();
  return (
    `Afgørelsen kan ikke påklages til anden administrativ myndighed. ` +
    `Mener I, at afgørelsen bygger på forkerte eller mangelfulde oplysninger, kan I bede ${organisation} om at genoptage sagen. ` +
    `I kan også klage til Folketingets Ombudsmand, Gammeltorv 22, 1457 København K, www.ombudsmanden.dk.`
  );
}
