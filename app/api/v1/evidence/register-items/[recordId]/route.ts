import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("register_item");
export const GET = route.GET;
export const POST = route.POST;
