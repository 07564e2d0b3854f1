import { addMonths } from "@/lib/dates";
import type { AssessmentResult } from "./scoring";

/**
 * Rules of §4(2): the assessment comes before the contract; periodic re-assessment; certifications
 * in force. Pure functions over plain data, shared by the API (refusals), the register (flags) and
 * the seed.
 *
 * Decision on `conditional`: a conditional result (条件付き承認) is an approval with conditions the
 * contractor must meet, so it satisfies the before-contract rule just as `approved` does; a
 * `rejected` result never does. The contractor page shows the conditions beside the result.
 */

export const CONTRACTOR_STATUSES = ["candidate", "approved", "conditional", "suspended", "terminated"] as const;
export type ContractorStatus = (typeof CONTRACTOR_STATUSES)[number];
export const ASSESSMENT_TYPES = ["initial", "periodic", "ad_hoc"] as const;
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];
export const CERTIFICATION_KINDS = ["pmark", "isms", "other"] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

export const DEFAULT_REASSESSMENT_MONTHS = 12;
/** Results that permit a contract to start (see the decision above). */
export const PERMITTING_RESULTS: readonly AssessmentResult[] = ["approved", "conditional"];

export type AssessmentFacts = { id: number; assessedOn: string; result: AssessmentResult; nextDueOn: string; withdrawn: boolean };
export type CertificationFacts = { kind: CertificationKind; number: string; expiresOn: string | null };
export type ContractorFacts = {
  status: ContractorStatus;
  contractStart: string | null;
  contractEnd: string | null;
};

export const CONTRACTOR_FLAGS = ["contract_before_assessment", "assessment_overdue", "certification_expired", "status_unsupported"] as const;
export type ContractorFlag = (typeof CONTRACTOR_FLAGS)[number];

/** Next assessment due: `months` (the contractor's override, else 12) after the assessment date. */
export function nextAssessmentDue(assessedOn: string, months: number | null | undefined): string {
  return addMonths(assessedOn, months ?? DEFAULT_REASSESSMENT_MONTHS);
}

const live = (as: readonly AssessmentFacts[]) => as.filter((a) => !a.withdrawn);

/** The newest assessment that has not been withdrawn (by date, then by id). */
export function latestAssessment<T extends AssessmentFacts>(as: readonly T[]): T | null {
  let best: T | null = null;
  for (const a of as) {
    if (a.withdrawn) continue;
    if (!best || a.assessedOn > best.assessedOn || (a.assessedOn === best.assessedOn && a.id > best.id)) best = a;
  }
  return best;
}

/**
 * Is there an approved (or conditional) assessment, not withdrawn, dated on or before the contract
 * start? The same day counts as before; a day later does not.
 */
export function hasAssessmentBefore(contractStart: string, as: readonly AssessmentFacts[]): boolean {
  return live(as).some((a) => PERMITTING_RESULTS.includes(a.result) && a.assessedOn <= contractStart);
}

/** The contract started (or is entered to start) without a permitting assessment on or before it. */
export function violatesBeforeContract(contractStart: string | null, as: readonly AssessmentFacts[]): boolean {
  return contractStart !== null && !hasAssessmentBefore(contractStart, as);
}

/** A contract counts as running from its start until its end (inclusive), unless terminated. */
function underContract(c: ContractorFacts, today: string): boolean {
  if (c.status === "terminated") return false;
  if (c.contractEnd !== null && c.contractEnd < today) return false;
  return true;
}

/** Flags of one contractor as of `today` (a due date equal to today is not yet overdue). */
export function contractorFlags(
  c: ContractorFacts,
  as: readonly AssessmentFacts[],
  certs: readonly CertificationFacts[],
  today: string,
): ContractorFlag[] {
  const flags: ContractorFlag[] = [];
  if (violatesBeforeContract(c.contractStart, as)) flags.push("contract_before_assessment");
  const latest = latestAssessment(as);
  if ((c.status === "approved" || c.status === "conditional") && underContract(c, today) && latest && latest.nextDueOn < today)
    flags.push("assessment_overdue");
  if (c.status !== "terminated" && certs.some((x) => x.expiresOn !== null && x.expiresOn < today)) flags.push("certification_expired");
  if (statusChangeProblem(c.status, latest) !== null && (c.status === "approved" || c.status === "conditional")) flags.push("status_unsupported");
  return flags;
}

/**
 * Why the contractor may not be in (or move to) `target` given its newest assessment, as a message
 * key; null when allowed. approved needs an approved newest assessment (never a rejected one);
 * conditional needs an approved or conditional one; the other statuses are always allowed.
 */
export function statusChangeProblem(target: ContractorStatus, latest: Pick<AssessmentFacts, "result"> | null): string | null {
  if (target === "approved") {
    if (!latest) return "contractors.errors.approveWithoutAssessment";
    if (latest.result === "rejected") return "contractors.errors.approveOnRejected";
    if (latest.result === "conditional") return "contractors.errors.approveOnConditional";
    return null;
  }
  if (target === "conditional") {
    if (!latest) return "contractors.errors.approveWithoutAssessment";
    if (latest.result === "rejected") return "contractors.errors.approveOnRejected";
    return null;
  }
  return null;
}

/** An expiry date before today is expired; expiring today is still valid. */
export function isCertificationExpired(expiresOn: string | null, today: string): boolean {
  return expiresOn !== null && expiresOn < today;
}
