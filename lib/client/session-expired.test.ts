import { describe, expect, it } from "vitest";
import { loginUrlFor } from "./session-expired";

describe("loginUrlFor", () => {
  it("sends the user back to the page they were on, query included", () => {
    expect(loginUrlFor({ origin: "https://pms.example.jp", pathname: "/incidents", search: "?status=open" })).toBe(
      "https://pms.example.jp/login?callbackUrl=%2Fincidents%3Fstatus%3Dopen",
    );
  });
  it("adds no return path for the home page or the login page itself", () => {
    expect(loginUrlFor({ origin: "http://localhost:3000", pathname: "/", search: "" })).toBe("http://localhost:3000/login");
    expect(loginUrlFor({ origin: "http://localhost:3000", pathname: "/login", search: "?callbackUrl=%2Fx" })).toBe("http://localhost:3000/login");
  });
});
