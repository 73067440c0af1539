/**
 * What the client needs to know about an operation, declared once per
 * operation in `commands.ts`: the HTTP route from the model and where each
 * input member travels (URI label, query string, JSON body).
 */
import type { StructureSchema } from "./schema";
import type { MetadataBearer } from "./types";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

type MemberName<Input> = keyof Input & string;

export interface Operation<Input> {
  /** The model's operation name, e.g. `GetAudienceGenerationJob`. */
  readonly name: string;
  readonly method: HttpMethod;
  /** The model's `requestUri`, with `{label}` placeholders. */
  readonly path: string;
  /** Members bound to path labels: member name → label (`locationName`). */
  readonly uri?: Readonly<Partial<Record<MemberName<Input>, string>>>;
  /** Members sent in the query string: member name → parameter (`locationName`). */
  readonly query?: Readonly<Partial<Record<MemberName<Input>, string>>>;
  /** Members sent as the JSON body, under their own names. */
  readonly body?: readonly MemberName<Input>[];
  /** Shape of the response body. */
  readonly output: StructureSchema;
}

/**
 * Base of every `…Command`: holds the caller's input and its operation.
 * `client.send(command)` infers the output type from the command.
 */
export abstract class CleanRoomsMLCommand<Input extends object, Output extends MetadataBearer> {
  abstract readonly operation: Operation<Input>;
  /** Type only, never set: lets `client.send` infer `Output` from the command. */
  declare readonly __outputType?: Output;

  constructor(readonly input: Input) {}
}
