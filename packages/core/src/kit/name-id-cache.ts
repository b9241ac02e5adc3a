/**
 * The one thing an adapter caches (DESIGN.md, Transport): the mapping between a provider's own id
 * for a domain or zone and its name. Lookups of the same unknown key made at once share one fetch.
 */
export class NameIdCache {
  private readonly idByName = new Map<string, string>();
  private readonly nameById = new Map<string, string>();
  private readonly pending = new Map<string, Promise<string>>();

  remember(id: string, name: string): void {
    this.idByName.set(name, id);
    this.nameById.set(id, name);
  }

  idOf(name: string): string | undefined {
    return this.idByName.get(name);
  }

  nameOf(id: string): string | undefined {
    return this.nameById.get(id);
  }

  forget(name: string): void {
    const id = this.idByName.get(name);
    this.idByName.delete(name);
    if (id !== undefined) this.nameById.delete(id);
  }

  /** The id of `name`, fetched once when unknown (a failed fetch is not remembered). */
  resolveId(name: string, fetch: () => Promise<string>): Promise<string> {
    const known = this.idByName.get(name);
    if (known !== undefined) return Promise.resolve(known);
    return this.once(`name:${name}`, async () => {
      const id = await fetch();
      this.remember(id, name);
      return id;
    });
  }

  /** The name of `id`, fetched once when unknown. */
  resolveName(id: string, fetch: () => Promise<string>): Promise<string> {
    const known = this.nameById.get(id);
    if (known !== undefined) return Promise.resolve(known);
    return this.once(`id:${id}`, async () => {
      const name = await fetch();
      this.remember(id, name);
      return name;
    });
  }

  private once(key: string, run: () => Promise<string>): Promise<string> {
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const promise = run().finally(() => this.pending.delete(key));
    this.pending.set(key, promise);
    return promise;
  }
}
