import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { defineOperation } from "@/lib/api/operation";
import { constraintsOf, fieldsOf, operationAnchor, referenceOf, typeOf, type OpenApiDoc } from "./reference";

describe("typeOf", () => {
  it("names JSON types, arrays, references and unions, and says when null is allowed", () => {
    expect(typeOf({ type: "string" })).toEqual({ text: "string", nullable: false });
    expect(typeOf({ type: ["string", "null"] })).toEqual({ text: "string", nullable: true });
    expect(typeOf({ anyOf: [{ type: "integer" }, { type: "null" }] })).toEqual({ text: "integer", nullable: true });
    expect(typeOf({ type: "array", items: { $ref: "#/components/schemas/Problem" } })).toEqual({ text: "Problem[]", ref: "Problem", nullable: false });
    expect(typeOf({ anyOf: [{ type: "string" }, { type: "number" }] }).text).toBe("string | number");
    expect(typeOf({ type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }] } }).text).toBe("(string | number)[]");
    expect(typeOf(undefined).text).toBe("any");
    expect(typeOf({}).text).toBe("any");
  });
});

describe("constraintsOf", () => {
  it("lists enums (capped), formats, bounds, lengths, patterns and defaults", () => {
    expect(constraintsOf({ type: "string", enum: ["a", "b"] })).toEqual([{ kind: "enum", values: ["a", "b"], more: 0 }]);
    const many = Array.from({ length: 30 }, (_, i) => `v${i}`);
    expect(constraintsOf({ type: "string", enum: many })[0]).toMatchObject({ kind: "enum", more: 6 });
    expect(constraintsOf({ type: "integer", minimum: 1, maximum: 100, default: 20 })).toEqual([
      { kind: "min", value: 1 },
      { kind: "max", value: 100 },
      { kind: "default", value: "20" },
    ]);
    expect(constraintsOf({ type: "string", format: "date", maxLength: 10, pattern: "^\\d+$" })).toEqual([
      { kind: "format", value: "date" },
      { kind: "maxLength", value: 10 },
      { kind: "pattern", value: "^\\d+$" },
    ]);
    // An array of enum values: the array's own bound and its elements' values.
    expect(constraintsOf({ type: "array", minItems: 1, items: { type: "string", enum: ["x"] } })).toEqual([
      { kind: "minItems", value: 1 },
      { kind: "enum", values: ["x"], more: 0 },
    ]);
    // A union of literals (zod) reads as one enum.
    expect(constraintsOf({ anyOf: [{ const: "true" }, { const: "false" }] })).toEqual([{ kind: "enum", values: ["true", "false"], more: 0 }]);
  });
});

describe("fieldsOf", () => {
  it("flattens nested objects and arrays of objects into dotted paths, with required and descriptions", () => {
    const rows = fieldsOf({
      type: "object",
      required: ["items"],
      properties: {
        items: {
          type: "array",
          items: { type: "object", required: ["id"], properties: { id: { type: "integer" }, owner: { anyOf: [{ type: "object", properties: { name: { type: "string", description: "Who" } } }, { type: "null" }] } } },
        },
        total: { type: "integer" },
      },
    });
    expect(rows.map((r) => [r.path, r.depth, r.type.text, r.required, r.type.nullable])).toEqual([
      ["items", 0, "object[]", true, false],
      ["items[].id", 1, "integer", true, false],
      ["items[].owner", 1, "object", false, true],
      ["items[].owner.name", 2, "string", false, false],
      ["total", 0, "integer", false, false],
    ]);
    expect(rows[3].description).toBe("Who");
  });

  it("spells out no fields for a reference or a scalar", () => {
    expect(fieldsOf({ $ref: "#/components/schemas/Problem" })).toEqual([]);
    expect(fieldsOf({ type: "string" })).toEqual([]);
    expect(fieldsOf(undefined)).toEqual([]);
  });
});

describe("referenceOf", () => {
  it("shows every operation of the generated document, by tag, with roles, parameters, body and responses", () => {
    const ops = [
      defineOperation({
        id: "refTestList",
        method: "get",
        path: "/api/v1/ref-test",
        roles: ["privacy_manager", "auditor"],
        tag: "ref-test",
        summary: "List things",
        description: "Paged.",
        query: z.object({ page: z.coerce.number().int().min(1).default(1), status: z.enum(["open", "closed"]).optional() }),
        response: z.object({ items: z.array(z.object({ id: z.number().int(), name: z.string() })), total: z.number().int() }),
      }),
      defineOperation({
        id: "refTestCreate",
        method: "post",
        path: "/api/v1/ref-test",
        roles: ["privacy_manager"],
        tag: "ref-test",
        summary: "Create a thing",
        body: z.object({ name: z.string().min(1).max(200) }),
        example: { name: "x" },
        response: z.object({ id: z.number().int() }),
        successStatus: 201,
      }),
      defineOperation({ id: "refTestGet", method: "get", path: "/api/v1/a-first/{id}", roles: ["hr"], tag: "another", summary: "One", params: z.object({ id: z.coerce.number().int() }) }),
    ];
    const ref = referenceOf(buildOpenApiDocument(ops) as OpenApiDoc);
    expect(ref.operationCount).toBe(3);
    expect(ref.tags.map((t) => t.name)).toEqual(["another", "ref-test"]);
    const [list, create] = ref.tags[1].operations;
    expect(list).toMatchObject({ id: "refTestList", method: "get", path: "/api/v1/ref-test", summary: "List things", description: "Paged.", roles: ["privacy_manager", "auditor"], signedIn: true });
    expect(list.parameters.map((p) => [p.name, p.in, p.required, p.type.text])).toEqual([
      ["page", "query", false, "integer"],
      ["status", "query", false, "string"],
    ]);
    expect(list.parameters[1].constraints).toEqual([{ kind: "enum", values: ["open", "closed"], more: 0 }]);
    const ok = list.responses.find((r) => r.status === "200")!;
    expect(ok.contentType).toBe("application/json");
    expect(ok.fields.map((f) => f.path)).toEqual(["items", "items[].id", "items[].name", "total"]);
    const forbidden = list.responses.find((r) => r.status === "403")!;
    expect(forbidden.type).toEqual({ text: "Problem", ref: "Problem", nullable: false });
    expect(forbidden.description).toMatch(/privacy_manager, auditor/);
    // "Roles: …" is shown apart, not repeated in the description.
    expect(create.description).toBeUndefined();
    expect(create.body).toMatchObject({ contentType: "application/json", type: { text: "object" } });
    expect(create.body!.fields).toEqual([{ path: "name", depth: 0, type: { text: "string", nullable: false }, required: true, constraints: [{ kind: "minLength", value: 1 }, { kind: "maxLength", value: 200 }] }]);
    expect(JSON.parse(create.body!.example!)).toEqual({ name: "x" });
    expect(create.responses[0].status).toBe("201");
    const one = ref.tags[0].operations[0];
    expect(one.parameters[0]).toMatchObject({ name: "id", in: "path", required: true, type: { text: "integer" } });
    expect(ref.schemas.map((s) => s.name)).toEqual(["Problem"]);
    expect(ref.schemas[0].fields.map((f) => f.path)).toContain("errors[].field");
  });

  it("makes fragment-safe anchors", () => {
    expect(operationAnchor("listIncidents")).toBe("op-listIncidents");
    expect(operationAnchor("get /a/{id}")).toBe("op-get--a--id-");
  });
});
