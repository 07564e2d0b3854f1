import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("regulation");
export const GET = route.GET;
export const POST = route.POST;
