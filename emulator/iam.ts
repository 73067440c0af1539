/**
 * IAM's `ListRoles`, in IAM's query protocol: a form-encoded POST
 * (`Action=ListRoles&Version=2010-05-08&PathPrefix=…&Marker=…&MaxItems=…`)
 * answered with XML, errors as IAM's `<ErrorResponse>`. Enough for the
 * official `@aws-sdk/client-iam` to list the demo account's roles
 * (demo/collaborations.ts) with its endpoint set to the local service.
 */
import { DEMO_ROLES, roleArnOf, trustPolicyOf } from "./demo/collaborations";
import { isDenied } from "./denials";
import { ApiError, readBody } from "./http";
import { ACCOUNT_ID } from "./identity";
import { checkBodyMediaType } from "./request-checks";
import type { ServiceCall, ServiceHandler } from "./routing";

const XMLNS = "https://iam.amazonaws.com/doc/2010-05-08/";
const VERSION = "2010-05-08";

/** An IAM error: its code (the `<Code>`), HTTP status and whether the caller is at fault. */
class IamError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly type: "Sender" | "Receiver" = status >= 500 ? "Receiver" : "Sender",
  ) {
    super(message);
  }
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

function sendXml(call: ServiceCall, status: number, xml: string): number {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
  call.res.writeHead(status, {
    "content-type": "text/xml",
    "content-length": Buffer.byteLength(body),
    "x-amzn-requestid": call.requestId,
  });
  call.res.end(body);
  return status;
}

function sendIamError(call: ServiceCall, error: IamError): number {
  return sendXml(
    call,
    error.status,
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${error.type}</Type><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${call.requestId}</RequestId></ErrorResponse>`,
  );
}

/** ListRoles' MaxItems: 1 to 1000, 100 when not given. */
const MAX_ITEMS_MAX = 1000;
const MAX_ITEMS_DEFAULT = 100;

function listRoles(call: ServiceCall, params: URLSearchParams): number {
  const pathPrefix = params.get("PathPrefix") ?? "/";
  if (!/^\u002F[\u0021-\u007F]*$/.test(pathPrefix) || pathPrefix.length > 512) {
    throw new IamError(
      "ValidationError",
      400,
      "1 validation error detected: Value at 'pathPrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*",
    );
  }
  const maxItemsText = params.get("MaxItems");
  const maxItems = maxItemsText === null ? MAX_ITEMS_DEFAULT : Number(maxItemsText);
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > MAX_ITEMS_MAX) {
    throw new IamError(
      "ValidationError",
      400,
      `1 validation error detected: Value '${maxItemsText}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and ${MAX_ITEMS_MAX}`,
    );
  }
  let start = 0;
  const marker = params.get("Marker");
  if (marker !== null) {
    const decoded = /^roles:(\d+)$/.exec(Buffer.from(marker, "base64url").toString("utf8"));
    if (!decoded) throw new IamError("ValidationError", 400, "Invalid Marker.");
    start = Number(decoded[1]);
  }
  const roles = DEMO_ROLES.filter((r) => r.path.startsWith(pathPrefix));
  const pageRoles = roles.slice(start, start + maxItems);
  const truncated = start + maxItems < roles.length;
  const members = pageRoles
    .map(
      (role) =>
        `<member><Path>${escapeXml(role.path)}</Path><RoleName>${escapeXml(role.name)}</RoleName><RoleId>${role.id}</RoleId><Arn>${escapeXml(roleArnOf(role))}</Arn><CreateDate>${new Date(role.createTime).toISOString()}</CreateDate><AssumeRolePolicyDocument>${encodeURIComponent(trustPolicyOf(role))}</AssumeRolePolicyDocument>${role.description ? `<Description>${escapeXml(role.description)}</Description>` : ""}<MaxSessionDuration>3600</MaxSessionDuration></member>`,
    )
    .join("");
  const next = truncated
    ? `<Marker>${Buffer.from(`roles:${start + maxItems}`, "utf8").toString("base64url")}</Marker>`
    : "";
  return sendXml(
    call,
    200,
    `<ListRolesResponse xmlns="${XMLNS}"><ListRolesResult><IsTruncated>${truncated}</IsTruncated>${next}<Roles>${members}</Roles></ListRolesResult><ResponseMetadata><RequestId>${call.requestId}</RequestId></ResponseMetadata></ListRolesResponse>`,
  );
}

const ACTIONS: Record<string, (call: ServiceCall, params: URLSearchParams) => number> = {
  ListRoles: listRoles,
};

/** The IAM service of the local service's one port (signing name `iam`). */
export const iamService: ServiceHandler = async (call) => {
  try {
    let params = call.query;
    if (call.method === "POST") {
      const body = await readBody(call.req);
      checkBodyMediaType(call.req, body, "awsQuery");
      params = new URLSearchParams(body.toString("utf8"));
    }
    const action = params.get("Action") ?? "";
    const handler = ACTIONS[action];
    if (!handler) {
      throw new IamError(
        "InvalidAction",
        400,
        `The local service answers the IAM actions ${Object.keys(ACTIONS).join(", ")}, not "${action}".`,
      );
    }
    if (params.get("Version") !== VERSION) {
      throw new IamError("InvalidParameterValue", 400, `Version must be ${VERSION}.`);
    }
    call.context.calls.received(action);
    const fault = call.fault();
    if (fault === "throttle") {
      call.context.calls.throttled(action);
      throw new IamError("Throttling", 400, "Rate exceeded (injected by EMULATOR_THROTTLE_RATE).");
    }
    if (fault === "error") {
      throw new IamError(
        "ServiceFailure",
        500,
        "Internal failure (injected by EMULATOR_ERROR_RATE).",
      );
    }
    if (isDenied(call.context, "iam", action)) {
      throw new IamError(
        "AccessDenied",
        403,
        `User: arn:aws:iam::${ACCOUNT_ID}:user/dashboard is not authorized to perform: iam:${action} on resource: arn:aws:iam::${ACCOUNT_ID}:role/ (denied by the local service's /_emulator/denied)`,
      );
    }
    return handler(call, params);
  } catch (error) {
    const iamError =
      error instanceof IamError
        ? error
        : error instanceof ApiError
          ? new IamError(
              error.type === "SerializationException" ? "MalformedInput" : "ServiceFailure",
              error.type === "SerializationException" ? 400 : 500,
              error.message,
            )
          : new IamError(
              "ServiceFailure",
              500,
              `Internal error: ${error instanceof Error ? error.message : String(error)}`,
            );
    return sendIamError(call, iamError);
  }
};
