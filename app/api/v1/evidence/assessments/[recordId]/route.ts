import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("assessment");
export const GET = route.GET;
export const POST = route.POST;
