/**
 * The slice of node-postgres (`pg`, an optional dependency) the ledger uses, typed structurally
 * so the package's types do not need `@types/pg`; `pg` itself is imported lazily, only here.
 */
import { SesamError } from '../../core/issues/index';

/** A query result (rows as objects). */
export interface PgQueryResult {
  readonly rows: unknown[];
  readonly rowCount: number | null;
}

/** Anything that runs a parameterized query: a `pg.Pool`, a `pg.Client`, a pool client. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<PgQueryResult>;
}

/** A connection checked out of a pool. */
export interface PgPoolClient extends PgQueryable {
  release(err?: Error | boolean): void;
}

/** A `pg.Pool` (or anything shaped like it). */
export interface PgPoolLike extends PgQueryable {
  connect(): Promise<PgPoolClient>;
  end(): Promise<void>;
  /** `pg.Pool` emits `error` for idle connections the server closed. */
  on?(event: 'error', listener: (err: Error) => void): unknown;
}

/** The `pg` module. */
export interface PgModule {
  readonly Pool: new (config: { connectionString: string; max?: number }) => PgPoolLike;
}

/**
 * Loads node-postgres.
 *
 * @param importer - How to import a module (injectable for tests).
 * @returns The module.
 * @throws SesamError `NOT_INSTALLED` when the optional dependency `pg` is absent.
 */
export async function loadPgDriver(importer: (name: string) => Promise<unknown> = (name) => import(name)): Promise<PgModule> {
  try {
    const mod = (await importer('pg')) as { default?: PgModule } & Partial<PgModule>;
    const m = mod.default ?? mod;
    if (typeof m.Pool !== 'function') throw new Error('pg has no Pool');
    return m as PgModule;
  } catch (cause) {
    throw new SesamError('NOT_INSTALLED', 'the PostgreSQL ledger needs the optional dependency pg (npm install pg@^8.23.1)', { cause });
  }
}
