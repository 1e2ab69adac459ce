/**
 * Named prepared statements on PostgreSQL (ADR 0009). Kysely hands node-postgres each query as text and
 * parameters, which node-postgres sends as an unnamed statement: the server parses, analyses and plans it again
 * on every call. On the issuance path that was ≈ 30 % of PostgreSQL's time per certificate (parse ≈ 1.3 ms and
 * bind ≈ 2 ms of statement time per certificate against ≈ 7.5 ms of execution, docs/PERFORMANCE.md). A
 * statement text that comes back is given a name instead; node-postgres then parses it once per connection and
 * afterwards only binds and executes it, and PostgreSQL's plan cache keeps its plan (a generic one once the
 * custom plans show no gain).
 *
 * The names are bounded: a text is named on its second use (one-off texts — an IN list of a size seen once, an
 * ad-hoc report — stay unnamed), texts longer than MAX_TEXT are never named, and at most `limit` texts are
 * named per process, so no connection holds more than `limit` prepared statements whatever the traffic.
 * Queries without parameters keep node-postgres's simple protocol (BEGIN, COMMIT, scripts of several statements).
 */
import pg from 'pg';

const MAX_TEXT = 8_000;
const DEFAULT_LIMIT = 256;
/** Texts seen once, remembered until this many, then forgotten all at once (they only delay naming). */
const SEEN_ONCE_LIMIT = 10_000;

export class StatementNames {
  private readonly named = new Map<string, string>();
  private seenOnce = new Set<string>();
  private renewals = 0;

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** The name to prepare `text` under, or undefined to send it unnamed. */
  nameFor(text: string): string | undefined {
    const known = this.named.get(text);
    if (known !== undefined) return known;
    if (this.named.size >= this.limit || text.length > MAX_TEXT) return undefined;
    if (!this.seenOnce.has(text)) {
      if (this.seenOnce.size >= SEEN_ONCE_LIMIT) this.seenOnce = new Set();
      this.seenOnce.add(text);
      return undefined;
    }
    this.seenOnce.delete(text);
    const name = `qosalqy_${this.named.size + 1}`;
    this.named.set(text, name);
    return name;
  }

  /** A new name for `text`, after PostgreSQL refused its prepared statement (the old one stays unused). */
  renew(text: string): string {
    this.renewals += 1;
    const name = `qosalqy_r${this.renewals}`;
    this.named.set(text, name);
    return name;
  }

  get size(): number {
    return this.named.size;
  }
}

/**
 * PostgreSQL refuses a prepared statement whose result columns changed since it was prepared — `select *` after
 * another instance's migration added a column (SQLSTATE 0A000, "cached plan must not change result type").
 */
function isStalePlan(e: unknown): boolean {
  return (
    e instanceof Error &&
    (e as { code?: string }).code === '0A000' &&
    e.message.includes('cached plan must not change result type')
  );
}

/**
 * A node-postgres Client class for `new pg.Pool({ Client })` whose promise-style `query(text, values)` goes out as
 * a named statement when `names` gives one. Every other form of `query` (config objects, cursors, callbacks, no
 * values) is passed through untouched.
 */
export function namingClient(names: StatementNames): typeof pg.Client {
  class NamingClient extends pg.Client {
    // biome-ignore lint/suspicious/noExplicitAny: node-postgres's query has a dozen overloads; this forwards them all.
    override query(config: any, values?: any, callback?: any): any {
      if (
        callback === undefined &&
        typeof config === 'string' &&
        Array.isArray(values) &&
        values.length > 0
      ) {
        const name = names.nameFor(config);
        if (name !== undefined) return this.named(name, config, values);
      }
      return super.query(config, values, callback);
    }

    private async named(name: string, text: string, values: unknown[]): Promise<pg.QueryResult> {
      try {
        return await super.query({ name, text, values });
      } catch (e) {
        if (!isStalePlan(e)) throw e;
        // Every connection prepares the text afresh under a new name. Outside a transaction the query is simply
        // sent again; inside one the transaction is already aborted, so the caller gets the error (once).
        const renewed = names.renew(text);
        if ((this as unknown as { _txStatus?: string })._txStatus !== 'I') throw e;
        return super.query({ name: renewed, text, values });
      }
    }
  }
  return NamingClient;
}
