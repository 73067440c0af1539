/** A loader that runs once; `preload()` starts it early, when the person shows intent. */
export type LazyLoad<T> = (() => Promise<T>) & { preload: () => void };

/**
 * Code fetched on first use (an `import()`), not with the page: every call
 * shares the first call's promise, and a load that failed (the network) is
 * tried again on the next call. `preload()` starts it and leaves a failure to
 * that next call (README, "Page weight").
 *
 *     const exportSchema = lazyLoad(() => import("./export-form").then((m) => m.exportFormSchema));
 *     <form onFocus={exportSchema.preload}> … (await exportSchema()).safeParse(values)
 */
export function lazyLoad<T>(load: () => Promise<T>): LazyLoad<T> {
  let loading: Promise<T> | undefined;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return Object.assign(get, { preload: () => void get().catch(() => undefined) });
}
