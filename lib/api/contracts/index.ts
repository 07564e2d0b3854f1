// Every operation of /api/v1, declared once. Importing this module registers them all.
import "./system";
import "./users";
import "./settings";
import "./departments";
import "./employees";
import "./courses";
import "./training-records";
import "./training-status";
import "./training-import";
import "./contractors";
import "./assessment-templates";
import "./incidents";
import "./regulations";
import "./pms-posts";
export { registeredOperations } from "../operation";
