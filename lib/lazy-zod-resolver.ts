import type { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";

import { lazyLoad } from "./lazy-load";

type Schema = Parameters<typeof zodResolver>[0];

/** A react-hook-form resolver that fetches its code on first use; `preload()` starts that early. */
export type LazyResolver<T extends FieldValues> = Resolver<T> & { preload: () => void };

/**
 * A `zodResolver` whose code (zod, `@hookform/resolvers` and the form's
 * schema) is fetched the first time the form validates, not with the page:
 * zod is about 30 KiB compressed, more than the rest of a form page's own code.
 * Call `preload()` when the person shows intent (the form takes focus or the
 * pointer), so the code is there by the time a field is left; a validation
 * that comes first simply waits for it. Messages and timing of the checks are
 * the schema's, as with `zodResolver`. A failed fetch is tried again on the
 * next validation.
 *
 *     const resolver = lazyZodResolver<FormValues>(() =>
 *       import("@/lib/schemas/my-form").then((m) => m.myFormSchema),
 *     );
 *     useForm({ resolver, ... }); <form onFocus={resolver.preload} onPointerEnter={resolver.preload}>
 *
 * `loadSchema` may give a function instead of a schema, for a schema that
 * depends on other state: it is called at each validation.
 *
 * Create it once per module or per component instance (not per render): it
 * keeps what it loaded.
 */
export function lazyZodResolver<T extends FieldValues>(
  loadSchema: () => Promise<Schema | (() => Schema)>,
): LazyResolver<T> {
  const load = lazyLoad(() =>
    Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([resolvers, schema]): Resolver<T> => {
        const resolverOf = (s: Schema) => resolvers.zodResolver(s) as unknown as Resolver<T>;
        // A function gives the schema anew for each validation (one that depends on other state).
        if (typeof schema !== "function") return resolverOf(schema);
        return (values, context, options) => resolverOf(schema())(values, context, options);
      },
    ),
  );
  const resolver: Resolver<T> = async (values, context, options) =>
    (await load())(values, context, options);
  return Object.assign(resolver, { preload: load.preload });
}
