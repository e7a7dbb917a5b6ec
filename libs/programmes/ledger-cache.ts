const CAPACITY = 100;

/**
 * Ledgers as sent, by programme, each good for exactly one `programme.ledger_version`: the database
 * bumps that version in the transaction of every change the ledger shows, so a ledger computed at a
 * version is the ledger of every later read that finds the same version, in this process or another.
 * A large programme's ledger (thousands of lines) is then one indexed lookup instead of a recomputation.
 * Kept as the UTF-8 bytes of its JSON: encoding a 200 kB string again on every request was a sixth of
 * the endpoint's CPU. Bounded: the least recently stored programme goes first.
 */
export class LedgerCache {
  private readonly entries = new Map<string, { version: string; body: Buffer }>();

  constructor(private readonly capacity = CAPACITY) {}

  get(programmeId: string, version: string): Buffer | undefined {
    const entry = this.entries.get(programmeId);
    return entry?.version === version ? entry.body : undefined;
  }

  /** Stores the ledger's JSON at `version` and answers the bytes to send. */
  set(programmeId: string, version: string, ledger: unknown): Buffer {
    const body = Buffer.from(JSON.stringify(ledger), 'utf8');
    this.entries.delete(programmeId);
    this.entries.set(programmeId, { version, body });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return body;
  }
}
