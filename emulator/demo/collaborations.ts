/**
 * The demo data of AWS Clean Rooms (the collaboration service) and IAM that
 * the demo jobs refer to: fixed and read-only, like the AWS side of a
 * collaboration the dashboard never changes. Listed in emulator/README.md.
 *
 * - "Retail and streaming lookalikes": our account (AnyCompany Retail, the
 *   advertiser) and the publisher Example Streaming 444455556666, with the two
 *   demo analysis templates and the model associations that let each start
 *   jobs on the other's models; every demo job belongs to it.
 * - "Loyalty insights": a second membership of ours, without ML abilities, so
 *   the pickers have more than one to show (and page through).
 */
import { ACCOUNT_ID, PARTNER_ACCOUNT_ID, REGION } from "../identity";
import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_COLLABORATION_ID,
  DEMO_MEMBERSHIP_ID,
  DEMO_MODEL_ASSOCIATIONS,
  DEMO_OUTPUT_ROLE_ARN,
  DEMO_SEED_ROLE_ARN,
  type DemoModelAssociation,
} from "./catalog";

/** A third account, member of the second demo collaboration only. */
export const LOYALTY_PARTNER_ACCOUNT_ID = "777788889999";

const DAY = 24 * 3_600_000;
/** When the demo collaborations were set up: fixed, so answers never change between starts. */
const SET_UP = Date.UTC(2025, 0, 6, 9, 30);

export const membershipArnOf = (account: string, membershipId: string) =>
  `arn:aws:cleanrooms:${REGION}:${account}:membership/${membershipId}`;
export const collaborationArnOf = (account: string, collaborationId: string) =>
  `arn:aws:cleanrooms:${REGION}:${account}:collaboration/${collaborationId}`;

export type MemberAbility = "CAN_QUERY" | "CAN_RECEIVE_RESULTS" | "CAN_RUN_JOB";
export type MLMemberAbility = "CAN_RECEIVE_MODEL_OUTPUT" | "CAN_RECEIVE_INFERENCE_OUTPUT";

export interface DemoMember {
  accountId: string;
  displayName: string;
  membershipId: string;
  abilities: MemberAbility[];
  mlAbilities: MLMemberAbility[];
  /** Who pays for queries. */
  paysForQueries: boolean;
}

export interface DemoTemplateParameter {
  name: string;
  type: "VARCHAR" | "REAL" | "INTEGER";
  defaultValue?: string;
}

export interface DemoTemplate {
  id: string;
  arn: string;
  name: string;
  description: string;
  sql: string;
  parameters: DemoTemplateParameter[];
}

export interface DemoCollaboration {
  id: string;
  name: string;
  description: string;
  creatorAccountId: string;
  createTime: number;
  members: DemoMember[];
  templates: DemoTemplate[];
  /** Configured audience models associated with the collaboration, each by its owner. */
  modelAssociations: DemoModelAssociation[];
}

const templateIdOf = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

export const DEMO_COLLABORATIONS: DemoCollaboration[] = [
  {
    id: DEMO_COLLABORATION_ID,
    name: "Retail and streaming lookalikes",
    description: "AnyCompany Retail and Example Streaming find lookalike audiences together.",
    creatorAccountId: PARTNER_ACCOUNT_ID,
    createTime: SET_UP,
    members: [
      {
        accountId: PARTNER_ACCOUNT_ID,
        displayName: "Example Streaming",
        membershipId: "c4d3e2f1-0a9b-4c8d-9e7f-6a5b4c3d2e1f",
        abilities: ["CAN_QUERY"],
        mlAbilities: ["CAN_RECEIVE_MODEL_OUTPUT"],
        paysForQueries: false,
      },
      {
        accountId: ACCOUNT_ID,
        displayName: "AnyCompany Retail",
        membershipId: DEMO_MEMBERSHIP_ID,
        abilities: ["CAN_QUERY", "CAN_RECEIVE_RESULTS"],
        mlAbilities: ["CAN_RECEIVE_MODEL_OUTPUT", "CAN_RECEIVE_INFERENCE_OUTPUT"],
        paysForQueries: true,
      },
    ],
    templates: [
      {
        id: templateIdOf(DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn),
        arn: DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn,
        name: DEMO_ANALYSIS_TEMPLATES.customersBySegment.name,
        description: "Every customer of one segment, such as sports or travel.",
        sql: DEMO_ANALYSIS_TEMPLATES.customersBySegment.sql,
        parameters: [{ name: "segment", type: "VARCHAR", defaultValue: "sports" }],
      },
      {
        id: templateIdOf(DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn),
        arn: DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn,
        name: DEMO_ANALYSIS_TEMPLATES.valuableCustomers.name,
        description: "Customers of a segment whose lifetime value reaches a minimum.",
        sql: DEMO_ANALYSIS_TEMPLATES.valuableCustomers.sql,
        parameters: [
          { name: "segment", type: "VARCHAR" },
          { name: "min_value", type: "REAL", defaultValue: "500" },
        ],
      },
    ],
    modelAssociations: DEMO_MODEL_ASSOCIATIONS,
  },
  {
    id: "e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b",
    name: "Loyalty insights",
    description: "Loyalty programme reporting with Example Travel.",
    creatorAccountId: ACCOUNT_ID,
    createTime: SET_UP + 40 * DAY,
    members: [
      {
        accountId: ACCOUNT_ID,
        displayName: "AnyCompany Retail",
        membershipId: "f0e1d2c3-b4a5-4f6e-9d8c-7b6a5f4e3d2c",
        abilities: ["CAN_QUERY"],
        mlAbilities: [],
        paysForQueries: true,
      },
      {
        accountId: LOYALTY_PARTNER_ACCOUNT_ID,
        displayName: "Example Travel",
        membershipId: "0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d",
        abilities: ["CAN_RECEIVE_RESULTS"],
        mlAbilities: [],
        paysForQueries: false,
      },
    ],
    templates: [],
    modelAssociations: [],
  },
];

/** The demo role EventBridge Scheduler assumes to start audience jobs. */
export const DEMO_SCHEDULER_ROLE_NAME = "SchedulerAudienceJobs";
export const DEMO_SCHEDULER_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/${DEMO_SCHEDULER_ROLE_NAME}`;

export interface DemoRole {
  path: string;
  name: string;
  id: string;
  description?: string;
  /** The services its trust policy lets assume it. */
  trustedServices: string[];
  /**
   * Actions its permissions policy allows, where the local service checks
   * them (EventBridge Scheduler's firing, emulator/scheduler/firing.ts).
   */
  allows?: string[];
  createTime: number;
}

/** The demo account's IAM roles: only some trust Clean Rooms ML. */
export const DEMO_ROLES: DemoRole[] = [
  {
    path: "/",
    name: DEMO_SEED_ROLE_ARN.slice(DEMO_SEED_ROLE_ARN.lastIndexOf("/") + 1),
    id: "AROAEXAMPLESEEDREADER1",
    description: "Lets Clean Rooms ML read seed files and run seed queries.",
    trustedServices: ["cleanrooms-ml.amazonaws.com"],
    createTime: SET_UP,
  },
  {
    path: "/",
    name: DEMO_OUTPUT_ROLE_ARN.slice(DEMO_OUTPUT_ROLE_ARN.lastIndexOf("/") + 1),
    id: "AROAEXAMPLEAUDIENCEWR1",
    description: "Lets Clean Rooms ML write generated audiences to S3.",
    trustedServices: ["cleanrooms-ml.amazonaws.com"],
    createTime: SET_UP,
  },
  {
    path: "/service-role/",
    name: "CleanRoomsMLQueryRunner",
    id: "AROAEXAMPLEQUERYRUNNER",
    trustedServices: ["cleanrooms-ml.amazonaws.com", "cleanrooms.amazonaws.com"],
    createTime: SET_UP + 2 * DAY,
  },
  {
    path: "/service-role/",
    name: "CleanRoomsQueryLogs",
    id: "AROAEXAMPLEQUERYLOGS01",
    description: "Clean Rooms query logging (not for Clean Rooms ML).",
    trustedServices: ["cleanrooms.amazonaws.com"],
    createTime: SET_UP + 2 * DAY,
  },
  {
    path: "/",
    name: "DataPipelineLambda",
    id: "AROAEXAMPLELAMBDAPIPE1",
    trustedServices: ["lambda.amazonaws.com"],
    createTime: SET_UP + 10 * DAY,
  },
  {
    path: "/",
    name: "AnalystsReadOnly",
    id: "AROAEXAMPLEANALYSTSRO1",
    trustedServices: [],
    createTime: SET_UP + 12 * DAY,
  },
  {
    path: "/",
    name: DEMO_SCHEDULER_ROLE_NAME,
    id: "AROAEXAMPLESCHEDULER01",
    description: "Lets EventBridge Scheduler start audience generation jobs with the seed role.",
    trustedServices: ["scheduler.amazonaws.com"],
    allows: ["cleanrooms-ml:StartAudienceGenerationJob", "iam:PassRole"],
    createTime: SET_UP + 20 * DAY,
  },
  {
    path: "/",
    name: "SchedulerNotifications",
    id: "AROAEXAMPLESCHEDNOTIFY",
    description: "EventBridge Scheduler role for notifications (may not start audience jobs).",
    trustedServices: ["scheduler.amazonaws.com"],
    allows: ["sns:Publish"],
    createTime: SET_UP + 21 * DAY,
  },
];

export const roleArnOf = (role: DemoRole) =>
  `arn:aws:iam::${ACCOUNT_ID}:role${role.path}${role.name}`;

/** A role's trust policy, as IAM stores it: services as principals, or the account's root. */
export function trustPolicyOf(role: DemoRole): string {
  const statements =
    role.trustedServices.length > 0
      ? [
          {
            Effect: "Allow",
            Principal: {
              Service:
                role.trustedServices.length === 1 ? role.trustedServices[0] : role.trustedServices,
            },
            Action: "sts:AssumeRole",
          },
        ]
      : [
          {
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` },
            Action: "sts:AssumeRole",
          },
        ];
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}
