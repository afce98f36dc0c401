/**
 * Loads kept per query runner and data version: one base load, and keyed
 * loads that may build on it. A new data version starts afresh; a failed load
 * is forgotten, so the next caller tries again.
 */
interface Entry<Base, Keyed> {
  dataVersion: number;
  base: Promise<Base>;
  keyed: Map<string, Promise<Keyed>>;
  /** What has arrived so far, for callers that can use it at once. */
  settled: { base?: Base; keyed: Map<string, Keyed> };
}

/** Keeps what `promise` gives in `into`, once it arrives. */
function whenSettled<T>(promise: Promise<T>, into: (value: T) => void): void {
  promise.then(into, () => undefined /* a failure is reported to the caller that awaits it */);
}

export class PerDataVersion<Owner extends object, Base, Keyed> {
  private readonly entries = new WeakMap<Owner, Entry<Base, Keyed>>();

  constructor(private readonly loadBase: (owner: Owner) => Promise<Base>) {}

  private entry(owner: Owner, dataVersion: number): Entry<Base, Keyed> {
    const known = this.entries.get(owner);
    if (known?.dataVersion === dataVersion) return known;
    const entry: Entry<Base, Keyed> = { dataVersion, base: this.loadBase(owner), keyed: new Map(), settled: { keyed: new Map() } };
    whenSettled(entry.base, (base) => (entry.settled.base = base));
    entry.base.catch(() => this.entries.get(owner) === entry && this.entries.delete(owner));
    this.entries.set(owner, entry);
    return entry;
  }

  /** Uses `base` as this data version's base load (one already at hand, e.g. read from a file). */
  prime(owner: Owner, dataVersion: number, base: Base): void {
    this.entries.set(owner, { dataVersion, base: Promise.resolve(base), keyed: new Map(), settled: { base, keyed: new Map() } });
  }

  /** The base load for this data version if it has arrived (undefined while loading, or not started). */
  settledBase(owner: Owner, dataVersion: number): Base | undefined {
    const known = this.entries.get(owner);
    return known?.dataVersion === dataVersion ? known.settled.base : undefined;
  }

  /** The load under `key` for this data version if it has arrived. */
  settledKeyed(owner: Owner, dataVersion: number, key: string): Keyed | undefined {
    const known = this.entries.get(owner);
    return known?.dataVersion === dataVersion ? known.settled.keyed.get(key) : undefined;
  }

  /** The base load for this data version. */
  base(owner: Owner, dataVersion: number): Promise<Base> {
    return this.entry(owner, dataVersion).base;
  }

  /** The load under `key` for this data version, started once (after the base) by `load`. */
  keyed(owner: Owner, dataVersion: number, key: string, load: (base: Base) => Promise<Keyed>): Promise<Keyed> {
    const entry = this.entry(owner, dataVersion);
    let pending = entry.keyed.get(key);
    if (!pending) {
      pending = entry.base.then(load);
      const started = pending;
      whenSettled(started, (value) => entry.settled.keyed.set(key, value));
      started.catch(() => entry.keyed.get(key) === started && entry.keyed.delete(key));
      entry.keyed.set(key, started);
    }
    return pending;
  }
}
