import { describe, expect, it } from "vitest";
import { inlineRefs, inlineSubtree } from "./inline-refs";

const doc = {
  openapi: "3.1.0",
  paths: {
    "/api/v1/x": {
      get: {
        responses: {
          "200": { content: { "application/json": { schema: { type: "object" } } } },
          "400": { description: "bad", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
        },
        parameters: [{ $ref: "#/components/parameters/Id" }],
      },
    },
  },
  components: {
    schemas: {
      Problem: { type: "object", properties: { title: { type: "string" }, cause: { $ref: "#/components/schemas/Problem" } } },
      "a/b": { type: "string" },
    },
    parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } },
  },
};

/** The value at a path of a JSON value. */
const at = (value: unknown, ...path: (string | number)[]): unknown => path.reduce((o: unknown, k) => (o as Record<string, unknown>)[k], value);

describe("inlineRefs", () => {
  it("replaces local references by their target, naming it in $$ref", () => {
    const get = at(inlineRefs(doc), "paths", "/api/v1/x", "get");
    expect(at(get, "parameters", 0)).toEqual({ name: "id", in: "path", required: true, schema: { type: "string" }, $$ref: "#/components/parameters/Id" });
    const problem = at(get, "responses", "400", "content", "application/problem+json", "schema");
    expect(at(problem, "type")).toBe("object");
    expect(at(problem, "$$ref")).toBe("#/components/schemas/Problem");
    expect(at(problem, "properties", "title")).toEqual({ type: "string" });
  });

  it("leaves a reference to itself (a cycle) as it is, one level down", () => {
    const cause = at(inlineRefs(doc), "components", "schemas", "Problem", "properties", "cause");
    expect(at(cause, "type")).toBe("object");
    expect(at(cause, "properties", "cause")).toEqual({ $ref: "#/components/schemas/Problem" });
  });

  it("decodes ~1 in pointers, keeps siblings of $ref and leaves unknown or external references alone", () => {
    const out = inlineRefs({ ...doc, x: { $ref: "#/components/schemas/a~1b", description: "d" }, y: { $ref: "#/nope" }, z: { $ref: "other.json#/a" } });
    expect(at(out, "x")).toEqual({ type: "string", description: "d", $$ref: "#/components/schemas/a~1b" });
    expect(at(out, "y")).toEqual({ $ref: "#/nope" });
    expect(at(out, "z")).toEqual({ $ref: "other.json#/a" });
  });

  it("does not change its input", () => {
    const before = JSON.stringify(doc);
    inlineRefs(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe("inlineSubtree", () => {
  it("resolves the value at a path against the whole document", () => {
    const op = inlineSubtree(doc, ["paths", "/api/v1/x", "get"]);
    expect(at(op, "parameters", 0, "name")).toBe("id");
    expect(inlineSubtree(doc, ["paths", "/nope"])).toBeUndefined();
  });
});
