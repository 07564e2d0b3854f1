/**
 * The API reference page (app/(app)/api-docs) drawn on the server from the OpenAPI document
 * (lib/api/openapi.ts): per tag, each operation with its method, path, summary, roles, parameters,
 * request body and responses, every schema flattened into rows of fields (a dotted path per field).
 * Pure: the page renders what this returns, in the user's language for its own labels (the document's
 * text stays as written, in English). Replaces Swagger UI, which stops drawing after ~130 open
 * operations of our 230 and keeps its own labels in English.
 */

export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
};

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema; example?: unknown };
type MediaType = { schema?: Schema; example?: unknown };
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  "x-roles"?: string[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType>; headers?: Record<string, unknown> }>;
};
export type OpenApiDoc = {
  paths?: Record<string, Partial<Record<string, Operation>>>;
  components?: { schemas?: Record<string, Schema> };
};

/** A constraint on a value, named by kind (the page words it in the user's language). */
export type Constraint =
  | { kind: "enum"; values: string[]; more: number }
  | { kind: "format"; value: string }
  | { kind: "min" | "max" | "minExclusive" | "maxExclusive" | "minLength" | "maxLength" | "minItems" | "maxItems"; value: number }
  | { kind: "pattern" | "default"; value: string };

/** A value's type as the page shows it: the JSON type(s), `[]` for arrays, a schema name for a reference. */
export type TypeView = { text: string; ref?: string; nullable: boolean };

export type FieldRow = { path: string; depth: number; type: TypeView; required: boolean; description?: string; constraints: Constraint[] };
export type ParameterView = { name: string; in: string; required: boolean; type: TypeView; description?: string; constraints: Constraint[]; example?: string };
export type BodyView = { contentType: string; type: TypeView; description?: string; fields: FieldRow[]; example?: string };
export type ResponseView = { status: string; description: string; contentType?: string; type?: TypeView; fields: FieldRow[] };
export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  roles: string[];
  signedIn: boolean;
  parameters: ParameterView[];
  body?: BodyView;
  responses: ResponseView[];
};
export type TagView = { name: string; operations: OperationView[] };
export type SchemaView = { name: string; type: TypeView; fields: FieldRow[] };
export type Reference = { tags: TagView[]; schemas: SchemaView[]; operationCount: number };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
/** How deep nested objects are spelled out, and how many rows one schema may give (the rest is summarised by its type). */
const MAX_DEPTH = 6;
const MAX_ROWS = 300;
const MAX_ENUM = 24;

const refName = (ref: string) => ref.replace(/^#\/components\/schemas\//, "");

function isNullSchema(s: Schema): boolean {
  return s.type === "null" || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === "null");
}

/** The schema without its "or null" branch, and whether there was one. */
function unwrapNull(s: Schema): { schema: Schema; nullable: boolean } {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const rest = alts.filter((a) => !isNullSchema(a));
    if (rest.length < alts.length) {
      if (rest.length === 1) return { schema: { ...rest[0], description: rest[0].description ?? s.description }, nullable: true };
      return { schema: { ...s, anyOf: rest, oneOf: undefined }, nullable: true };
    }
  }
  if (Array.isArray(s.type) && s.type.includes("null")) {
    const rest = s.type.filter((t) => t !== "null");
    return { schema: { ...s, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  return { schema: s, nullable: Boolean(s.nullable) };
}

/** allOf merged into one object schema (properties and required lists joined). */
function mergeAllOf(s: Schema): Schema {
  if (!s.allOf?.length) return s;
  const parts = s.allOf.map(mergeAllOf);
  const out: Schema = { ...s, allOf: undefined, type: s.type ?? parts.find((p) => p.type)?.type };
  if (parts.some((p) => p.properties)) {
    out.properties = Object.assign({}, ...parts.map((p) => p.properties ?? {}), s.properties ?? {});
    out.required = [...new Set([...parts.flatMap((p) => p.required ?? []), ...(s.required ?? [])])];
    out.type ??= "object";
  }
  return out;
}

export function typeOf(input: Schema | undefined): TypeView {
  if (!input) return { text: "any", nullable: false };
  const { schema: s0, nullable } = unwrapNull(input);
  const s = mergeAllOf(s0);
  if (s.$ref) return { text: refName(s.$ref), ref: refName(s.$ref), nullable };
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) {
    const texts = [...new Set(alts.map((a) => typeOf(a).text))];
    return { text: texts.join(" | "), nullable };
  }
  if (s.const !== undefined) return { text: typeof s.const === "string" ? "string" : typeof s.const, nullable };
  const t = Array.isArray(s.type) ? s.type.join(" | ") : s.type;
  if (t === "array") {
    const inner = typeOf(s.items);
    return { text: `${inner.text.includes(" | ") ? `(${inner.text})` : inner.text}[]`, ref: inner.ref, nullable };
  }
  if (t) return { text: t, nullable };
  if (s.properties) return { text: "object", nullable };
  if (s.enum) return { text: typeof s.enum[0] === "number" ? "number" : "string", nullable };
  return { text: "any", nullable };
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export function constraintsOf(input: Schema | undefined): Constraint[] {
  if (!input) return [];
  const { schema: s0 } = unwrapNull(input);
  let s = mergeAllOf(s0);
  if (s.type === "array" && s.items) {
    // Constraints of the elements (an array of enum values) and of the array itself.
    const own: Constraint[] = [];
    if (s.minItems !== undefined && s.minItems > 0) own.push({ kind: "minItems", value: s.minItems });
    if (s.maxItems !== undefined) own.push({ kind: "maxItems", value: s.maxItems });
    return [...own, ...constraintsOf(s.items)];
  }
  const out: Constraint[] = [];
  // null among the values is the type's "| null", shown there.
  const values = (s.enum ?? (s.const !== undefined ? [s.const] : undefined) ?? enumOfAlternatives(s))?.filter((v) => v !== null);
  if (values?.length) out.push({ kind: "enum", values: values.slice(0, MAX_ENUM).map(show), more: Math.max(0, values.length - MAX_ENUM) });
  if (s.anyOf || s.oneOf) s = { ...s, ...(s.anyOf ?? s.oneOf)!.find((a) => a.format || a.minimum !== undefined || a.maxLength !== undefined) };
  if (s.format) out.push({ kind: "format", value: s.format });
  if (s.minimum !== undefined) out.push({ kind: "min", value: s.minimum });
  if (s.exclusiveMinimum !== undefined) out.push({ kind: "minExclusive", value: s.exclusiveMinimum });
  if (s.maximum !== undefined) out.push({ kind: "max", value: s.maximum });
  if (s.exclusiveMaximum !== undefined) out.push({ kind: "maxExclusive", value: s.exclusiveMaximum });
  if (s.minLength !== undefined && s.minLength > 0) out.push({ kind: "minLength", value: s.minLength });
  if (s.maxLength !== undefined) out.push({ kind: "maxLength", value: s.maxLength });
  if (s.pattern) out.push({ kind: "pattern", value: s.pattern });
  if (s.default !== undefined) out.push({ kind: "default", value: show(s.default) });
  return out;
}

/** anyOf/oneOf of constants or enums (zod's unions of literals): their values together. */
function enumOfAlternatives(s: Schema): unknown[] | undefined {
  const alts = s.anyOf ?? s.oneOf;
  if (!alts?.length || !alts.every((a) => a.enum || a.const !== undefined)) return undefined;
  return alts.flatMap((a) => a.enum ?? [a.const]);
}

/** The object schema whose fields a row list spells out: the schema itself, an array's element, or the object branch of a union. */
function objectOf(input: Schema | undefined): Schema | undefined {
  if (!input) return undefined;
  const s = mergeAllOf(unwrapNull(input).schema);
  if (s.$ref) return undefined;
  if (s.properties) return s;
  if (s.type === "array") return objectOf(s.items);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const objects = alts.map(objectOf).filter((x): x is Schema => Boolean(x));
    if (objects.length === 1) return objects[0];
    if (objects.length > 1) return mergeAllOf({ allOf: objects.map((o) => ({ ...o, required: [] })) });
  }
  return undefined;
}

/** Every field of a schema, depth first, as `a.b[].c` paths (top-level fields at depth 0). */
export function fieldsOf(schema: Schema | undefined): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (s: Schema | undefined, prefix: string, depth: number) => {
    const obj = objectOf(s);
    if (!obj?.properties || depth > MAX_DEPTH) return;
    const required = new Set(obj.required ?? []);
    for (const [name, prop] of Object.entries(obj.properties)) {
      if (rows.length >= MAX_ROWS) return;
      const type = typeOf(prop);
      const path = `${prefix}${name}`;
      const description = unwrapNull(prop).schema.description ?? prop.description;
      rows.push({ path, depth, type, required: required.has(name), ...(description ? { description } : {}), constraints: constraintsOf(prop) });
      const inner = mergeAllOf(unwrapNull(prop).schema);
      walk(prop, `${path}${inner.type === "array" ? "[]" : ""}.`, depth + 1);
    }
  };
  walk(schema, "", 0);
  return rows;
}

const exampleText = (v: unknown) => (v === undefined ? undefined : typeof v === "string" ? v : JSON.stringify(v, null, 2));

/** The description without the "Roles: …" paragraph openapi.ts appends (the page shows the roles apart). */
function ownDescription(d: string | undefined): string | undefined {
  const text = (d ?? "")
    .split(/\n\n/)
    .filter((p) => !/^Roles: /.test(p))
    .join("\n\n")
    .trim();
  return text || undefined;
}

function operationView(method: string, path: string, op: Operation): OperationView {
  const parameters = (op.parameters ?? []).map((p) => {
    const description = p.description ?? p.schema?.description;
    const example = exampleText(p.example);
    return {
      name: p.name,
      in: p.in,
      required: Boolean(p.required) || p.in === "path",
      type: typeOf(p.schema),
      ...(description ? { description } : {}),
      constraints: constraintsOf(p.schema),
      ...(example !== undefined ? { example } : {}),
    };
  });
  let body: BodyView | undefined;
  const content = op.requestBody?.content;
  if (content) {
    const [contentType, media] = Object.entries(content)[0];
    const example = exampleText(media.example);
    const description = media.schema?.description;
    body = {
      contentType,
      type: typeOf(media.schema),
      ...(description ? { description } : {}),
      fields: fieldsOf(media.schema),
      ...(example !== undefined ? { example } : {}),
    };
  }
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => {
    const first = r.content ? Object.entries(r.content)[0] : undefined;
    const types = r.content ? Object.keys(r.content) : [];
    return {
      status,
      description: r.description ?? "",
      ...(first ? { contentType: types.join(", "), type: typeOf(first[1].schema) } : {}),
      fields: first ? fieldsOf(first[1].schema) : [],
    };
  });
  const description = ownDescription(op.description);
  return {
    id: op.operationId ?? `${method} ${path}`,
    method,
    path,
    summary: op.summary ?? "",
    ...(description ? { description } : {}),
    roles: op["x-roles"] ?? [],
    signedIn: !(Array.isArray(op.security) && op.security.length === 0),
    parameters,
    ...(body ? { body } : {}),
    responses,
  };
}

/** The document as the page shows it: tags in the order they first appear (paths sorted), operations in path order. */
export function referenceOf(doc: OpenApiDoc): Reference {
  const tags = new Map<string, OperationView[]>();
  let operationCount = 0;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "other";
      tags.set(tag, [...(tags.get(tag) ?? []), operationView(method, path, op)]);
      operationCount++;
    }
  }
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => ({ name, type: typeOf(s), fields: fieldsOf(s) }));
  return {
    tags: [...tags.entries()].map(([name, operations]) => ({ name, operations })).sort((a, b) => a.name.localeCompare(b.name)),
    schemas,
    operationCount,
  };
}

/** The id of an operation's section on the page (a fragment link target). */
export function operationAnchor(id: string): string {
  return `op-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
