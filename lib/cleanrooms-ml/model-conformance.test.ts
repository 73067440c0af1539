/**
 * Checks every command's declaration against the official model
 * (kept unchanged in `test/reference/cleanroomsml-2023-09-06/`): route,
 * method, where each input member goes and under which name, the response
 * shapes member by member, and the modelled errors.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { readServiceModel, referencePath, shapeOf } from "../../test/service-model";
import { commands } from "./commands";
import { createServiceException } from "./errors";
import type { Schema } from "./schema";

const model = readServiceModel("cleanroomsml-2023-09-06");
const PAGINATORS_PATH = referencePath("cleanroomsml-2023-09-06", "paginators-1.json");
const shape = (name: string) => shapeOf(model, name);

/** The model shape rewritten in our schema vocabulary, for a direct comparison. */
function asSchema(name: string): Schema {
  const s = shape(name);
  switch (s.type) {
    case "structure":
      return {
        kind: "structure",
        members: Object.fromEntries(
          Object.entries(s.members ?? {}).map(([member, m]) => [member, asSchema(m.shape)]),
        ),
      };
    case "list":
      return { kind: "list", member: asSchema(s.member?.shape ?? "") };
    case "map":
      return { kind: "map", value: asSchema(s.value?.shape ?? "") };
    case "timestamp":
      return { kind: "timestamp" };
    default:
      return { kind: "value" };
  }
}

describe("commands match the official model", () => {
  for (const Command of Object.values(commands)) {
    const { operation } = new Command({} as never);

    describe(operation.name, () => {
      const modelled = model.operations[operation.name];

      it("exists, with the same method and request URI", () => {
        expect(modelled).toBeDefined();
        expect(operation.method).toBe(modelled?.http.method);
        expect(operation.path).toBe(modelled?.http.requestUri);
        expect(modelled?.http.responseCode).toBe(200);
      });

      it("puts each input member where the model says, under its locationName", () => {
        const members = modelled?.input ? (shape(modelled.input.shape).members ?? {}) : {};
        const uri: Record<string, string> = {};
        const query: Record<string, string> = {};
        const body: string[] = [];
        for (const [member, m] of Object.entries(members)) {
          if (m.location === "uri") uri[member] = m.locationName ?? member;
          else if (m.location === "querystring") query[member] = m.locationName ?? member;
          else if (m.location === undefined) body.push(member);
          else throw new Error(`location ${m.location} not handled by the client`);
        }
        expect(operation.uri ?? {}).toEqual(uri);
        expect(operation.query ?? {}).toEqual(query);
        expect([...(operation.body ?? [])].sort()).toEqual(body.sort());
      });

      it("reads the response shape member by member (timestamps as timestamps)", () => {
        const expected = modelled?.output
          ? asSchema(modelled.output.shape)
          : { kind: "structure", members: {} };
        expect(operation.output).toEqual(expected);
      });

      it("knows every error the operation declares", () => {
        for (const { shape: errorName } of modelled?.errors ?? []) {
          const declared = shape(errorName).error;
          const error = createServiceException(errorName, "m", {
            httpStatusCode: declared?.httpStatusCode,
          });
          expect(error.constructor.name).toBe(errorName);
          expect(error.$fault).toBe(declared?.senderFault ? "client" : "server");
        }
      });
    });
  }

  it("paginated operations use nextToken / maxResults as the paginators file says", () => {
    const paginators = JSON.parse(readFileSync(PAGINATORS_PATH, "utf8")).pagination as Record<
      string,
      Record<string, string>
    >;
    for (const name of [
      "ListAudienceGenerationJobs",
      "ListAudienceExportJobs",
      "ListConfiguredAudienceModels",
      "ListAudienceModels",
    ]) {
      expect(paginators[name]).toMatchObject({
        input_token: "nextToken",
        output_token: "nextToken",
        limit_key: "maxResults",
      });
    }
  });
});
