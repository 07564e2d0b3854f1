import { badInputTests } from "../support/bad-input-cases";

// Bad input for every operation of the OpenAPI document, part 2 of 2 (tests/support/bad-input-cases.ts).
badInputTests(2, 2);
