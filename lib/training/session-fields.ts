import { optionalText } from "@/lib/validation/common";

/**
 * A training session's own fields (lib/training/sessions-schema.ts), entered with the bulk entry
 * (bulkRecordSchema) and editable on the session page. Its own module so the record schemas and the
 * session schemas need not import each other.
 */
export const sessionFields = {
  /** Optional: the course title stands for it when empty. */
  title: optionalText(200),
  place: optionalText(200),
  instructor: optionalText(200),
};
