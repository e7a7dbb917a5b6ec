const CAPACITY = 100;

/**
 * Ledgers as sent, by programme, each good for exactly one `programme.ledger_version`: the database
 * bumps that version in the transaction of every change the ledger shows, so a ledger computed at a
 * version is the ledger of every later read that finds the same version, in this process or another.
 * A large programme's ledger (thousands of lines) is then one indexed lookup instead of a recomputation.
 * Bounded: the least recently stored programme goes first.
 */
export class LedgerCache {
  private readonly entries = new Map<string, { version: string; body: string }>();

  constructor(private readonly capacity = CAPACITY) {}

  get(programmeId: string, version: string): string | undefined {
    const entry = this.entries.get(programmeId);
    return entry?.version === version ? entry.body : undefined;
  }

  set(programmeId: string, version: string, body: string): string {
    this.entries.delete(programmeId);
    this.entries.set(programmeId, { version, body });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return body;
  }
}
