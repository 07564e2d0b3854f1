import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("incident");
export const GET = route.GET;
export const POST = route.POST;
