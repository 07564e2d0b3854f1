import type { z } from "zod";
import type { FieldError } from "@/lib/api/errors";

/**
 * Zod issues → translatable field errors, shared by forms (client) and route handlers (server).
 * A schema may give its own message as a key ("validation.xxx"); otherwise the issue's code picks
 * a generic one.
 */
const MESSAGE_KEY = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue): FieldError => {
    const field = issue.path.map(String).join(".") || "_";
    // A schema's own message is a message key ("validation.date", "employees.errors.leaveBeforeHire");
    // zod's default messages are sentences, never key-shaped.
    if (issue.message && MESSAGE_KEY.test(issue.message)) {
      return { field, code: issue.code, messageKey: issue.message, values: numericValues(issue) };
    }
    switch (issue.code) {
      case "invalid_type":
        return {
          field,
          code: issue.input === undefined || issue.input === null || issue.input === "" ? "required" : "invalid_type",
          messageKey: issue.input === undefined || issue.input === null || issue.input === "" ? "validation.required" : "validation.invalidType",
        };
      case "too_small":
        if (issue.origin === "string" && Number(issue.minimum) === 1)
          return { field, code: "required", messageKey: "validation.required" };
        return {
          field,
          code: "too_small",
          messageKey: issue.origin === "string" ? "validation.tooShort" : issue.origin === "array" ? "validation.tooFew" : "validation.tooSmall",
          values: { min: Number(issue.minimum) },
        };
      case "too_big":
        return {
          field,
          code: "too_big",
          messageKey: issue.origin === "string" ? "validation.tooLong" : issue.origin === "array" ? "validation.tooMany" : "validation.tooBig",
          values: { max: Number(issue.maximum) },
        };
      case "invalid_format":
        return { field, code: "invalid_format", messageKey: issue.format === "email" ? "validation.email" : "validation.invalidFormat" };
      case "invalid_value":
        return { field, code: "invalid_value", messageKey: "validation.invalidOption" };
      case "unrecognized_keys":
        return { field: issue.keys.join(","), code: "unrecognized_keys", messageKey: "validation.unknownField" };
      default:
        return { field, code: issue.code, messageKey: "validation.invalid" };
    }
  });
}

function numericValues(issue: z.core.$ZodIssue): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  if ("minimum" in issue) out.min = Number(issue.minimum);
  if ("maximum" in issue) out.max = Number(issue.maximum);
  return Object.keys(out).length ? out : undefined;
}
