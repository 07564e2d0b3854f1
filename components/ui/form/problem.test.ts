import { describe, expect, it } from "vitest";
import { ApiProblem } from "@/lib/client/api";
import { changedFields, classifyFailure, isConflict } from "./problem";

describe("classifyFailure", () => {
  it("a 409 is a conflict with the server's words", () => {
    expect(classifyFailure(new ApiProblem(409, "Conflict", "Changed by someone else", {}))).toEqual({ kind: "conflict", message: "Changed by someone else" });
    expect(isConflict(new ApiProblem(409, "Conflict", undefined, {}))).toBe(true);
    expect(isConflict(new ApiProblem(400, "Bad", undefined, {}))).toBe(false);
  });
  it("a 409 that names a field is a duplicate, said beside that field", () => {
    const err = new ApiProblem(409, "Conflict", "Already registered", { code: "This code is taken" });
    expect(classifyFailure(err, ["code"])).toEqual({ kind: "fields", fields: { code: "This code is taken" }, unshown: [], message: "Already registered" });
    expect(isConflict(err)).toBe(false);
  });
  it("field errors: the ones no field shows become text", () => {
    const f = classifyFailure(new ApiProblem(400, "Invalid", "Check the fields", { title: "Required", version: "Stale" }), ["title"]);
    expect(f).toEqual({ kind: "fields", fields: { title: "Required", version: "Stale" }, unshown: ["Stale"], message: "Check the fields" });
  });
  it("a 503 says what the server said; a 500 and a network error get the general message", () => {
    expect(classifyFailure(new ApiProblem(503, "Unavailable", "The database is unavailable", {}))).toEqual({ kind: "other", message: "The database is unavailable" });
    expect(classifyFailure(new ApiProblem(500, "Internal", "stack", {}))).toEqual({ kind: "other", message: null });
    expect(classifyFailure(new TypeError("fetch failed"))).toEqual({ kind: "other", message: null });
  });
});

describe("changedFields", () => {
  it("lists the fields whose values differ, null and undefined alike", () => {
    expect(changedFields({ a: 1, b: "x", c: null, d: [1] }, { a: 1, b: "y", c: undefined, d: [1, 2] }, ["a", "b", "c", "d"])).toEqual(["b", "d"]);
  });
});
