/**
 * An official AWS service model kept unchanged in `test/reference/<service>/`
 * (`service-2.json`, as botocore ships it), typed as far as the conformance
 * tests read it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface ModelMember {
  shape: string;
  location?: string;
  locationName?: string;
}

export interface ModelShape {
  type: string;
  members?: Record<string, ModelMember>;
  member?: { shape: string };
  value?: { shape: string };
  required?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  error?: { httpStatusCode: number; senderFault?: boolean };
}

export interface ServiceModel {
  metadata: { signingName: string; protocol: string };
  operations: Record<
    string,
    {
      http: { method: string; requestUri: string; responseCode?: number };
      input?: { shape: string };
      output?: { shape: string };
      errors: { shape: string }[];
    }
  >;
  shapes: Record<string, ModelShape>;
}

/** The folder of a kept model, such as `cleanroomsml-2023-09-06`. */
export function referencePath(folder: string, file = "service-2.json"): string {
  return path.resolve(import.meta.dirname, "reference", folder, file);
}

export function readServiceModel(folder: string): ServiceModel {
  return JSON.parse(readFileSync(referencePath(folder), "utf8")) as ServiceModel;
}

/** A shape of the model; a name it lacks is the test's mistake, said as such. */
export function shapeOf(model: ServiceModel, name: string): ModelShape {
  const found = model.shapes[name];
  if (!found) throw new Error(`shape ${name} missing from the model`);
  return found;
}
