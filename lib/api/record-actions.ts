import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import { defineOperation } from "./operation";

/**
 * What differs between one record type's actions: the operation id, its summary, and where the demo data
 * needs them, a record the example succeeds on (default: id 1) and that record's version (default 1).
 */
type ActionDef = { id: string; summary: string; paramsExample?: Record<string, string | number>; version?: number };

/**
 * The actions on one record that send nothing but its version: POST {path}/retire (withdrawn, kept,
 * never deleted), POST {path}/restore (put back), POST {path}/dispose. Give the record's path, roles,
 * tag, id parameters, version-only body and answer once; each call declares one action.
 *
 *   const provisionRecord = recordActions({ path: "/api/v1/provision-records/{id}", … });
 *   export const retireProvision = provisionRecord("retire", { id: "retireProvisionRecord", summary: "…", paramsExample: { id: 1 } });
 */
export function recordActions<P extends z.ZodType, B extends z.ZodType>(record: { path: string; roles: readonly Role[]; tag: string; params: P; body: B; response: z.ZodType }) {
  return (action: "retire" | "restore" | "dispose", def: ActionDef) =>
    defineOperation<P, undefined, B>({
      id: def.id,
      method: "post",
      path: `${record.path}/${action}`,
      roles: record.roles,
      tag: record.tag,
      summary: def.summary,
      params: record.params,
      body: record.body,
      paramsExample: def.paramsExample,
      example: { version: def.version ?? 1 },
      response: record.response,
    });
}
