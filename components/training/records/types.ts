/** Options the server pages pass to the record and course forms. */
export type DepartmentOption = { id: number; code: string; name: string; retired: boolean };
export type CourseOption = { id: number; code: string; title: string; passMark: number | null; retired: boolean };

/** Query keys shared by the training components, so a write can invalidate every list that shows it. */
export const queryKeys = {
  records: ["training-records"] as const,
  record: (id: number) => ["training-record", id] as const,
  courses: ["courses"] as const,
  course: (id: number) => ["course", id] as const,
  employeeOptions: ["training-record-employee-options"] as const,
};

/** Cache key of a record list page: the canonical query string of its filter. */
export function recordsListQueryKey(queryString: string) {
  return [...queryKeys.records, queryString] as const;
}

export function coursesListQueryKey(queryString: string) {
  return [...queryKeys.courses, queryString] as const;
}
