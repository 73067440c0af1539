/** What a value becomes after JSON: dates turn into ISO strings, `$metadata` is dropped. */
export type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T as K extends "$metadata" ? never : K]: Serialized<T[K]> }
      : T;

/** The same value the browser will receive from a route handler or server component props. */
export function serialize<T>(value: T): Serialized<T> {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === "$metadata" ? undefined : v)),
  ) as Serialized<T>;
}
