/**
 * `paginate…` helpers, shaped like the SDK's: async generators of pages that
 * follow `nextToken` until the service stops sending one. Per
 * `paginators-1.json`, all four use `nextToken` in and out and `maxResults` as
 * the page size.
 */
import type { CleanRoomsMLClient, SendOptions } from "./client";
import {
  ListAudienceExportJobsCommand,
  ListAudienceGenerationJobsCommand,
  ListAudienceModelsCommand,
  ListConfiguredAudienceModelsCommand,
} from "./commands";
import type { CleanRoomsMLCommand } from "./operation";
import type * as T from "./types";

export interface PaginationConfiguration {
  client: CleanRoomsMLClient;
  /** Sent as `maxResults`; overrides the input's. */
  pageSize?: number;
  /** First `nextToken` to send, to resume a listing. */
  startingToken?: string;
  /** Stop if the service hands back the token just sent (guards against a loop). */
  stopOnSameToken?: boolean;
}

export type Paginator<Output> = AsyncGenerator<Output, undefined, unknown>;

interface PagedInput {
  nextToken?: string;
  maxResults?: number;
}

function createPaginator<
  Input extends PagedInput,
  Output extends T.MetadataBearer & { nextToken?: string },
>(Command: new (input: Input) => CleanRoomsMLCommand<Input, Output>) {
  return async function* paginate(
    config: PaginationConfiguration,
    input: Input,
    options?: Pick<SendOptions, "abortSignal">,
  ): Paginator<Output> {
    let token = config.startingToken ?? input.nextToken;
    for (;;) {
      const pageInput: Input = { ...input, nextToken: token };
      if (config.pageSize !== undefined) pageInput.maxResults = config.pageSize;
      const page = await config.client.send(new Command(pageInput), options);
      yield page;
      const previous = token;
      token = page.nextToken || undefined;
      if (token === undefined || (config.stopOnSameToken && token === previous)) return undefined;
    }
  };
}

export const paginateListAudienceGenerationJobs = createPaginator<
  T.ListAudienceGenerationJobsCommandInput,
  T.ListAudienceGenerationJobsCommandOutput
>(ListAudienceGenerationJobsCommand);

export const paginateListAudienceExportJobs = createPaginator<
  T.ListAudienceExportJobsCommandInput,
  T.ListAudienceExportJobsCommandOutput
>(ListAudienceExportJobsCommand);

export const paginateListConfiguredAudienceModels = createPaginator<
  T.ListConfiguredAudienceModelsCommandInput,
  T.ListConfiguredAudienceModelsCommandOutput
>(ListConfiguredAudienceModelsCommand);

export const paginateListAudienceModels = createPaginator<
  T.ListAudienceModelsCommandInput,
  T.ListAudienceModelsCommandOutput
>(ListAudienceModelsCommand);
