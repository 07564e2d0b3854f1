import { expect } from "vitest";

type ExportRoute = { GET: (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response> };

/**
 * GETs a list's CSV export as a browser in `lang` would and checks what every export answers: 200,
 * text/csv, a UTF-8 file name, the BOM Excel needs (read from the bytes: Response.text() would drop
 * it). Returns the text after the BOM.
 */
export async function fetchCsvExport(route: ExportRoute, url: string, lang: "ja" | "en" = "ja"): Promise<string> {
  const res = await route.GET(new Request(`http://localhost${url}`, { headers: { "accept-language": lang } }), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/csv");
  expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''");
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes);
}
