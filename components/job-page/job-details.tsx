import { CollaborationName, MemberName } from "@/components/collaboration/names";
import { Card } from "@/components/ui/card";
import type { JobData } from "@/lib/reads/jobs";
import { whoDidIt } from "@/lib/schemas/dashboard-tags";

import { DescriptionItem, DescriptionList, Mono, NotSet } from "./description-list";
import { Timestamp } from "./timestamp";

export const MODEL_SECTION_ID = "configured-model";

/** Everything else GetAudienceGenerationJob says about the job. */
export function JobDetails({ job, modelName }: { job: JobData; modelName: string | undefined }) {
  // Who did what from the dashboard, as its own tags record it (only when sign-in is on).
  const who = whoDidIt(job.tags);
  return (
    <Card title="Details">
      <DescriptionList>
        <DescriptionItem label="Created">
          <Timestamp date={job.createTime} />
        </DescriptionItem>
        <DescriptionItem label="Last changed">
          <Timestamp date={job.updateTime} />
        </DescriptionItem>
        <DescriptionItem label="Configured model">
          <a
            href={`#${MODEL_SECTION_ID}`}
            className="font-medium text-indigo-700 underline-offset-2 hover:underline"
          >
            {modelName ?? <Mono>{job.configuredAudienceModelArn}</Mono>}
          </a>
        </DescriptionItem>
        <DescriptionItem label="Seed users in output">
          {job.includeSeedInOutput === undefined ? (
            <NotSet>Not shown by the service</NotSet>
          ) : job.includeSeedInOutput ? (
            "Included, listed first"
          ) : (
            "Left out (the service's default)"
          )}
        </DescriptionItem>
        <DescriptionItem label="Collaboration">
          {job.collaborationId ? (
            <>
              <span className="block font-medium">
                <CollaborationName collaborationId={job.collaborationId} fallback={null} />
              </span>
              <Mono>{job.collaborationId}</Mono>
            </>
          ) : (
            <NotSet />
          )}
        </DescriptionItem>
        <DescriptionItem label="Started by">
          {who.startedBy && (
            <span className="block font-medium" data-testid="started-by-person">
              {who.startedBy}
            </span>
          )}
          {job.startedBy ? (
            <>
              <span className="block" data-testid="started-by-member">
                <MemberName
                  collaborationId={job.collaborationId}
                  accountId={job.startedBy}
                  fallback={null}
                />
              </span>
              <Mono>Account {job.startedBy}</Mono>
            </>
          ) : (
            <NotSet>Not shown by the service</NotSet>
          )}
        </DescriptionItem>
        {who.exportedBy && (
          <DescriptionItem label="Last export by">{who.exportedBy}</DescriptionItem>
        )}
        {who.tagsChangedBy && (
          <DescriptionItem label="Tags last changed by">{who.tagsChangedBy}</DescriptionItem>
        )}
        <DescriptionItem label="Protected query ID">
          {job.protectedQueryIdentifier ? (
            <Mono>{job.protectedQueryIdentifier}</Mono>
          ) : (
            <NotSet>None (no SQL seed)</NotSet>
          )}
        </DescriptionItem>
        <DescriptionItem label="Job ARN">
          <Mono>{job.audienceGenerationJobArn}</Mono>
        </DescriptionItem>
      </DescriptionList>
    </Card>
  );
}
