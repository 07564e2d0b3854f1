import { config } from "zod";

// Runs in the browser before the app's own code. Zod probes once, when the first object schema is
// built, whether it may compile parsers with `new Function`; the Content-Security-Policy forbids
// eval, so the probe would be refused and reported as a violation on every page with a form or a
// filter. Zod validates just as well without compiling (docs/security.md, "Headers").
config({ jitless: true });
