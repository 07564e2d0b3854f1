import { CORRESPONDENCE_WRITERS, RENEWAL_READERS } from "@/lib/renewal/roles";
import { readinessQuery, readinessSchema } from "@/lib/renewal/readiness-schema";
import {
  clauseLinkIdParams,
  clauseLinkSchema,
  correspondenceSchema,
  createClauseLinkSchema,
  updateClauseLinkSchema,
} from "@/lib/renewal/correspondence-schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { versionOnlySchema } from "@/lib/validation/common";

const tag = "renewal";

export const getRenewalReadiness = defineOperation({
  id: "getRenewalReadiness",
  method: "get",
  path: "/api/v1/renewal/readiness",
  roles: RENEWAL_READERS,
  tag,
  summary: "Renewal readiness: for the last two complete fiscal years and the current one, each check (training, internal audit, management review, register, major nonconformities, incident reports) with its state, evidence and links to what is missing",
  description:
    "States: pass, fail (a past year lacks it, or something is already late), open (the current year does not hold it yet but has time). " +
    "Each missing item links to the list page (with its filters) that shows the records concerned. Also the current P-mark certificate with its renewal window.",
  query: readinessQuery,
  response: readinessSchema,
});

export const getRenewalCorrespondence = defineOperation({
  id: "getRenewalCorrespondence",
  method: "get",
  path: "/api/v1/renewal/correspondence",
  roles: RENEWAL_READERS,
  tag,
  summary: "The correspondence table: per clause J.1–J.11 of the P-mark guideline, its titles and the regulations mapped to it; the clauses no regulation in force covers",
  response: correspondenceSchema,
});

export const createClauseLink = defineOperation({
  id: "createClauseLink",
  method: "post",
  path: "/api/v1/renewal/correspondence",
  roles: CORRESPONDENCE_WRITERS,
  tag,
  summary: "Map a regulation to a clause J.1–J.11 (one live mapping per regulation and clause: 409 otherwise; a retired regulation: 400)",
  body: createClauseLinkSchema,
  example: { regulationId: 7, clause: "J.11", note: "第9条（苦情及び相談の受付）" },
  successStatus: 201,
  response: clauseLinkSchema,
});

export const updateClauseLink = defineOperation({
  id: "updateClauseLink",
  method: "patch",
  path: "/api/v1/renewal/correspondence/{id}",
  roles: CORRESPONDENCE_WRITERS,
  tag,
  summary: "Change a mapping's note (where the regulation covers the clause); send the version you read (stale → 409)",
  params: clauseLinkIdParams,
  body: updateClauseLinkSchema,
  example: { note: "第2条（適用範囲）、第3条（組織の状況）", version: 1 },
  response: clauseLinkSchema,
});

const clauseLink = recordActions({ path: "/api/v1/renewal/correspondence/{id}", roles: CORRESPONDENCE_WRITERS, tag, params: clauseLinkIdParams, body: versionOnlySchema, response: clauseLinkSchema });

export const retireClauseLink = clauseLink("retire", { id: "retireClauseLink", summary: "Remove a mapping (retired and kept in the audit trail; a repeat is a 409)" });
