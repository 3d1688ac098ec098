import type { AppLoadContext } from "@remix-run/node";
import { demoPassword } from "../../server/demo/seedDemo";

/** The demo's two sides, for the landing page's "try it" (demo mode only: the logins are public there). */
export function demoLogins(context: AppLoadContext) {
  if (!context.services.config.seedDemo) return null;
  return [
    { email: "buyer@demo.test", password: demoPassword, side: "buyer" as const },
    { email: "supplier@demo.test", password: demoPassword, side: "supplier" as const },
  ];
}
