/** The AWS Clean Rooms routing table, as in the model (`http.method`, `http.requestUri`). */
import { route, type Route } from "../routing";
import {
  getCollaboration,
  getCollaborationAnalysisTemplate,
  getMembership,
  getProtectedQuery,
  listCollaborationAnalysisTemplates,
  listMembers,
  listMemberships,
} from "./cleanrooms";

/**
 * A route's last label takes the rest of the path (routing.ts), so the longer
 * paths come before the ones they extend.
 */
export const CLEANROOMS_ROUTES: Route[] = [
  route("GET", "/memberships", "ListMemberships", listMemberships),
  route(
    "GET",
    "/memberships/{membershipIdentifier}/protectedQueries/{protectedQueryIdentifier}",
    "GetProtectedQuery",
    getProtectedQuery,
  ),
  route("GET", "/memberships/{membershipIdentifier}", "GetMembership", getMembership),
  route("GET", "/collaborations/{collaborationIdentifier}/members", "ListMembers", listMembers),
  route(
    "GET",
    "/collaborations/{collaborationIdentifier}/analysistemplates/{analysisTemplateArn}",
    "GetCollaborationAnalysisTemplate",
    getCollaborationAnalysisTemplate,
  ),
  route(
    "GET",
    "/collaborations/{collaborationIdentifier}/analysistemplates",
    "ListCollaborationAnalysisTemplates",
    listCollaborationAnalysisTemplates,
  ),
  route("GET", "/collaborations/{collaborationIdentifier}", "GetCollaboration", getCollaboration),
];
