import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("management_review");
export const GET = route.GET;
export const POST = route.POST;
