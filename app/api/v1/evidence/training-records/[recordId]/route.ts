import { recordEvidenceRoute } from "../../record-route";

const route = recordEvidenceRoute("training_record");
export const GET = route.GET;
export const POST = route.POST;
