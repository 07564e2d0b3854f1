import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("course");
export const GET = route.GET;
export const POST = route.POST;
