import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("contractor");
export const GET = route.GET;
export const POST = route.POST;
