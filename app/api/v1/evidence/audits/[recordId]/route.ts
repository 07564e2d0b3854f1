import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("audit");
export const GET = route.GET;
export const POST = route.POST;
