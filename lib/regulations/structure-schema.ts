import { z } from "zod";
import { isoDate, optionalIsoDate, optionalText, requiredText, version } from "@/lib/validation/common";
import { numberOrNull, refId, wholeNumber } from "@/lib/validation/numbers";

/** PMS structure 体制: posts and who holds them for which term. */

const optionalId = z.preprocess(
  numberOrNull,
  z.number({ error: "validation.invalidType" }).int("validation.invalidType").positive("validation.invalidType").nullable().default(null),
);

const postFields = {
  code: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(40, "validation.tooLong")
    .regex(/^\S+$/, "regulations.errors.codeFormat"),
  title: requiredText(200),
  departmentId: optionalId,
  description: optionalText(2000),
  sortOrder: z.preprocess(numberOrNull, wholeNumber(0, 9999).default(100)),
};

/** The posts this one may not be held together with (兼任不可): live posts, not itself; symmetric. */
const exclusiveWith = z
  .array(refId, { error: "validation.invalidType" })
  .max(50, "validation.tooMany")
  .describe("Ids of the live posts the same person may not hold at the same time (兼任不可); symmetric: each named post names this one too");

export const createPostSchema = z.object({ ...postFields, exclusiveWith: exclusiveWith.default([]) });
export type CreatePostInput = z.output<typeof createPostSchema>;
/** Without `exclusiveWith` the post's exclusions stay as they are. */
export const updatePostSchema = z.object({ ...postFields, exclusiveWith: exclusiveWith.optional(), version });
export type UpdatePostInput = z.output<typeof updatePostSchema>;

const appointmentFields = {
  /** "user" or "employee", with the matching id. */
  personType: z.enum(["user", "employee"], { error: "validation.invalidOption" }),
  personId: refId,
  fromDate: isoDate,
  toDate: optionalIsoDate,
  note: optionalText(1000),
};

function termRule<T extends { fromDate: string; toDate: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.toDate && v.toDate < v.fromDate) ctx.addIssue({ code: "custom", path: ["toDate"], message: "regulations.errors.termOrder", input: v.toDate });
}

export const createAppointmentSchema = z.object(appointmentFields).superRefine(termRule);
export type CreateAppointmentInput = z.output<typeof createAppointmentSchema>;
export const updateAppointmentSchema = z.object({ ...appointmentFields, version }).superRefine(termRule);
export type UpdateAppointmentInput = z.output<typeof updateAppointmentSchema>;
export const endAppointmentSchema = z.object({ toDate: isoDate, version });
export type EndAppointmentInput = z.output<typeof endAppointmentSchema>;

export const postIdParams = z.object({ id: refId });
export const postsQuery = z.object({
  /** The day the holders are shown for (default today in Tokyo). */
  asOf: z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional()),
  includeRetired: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional()),
  /** "true": only the posts nobody holds on asOf (isPostVacant); `total` then counts those. */
  vacant: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional()),
});

export const appointmentSchema = z.object({
  id: z.number(),
  postId: z.number(),
  personType: z.enum(["user", "employee"]),
  personId: z.number(),
  personName: z.string(),
  departmentName: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type AppointmentDto = z.infer<typeof appointmentSchema>;

export const postSchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  description: z.string().nullable(),
  sortOrder: z.number(),
  /** The posts this one may not be held together with (兼任不可), both ways. */
  exclusiveWith: z.array(z.number()).describe("Ids of the posts this one may not be held together with (兼任不可), both ways"),
  retiredAt: z.string().nullable(),
  version: z.number(),
  /** Holders on the asOf day; empty = a gap. */
  holders: z.array(appointmentSchema),
  gap: z.boolean(),
  appointments: z.array(appointmentSchema),
});
export type PostDto = z.infer<typeof postSchema>;

/** One person holding two posts that may not be held together, and the days they share (toDate null = open-ended). */
export const holdingConflictSchema = z.object({
  personType: z.enum(["user", "employee"]),
  personId: z.number(),
  personName: z.string(),
  posts: z.array(z.object({ id: z.number(), title: z.string(), appointmentId: z.number() })),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});
export type HoldingConflictDto = z.infer<typeof holdingConflictSchema>;

export const postsResponseSchema = z.object({
  asOf: z.string(),
  items: z.array(postSchema),
  total: z.number(),
  gaps: z.number(),
  /** Anyone holding two live posts that exclude each other, at any time (older or imported data: a new appointment that would is refused). */
  conflicts: z
    .array(holdingConflictSchema)
    .describe("Anyone holding two live posts that may not be held together (兼任不可) at the same time, at any time, with the days they share"),
});
export type PostsResponse = z.infer<typeof postsResponseSchema>;

export const peopleSchema = z.object({
  users: z.array(z.object({ id: z.number(), name: z.string(), email: z.string() })),
  departments: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type People = z.infer<typeof peopleSchema>;
