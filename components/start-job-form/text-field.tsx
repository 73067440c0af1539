"use client";

import { memo } from "react";

import { TextField as SharedTextField, type TextFieldProps } from "@/components/shared/text-field";

import { controlId } from "./form-helpers";

type TextPath =
  | "name"
  | "description"
  | "s3Uri"
  | "queryString"
  | "analysisTemplateArn"
  | "roleArn"
  | "workerCount"
  | "collaborationId";

/**
 * One text field of the start-job form: its path one of the form's text values, its id `job-<path>`.
 * Memoized: a keystroke elsewhere in the form does not render it again.
 */
export const TextField = memo(function TextField(
  props: Omit<TextFieldProps, "id" | "name" | "type" | "className"> & { name: TextPath },
) {
  return <SharedTextField {...props} id={controlId(props.name)} />;
});
