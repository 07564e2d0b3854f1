import { authorizationTests } from "../support/authorization-cases";

// Role × endpoint from the OpenAPI document, part 2 of 3 (tests/support/authorization-cases.ts).
authorizationTests(2, 3);
