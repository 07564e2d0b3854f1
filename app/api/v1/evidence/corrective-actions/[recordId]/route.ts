import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("corrective_action");
export const GET = route.GET;
export const POST = route.POST;
