/** Tags of any stored resource, keyed by its ARN. */
import type { Db } from "./database";

export class TagStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      list: db.prepare<[string], { key: string; value: string }>(
        "SELECT key, value FROM tags WHERE resource_arn = ? ORDER BY key",
      ),
      upsert: db.prepare<[string, string, string]>(
        "INSERT INTO tags (resource_arn, key, value) VALUES (?, ?, ?) ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value",
      ),
      remove: db.prepare<[string, string]>("DELETE FROM tags WHERE resource_arn = ? AND key = ?"),
      removeAll: db.prepare<[string]>("DELETE FROM tags WHERE resource_arn = ?"),
    };
  }

  get(arn: string): Record<string, string> {
    const tags: Record<string, string> = {};
    for (const { key, value } of this.statements.list.all(arn)) tags[key] = value;
    return tags;
  }

  /** Adds or overwrites the given tags (callers run this inside their own transaction). */
  put(arn: string, tags: Record<string, string>): void {
    for (const [key, value] of Object.entries(tags)) this.statements.upsert.run(arn, key, value);
  }

  remove(arn: string, keys: readonly string[]): void {
    for (const key of keys) this.statements.remove.run(arn, key);
  }

  removeAll(arn: string): void {
    this.statements.removeAll.run(arn);
  }
}
