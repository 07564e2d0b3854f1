import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("training_session");
export const GET = route.GET;
export const POST = route.POST;
