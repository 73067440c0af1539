import { AnalysisTemplateName } from "@/components/collaboration/names";
import { Card } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { JobData } from "@/lib/reads/jobs";

import { DescriptionItem, DescriptionList, Mono, NotSet } from "./description-list";

/** Query parameters or Spark properties: a name and its value a row, no frame of their own. */
function KeyValueTable({ caption, entries }: { caption: string; entries: [string, string][] }) {
  return (
    <Table variant="plain">
      <TableCaption>{caption}</TableCaption>
      <TableHeader className="border-0 bg-transparent text-slate-500">
        <TableRow>
          <TableHead className="pt-0 pr-3 pb-1 pl-0">Name</TableHead>
          <TableHead className="px-0 pt-0 pb-1">Value</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody className="divide-y-0">
        {entries.map(([key, value]) => (
          <TableRow key={key}>
            <TableHead scope="row" className="py-0.5 pr-3 pl-0">
              <Mono>{key}</Mono>
            </TableHead>
            <TableCell className="px-0 py-0.5">
              {value === "" ? <NotSet>(empty)</NotSet> : <Mono>{value}</Mono>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Where the seed came from: an S3 file, a SQL query or an analysis template, with its compute settings. */
export function SeedAudience({ job }: { job: JobData }) {
  const seed = job.seedAudience;
  if (!seed) {
    return (
      <Card title="Seed audience">
        <p className="text-sm text-slate-600">
          The service does not show the seed audience of this job to your account. It shows it only
          to the account that started the job{job.startedBy ? ` (account ${job.startedBy})` : ""}.
        </p>
      </Card>
    );
  }
  const sql = seed.sqlParameters;
  const worker = seed.sqlComputeConfiguration?.worker;
  const parameters = Object.entries(sql?.parameters ?? {});
  const spark = Object.entries(worker?.properties?.spark ?? {});
  const source = seed.dataSource
    ? "an S3 file"
    : sql?.analysisTemplateArn
      ? "an analysis template"
      : "a SQL query";

  return (
    <Card title="Seed audience" description={`From ${source}`}>
      <DescriptionList>
        {seed.dataSource && (
          <DescriptionItem label="S3 URI">
            <Mono>{seed.dataSource.s3Uri}</Mono>
          </DescriptionItem>
        )}
        {sql?.queryString !== undefined && (
          <DescriptionItem label="SQL query">
            <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap text-slate-800">
              {sql.queryString}
            </pre>
          </DescriptionItem>
        )}
        {sql?.analysisTemplateArn && (
          <DescriptionItem label="Analysis template">
            <AnalysisTemplateName
              collaborationId={job.collaborationId}
              arn={sql.analysisTemplateArn}
            />
            <Mono>{sql.analysisTemplateArn}</Mono>
          </DescriptionItem>
        )}
        {sql && (
          <DescriptionItem label="Parameters">
            {parameters.length > 0 ? (
              <KeyValueTable caption="Query parameters" entries={parameters} />
            ) : (
              <NotSet>None</NotSet>
            )}
          </DescriptionItem>
        )}
        {sql && (
          <DescriptionItem label="Workers">
            {worker?.type || worker?.number !== undefined ? (
              <span>
                {worker.number !== undefined ? `${worker.number} × ` : ""}
                {worker.type ?? "default type"}
              </span>
            ) : (
              <NotSet>The service&apos;s default</NotSet>
            )}
          </DescriptionItem>
        )}
        {sql && (
          <DescriptionItem label="Spark properties">
            {spark.length > 0 ? (
              <KeyValueTable caption="Spark properties" entries={spark} />
            ) : (
              <NotSet>None</NotSet>
            )}
          </DescriptionItem>
        )}
        <DescriptionItem label="Role">
          <Mono>{seed.roleArn}</Mono>
        </DescriptionItem>
      </DescriptionList>
    </Card>
  );
}
