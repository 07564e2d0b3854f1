import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("finding");
export const GET = route.GET;
export const POST = route.POST;
