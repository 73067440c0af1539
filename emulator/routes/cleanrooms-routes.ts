/** The AWS Clean Rooms routing table, as in the model (`http.method`, `http.requestUri`). */
import { route, type Route } from "../routing";
import {
  getCollaboration,
  getCollaborationAnalysisTemplate,
  getCollaborationConfiguredAudienceModelAssociation,
  getConfiguredAudienceModelAssociation,
  getMembership,
  getProtectedQuery,
  listCollaborationAnalysisTemplates,
  listCollaborationConfiguredAudienceModelAssociations,
  listConfiguredAudienceModelAssociations,
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
  route(
    "GET",
    "/memberships/{membershipIdentifier}/configuredaudiencemodelassociations/{configuredAudienceModelAssociationIdentifier}",
    "GetConfiguredAudienceModelAssociation",
    getConfiguredAudienceModelAssociation,
  ),
  route(
    "GET",
    "/memberships/{membershipIdentifier}/configuredaudiencemodelassociations",
    "ListConfiguredAudienceModelAssociations",
    listConfiguredAudienceModelAssociations,
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
  route(
    "GET",
    "/collaborations/{collaborationIdentifier}/configuredaudiencemodelassociations/{configuredAudienceModelAssociationIdentifier}",
    "GetCollaborationConfiguredAudienceModelAssociation",
    getCollaborationConfiguredAudienceModelAssociation,
  ),
  route(
    "GET",
    "/collaborations/{collaborationIdentifier}/configuredaudiencemodelassociations",
    "ListCollaborationConfiguredAudienceModelAssociations",
    listCollaborationConfiguredAudienceModelAssociations,
  ),
  route("GET", "/collaborations/{collaborationIdentifier}", "GetCollaboration", getCollaboration),
];
