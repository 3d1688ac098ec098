import { pilotDemoTitle } from "../demo/pilotSchedule";
import { HttpClient } from "./httpClient";

/** The id of the demo's small negotiation ("Backup service pilot"), which every demo member is in. */
export async function pilotNegotiationId(baseUrl: string): Promise<string> {
  const http = new HttpClient(baseUrl);
  await http.logIn("buyer@demo.test", "demo-password");
  const list = (await (await http.request("/api/negotiations")).json()) as { id: string; title: string }[];
  const pilot = list.find((n) => n.title === pilotDemoTitle);
  if (!pilot) throw new Error(`no demo negotiation "${pilotDemoTitle}"`);
  return pilot.id;
}
