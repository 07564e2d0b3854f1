import { ANY_ROLE } from "@/lib/auth/roles";
import { PMARK_OWNERS } from "@/lib/audits/roles";
import { certificateSchema, createCertificateSchema, currentCertificateSchema, idParams, updateCertificateSchema } from "@/lib/audits/schema";
import { defineOperation } from "../operation";

const tag = "pmark";

export const getPmarkCertificate = defineOperation({
  id: "getPmarkCertificate",
  method: "get",
  path: "/api/v1/pmark-certificates",
  roles: ANY_ROLE,
  tag,
  summary: "The current P-mark certificate (latest valid-to) with its renewal window (opens the day after the date 8 months before expiry, closes 4 months before, moved off weekends and holidays) and earlier certificates",
  response: currentCertificateSchema,
});

export const createPmarkCertificate = defineOperation({
  id: "createPmarkCertificate",
  method: "post",
  path: "/api/v1/pmark-certificates",
  roles: PMARK_OWNERS,
  tag,
  summary: "Register a (renewed) certificate; validTo defaults to two years from validFrom",
  body: createCertificateSchema,
  example: { certificateNumber: "17000123(09)", validFrom: "2027-06-01", validTo: "2029-05-31", note: "第9回更新" },
  successStatus: 201,
  response: certificateSchema,
});

export const updatePmarkCertificate = defineOperation({
  id: "updatePmarkCertificate",
  method: "patch",
  path: "/api/v1/pmark-certificates/{id}",
  roles: PMARK_OWNERS,
  tag,
  summary: "Correct a certificate's number or dates (stale version → 409)",
  params: idParams,
  body: updateCertificateSchema,
  example: { certificateNumber: "17000123(08)", validFrom: "2025-06-01", validTo: "2027-05-31", note: "第8回更新", version: 1 },
  paramsExample: { id: 1 },
  response: certificateSchema,
});
