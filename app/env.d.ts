/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import type { RequestContext } from "../server/context";

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface AppLoadContext extends RequestContext {}
}
