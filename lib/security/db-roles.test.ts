import { describe, expect, it } from "vitest";
import { quoteIdent, roleOfUrl, runtimeGrantStatements } from "./db-roles";

describe("roleOfUrl", () => {
  it("reads the user of the URL, percent-decoded", () => {
    expect(roleOfUrl("postgres://pms_app:secret@db.example:5432/pms")).toBe("pms_app");
    expect(roleOfUrl("postgresql://pms%40app:p%40ss@db/pms")).toBe("pms@app");
  });
  it("falls back as postgres.js does when the URL names no user", () => {
    expect(roleOfUrl("postgres://db/pms", { PGUSER: "from_env" })).toBe("from_env");
    expect(roleOfUrl("postgres://db/pms", { PGUSERNAME: "first", PGUSER: "second" })).toBe("first");
    expect(roleOfUrl("postgres://db/pms", {})).toMatch(/.+/);
  });
});

describe("runtimeGrantStatements", () => {
  const s = runtimeGrantStatements("pms_app");
  it("gives every table data access but audit_log only SELECT and INSERT", () => {
    const all = s.indexOf('grant select, insert, update, delete on all tables in schema public to "pms_app"');
    const audit = s.indexOf('revoke update, delete on audit_log from "pms_app"');
    expect(all).toBeGreaterThan(-1);
    expect(audit).toBeGreaterThan(all);
    expect(s.join("\n")).not.toMatch(/truncate|trigger|references|\ball privileges\b/i);
  });
  it("starts from nothing and makes later tables follow", () => {
    expect(s[0]).toBe('revoke all on all tables in schema public from "pms_app"');
    expect(s.filter((x) => x.startsWith("alter default privileges"))).toHaveLength(3);
  });
  it("quotes the role name", () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(runtimeGrantStatements('a"; drop table x; --')[2]).toBe('grant usage on schema public to "a""; drop table x; --"');
  });
});
