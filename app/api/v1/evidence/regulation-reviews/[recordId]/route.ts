import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("regulation_review");
export const GET = route.GET;
export const POST = route.POST;
