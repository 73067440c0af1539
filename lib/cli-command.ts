/**
 * The AWS CLI command equivalent to a StartAudienceGenerationJob request, for
 * people who script their jobs. Pure: no React, safe in the browser.
 */
import type { StartAudienceGenerationJobRequest } from "@/lib/schemas/api";

/** Characters a POSIX shell passes through unchanged outside quotes. */
const SHELL_SAFE = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

/**
 * One shell word that a POSIX shell (bash, zsh, sh) reads back as exactly
 * `value`: left bare when it is safe, otherwise in single quotes, with each
 * single quote written as `'\''` (close, escaped quote, reopen).
 */
export function shellQuote(value: string): string {
  if (SHELL_SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `aws cleanroomsml start-audience-generation-job …` with one option per line.
 * Structures (`--seed-audience`, `--tags`) are passed as JSON, which the CLI
 * accepts for any structure; optional members left out of the request are left
 * out of the command too.
 */
export function startJobCliCommand(request: StartAudienceGenerationJobRequest): string {
  const options: string[] = [
    `--name ${shellQuote(request.name)}`,
    `--configured-audience-model-arn ${shellQuote(request.configuredAudienceModelArn)}`,
    `--seed-audience ${shellQuote(JSON.stringify(request.seedAudience))}`,
  ];
  if (request.includeSeedInOutput === true) options.push("--include-seed-in-output");
  if (request.includeSeedInOutput === false) options.push("--no-include-seed-in-output");
  if (request.collaborationId !== undefined)
    options.push(`--collaboration-id ${shellQuote(request.collaborationId)}`);
  if (request.description !== undefined)
    options.push(`--description ${shellQuote(request.description)}`);
  if (request.tags !== undefined)
    options.push(`--tags ${shellQuote(JSON.stringify(request.tags))}`);
  return ["aws cleanroomsml start-audience-generation-job", ...options].join(" \\\n  ");
}
